using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// APW093 (catalog v1.2 §3): the <c>signIns</c> or <c>conditionalAccessEvaluation</c> section failed. Names the HTTP status,
/// Graph's error code and what reading it needs. Information only: the diagnosis then rests on the configuration, as
/// without these sections; <c>notCaptured</c> fires nothing.
/// </summary>
internal sealed class SignInEvidenceRule : CatalogRule
{
    public override string Id => "sign-in-evidence";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.SignInEvidenceUnavailable];

    public override void Evaluate(ref RuleContext context)
    {
        var entry = context.User!;
        if (entry.Sections.SignIns.Error is { } signIns)
        {
            context.Report(DiagnosticCodes.SignInEvidenceUnavailable, (context.UserName, entry.Index, signIns), static s => Words(s.UserName, s.Index, "signIns", s.signIns));
        }

        if (entry.Sections.ConditionalAccessEvaluation.Error is { } evaluation)
        {
            context.Report(DiagnosticCodes.SignInEvidenceUnavailable, (context.UserName, entry.Index, evaluation), static s => Words(s.UserName, s.Index, "conditionalAccessEvaluation", s.evaluation));
        }
    }

    private static FindingText Words(string upn, int userIndex, string section, SectionError error)
    {
        bool log = section == "signIns";
        bool nonPremium = string.Equals(error.Code, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", StringComparison.OrdinalIgnoreCase);
        string what = log ? "The sign-in log" : "Microsoft's Conditional Access evaluation (What-If)";
        string needed = log
            ? nonPremium
                ? "The tenant has no Microsoft Entra ID P1 or P2 licence, which the sign-in log API requires; the log can still be read in the Entra admin center (Sign-in logs)."
                : "Reading it needs AuditLog.Read.All and Directory.Read.All (delegated: also a role such as Reports Reader or Global Reader) and Microsoft Entra ID P1 or P2."
            : "Reading it needs Policy.Read.ConditionalAccess.";
        string answer = error.Code is { Length: > 0 } code ? $"HTTP {error.HttpStatus} {code}" : $"HTTP {error.HttpStatus}";
        return new FindingText(
            $"{what} for {upn} could not be read ({answer})",
            $"{what} for {upn} could not be read: Graph answered {answer}. {needed} The diagnosis rests on the configuration alone, as it would without this section.",
            [new Evidence(JsonPointer.User(userIndex, "sections", section, "error", "httpStatus"), error.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), "a captured section")]);
    }
}
