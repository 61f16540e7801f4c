using CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW030: the user has no MFA method registered (only the password and e-mail).</summary>
internal sealed class MfaMethodsRule : CatalogRule
{
    private static readonly RuleDescriptor NoMethod = Describe(DiagnosticCodes.NoMfaMethodRegistered, "NoMfaMethodRegistered", Severity.Info, FindingKind.Advisory, Confidence.Documented, Sources.ListMethods, Sources.CombinedRegistration);

    public override string Id => "mfa-methods";

    public override IReadOnlyList<RuleDescriptor> Descriptors => [NoMethod];

    public override void Evaluate(RuleContext context)
    {
        var entry = context.User!;
        if (entry.Sections.AuthenticationMethods.Value is not { } methods || methods.Any(m => m.IsMfaCapable))
        {
            return;
        }

        context.Report(
            DiagnosticCodes.NoMfaMethodRegistered,
            $"{entry.User.UserPrincipalName} has no MFA method registered",
            $"{entry.User.UserPrincipalName} has only {(methods.Count == 0 ? "no method" : string.Join(" and ", methods.Select(m => m.Kind.ToString().ToLowerInvariant())))} registered (e-mail serves password reset only). Security info asks for MFA before it lets the user add an app password, so the user must first register a method such as Microsoft Authenticator or a phone.",
            [new Evidence(JsonPointer.User(entry.Index, "sections", "authenticationMethods", "value"), EvidenceValues.Strings(methods.Select(m => m.ODataType)), "a method other than password and e-mail")]);
    }
}
