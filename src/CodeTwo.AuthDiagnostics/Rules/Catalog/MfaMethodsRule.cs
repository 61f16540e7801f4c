using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW030: the user has no MFA method registered (only the password and e-mail).</summary>
internal sealed class MfaMethodsRule : CatalogRule
{
    public override string Id => "mfa-methods";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.NoMfaMethodRegistered];

    public override void Evaluate(ref RuleContext context)
    {
        var entry = context.User!;
        if (entry.Sections.AuthenticationMethods.Value is not { } methods || AnyMfaCapable(methods))
        {
            return;
        }

        context.Report(DiagnosticCodes.NoMfaMethodRegistered, (entry, methods), static s => new FindingText(
            $"{s.entry.User.UserPrincipalName} has no MFA method registered",
            $"{s.entry.User.UserPrincipalName} has only {(s.methods.Count == 0 ? "no method" : string.Join(" and ", s.methods.Select(m => m.Kind.ToString().ToLowerInvariant())))} registered (e-mail serves password reset only). Security info asks for MFA before it lets the user add an app password, so the user must first register a method such as Microsoft Authenticator or a phone.",
            Evidence(s.entry, s.methods)));
    }

    private static bool AnyMfaCapable(IReadOnlyList<AuthenticationMethod> methods)
    {
        for (int i = 0; i < methods.Count; i++)
        {
            if (methods[i].IsMfaCapable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One pointer per registered method (its <c>@odata.type</c>), or the empty list itself.</summary>
    private static Evidence[] Evidence(UserEntry entry, IReadOnlyList<AuthenticationMethod> methods)
    {
        const string Expected = "a method other than password and e-mail";
        string list = JsonPointer.User(entry.Index, "sections", "authenticationMethods", "value");
        return methods.Count == 0
            ? [new Evidence(list, "[]", Expected)]
            : methods.Select(m => new Evidence(JsonPointer.User(entry.Index, "sections", "authenticationMethods", "value", m.Index, "@odata.type"), EvidenceValues.String(m.ODataType), Expected)).ToArray();
    }
}
