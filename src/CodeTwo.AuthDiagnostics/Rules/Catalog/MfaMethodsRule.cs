using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW030: the user has no MFA method registered (only the password and e-mail).</summary>
internal sealed class MfaMethodsRule : CatalogRule
{
    private static readonly DiagnosticDescriptor NoMethod = DiagnosticCatalog.NoMfaMethodRegistered;

    public override string Id => "mfa-methods";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [NoMethod];

    public override void Evaluate(RuleContext context)
    {
        var entry = context.User!;
        if (entry.Sections.AuthenticationMethods.Value is not { } methods || methods.Any(m => m.IsMfaCapable))
        {
            return;
        }

        context.Report(
            DiagnosticCodes.NoMfaMethodRegistered,
            () => new FindingText(
                $"{entry.User.UserPrincipalName} has no MFA method registered",
                $"{entry.User.UserPrincipalName} has only {(methods.Count == 0 ? "no method" : string.Join(" and ", methods.Select(m => m.Kind.ToString().ToLowerInvariant())))} registered (e-mail serves password reset only). Security info asks for MFA before it lets the user add an app password, so the user must first register a method such as Microsoft Authenticator or a phone.",
                Evidence(entry, methods)));
    }

    /// <summary>One pointer per registered method (its <c>@odata.type</c>), or the empty list itself.</summary>
    private static Evidence[] Evidence(Snapshots.UserEntry entry, IReadOnlyList<Snapshots.Graph.AuthenticationMethod> methods)
    {
        const string Expected = "a method other than password and e-mail";
        string list = JsonPointer.User(entry.Index, "sections", "authenticationMethods", "value");
        return methods.Count == 0
            ? [new Evidence(list, "[]", Expected)]
            : methods.Select(m => new Evidence(JsonPointer.User(entry.Index, "sections", "authenticationMethods", "value", m.Index, "@odata.type"), EvidenceValues.String(m.ODataType), Expected)).ToArray();
    }
}
