using System.Text;

using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// What SARIF's <c>tool.driver.rules</c> says about each code: the built-in catalog (every code the engine can report,
/// in code order, as a default engine declares it) and one sentence per code. A diagnosis does not carry its engine's
/// catalog, so the SARIF log describes the built-in one; a finding whose code is not in it still gets a result.
/// </summary>
internal static class SarifRules
{
    /// <summary>Every code of the built-in catalog, in code order (the rules' indexes in the log).</summary>
    public static IReadOnlyList<RuleDescriptor> Catalog { get; } = new DiagnosticEngine().Catalog;

    private static readonly Dictionary<string, int> Indexes = Catalog
        .Select((d, i) => (d.Code, i))
        .ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

    /// <summary>One sentence per code (the catalog's own summary of it); codes without one get their name in words.</summary>
    private static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        [DiagnosticCodes.UserNotFound] = "The requested user is not in the snapshot.",
        [DiagnosticCodes.AccountDisabled] = "The user's account is disabled (accountEnabled is false).",
        [DiagnosticCodes.GuestAccount] = "The user is a B2B guest.",
        [DiagnosticCodes.SecurityDefaultsEnabled] = "Security defaults are enabled: they block every legacy-authentication sign-in.",
        [DiagnosticCodes.PerUserMfaDisabled] = "Per-user MFA is disabled: App password is only offered to users enforced for per-user MFA.",
        [DiagnosticCodes.PerUserMfaEnabledNotEnforced] = "Per-user MFA is enabled but not enforced: App password is only offered once it is enforced.",
        [DiagnosticCodes.MfaOnlyFromConditionalAccess] = "MFA comes only from Conditional Access, which leaves the per-user MFA state disabled.",
        [DiagnosticCodes.AppPasswordsDisabledForTenant] = "The tenant switch \"Allow users to create app passwords\" is off.",
        [DiagnosticCodes.LegacyAuthBlockedByConditionalAccess] = "A Conditional Access policy blocks legacy authentication, so sign-ins with an app password fail.",
        [DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients] = "A Conditional Access policy requires a grant that legacy clients cannot satisfy.",
        [DiagnosticCodes.ReportOnlyPolicyWouldBlock] = "A report-only Conditional Access policy would block sign-ins with an app password once enabled.",
        [DiagnosticCodes.ConditionalAccessPolicyMayApply] = "A Conditional Access policy may apply, depending on the sign-in's conditions.",
        [DiagnosticCodes.SecurityInfoRegistrationBlocked] = "A policy blocks registering security info, where app passwords are created.",
        [DiagnosticCodes.NoMfaMethodRegistered] = "The user has no MFA method registered.",
        [DiagnosticCodes.FederatedDomain] = "The user's domain is federated.",
        [DiagnosticCodes.SyncedFromOnPremises] = "The account is synchronized from on-premises.",
        [DiagnosticCodes.AuthenticationMethodsPolicyMigrated] = "The authentication methods policy migration is complete.",
        [DiagnosticCodes.LegacyProtocolRetired] = "A declared legacy protocol no longer accepts app passwords on the capture date.",
        [DiagnosticCodes.PrivilegedAdminAccount] = "The account holds a directory role.",
        [DiagnosticCodes.SmtpAuthBasicOffByDefault] = "SMTP AUTH is declared and Basic authentication for it is off by default from 2027-01-01.",
        [DiagnosticCodes.SmtpAuthDisabledForMailbox] = "SMTP AUTH is declared and the Exchange Online settings turn it off for this user.",
        [DiagnosticCodes.PerUserMfaMixedWithConditionalAccess] = "The plan mixes per-user MFA with Conditional Access.",
        [DiagnosticCodes.ModernAuthenticationRecommended] = "Modern authentication is the durable fix.",
        [DiagnosticCodes.DataNotCaptured] = "A section a check needs was not captured, failed, or holds a value this version cannot interpret.",
        [DiagnosticCodes.TenantAppPasswordSettingUnknown] = "The tenant-wide app password switch could not be read and must be checked by hand.",
        [DiagnosticCodes.ExchangeSettingsNotCaptured] = "SMTP AUTH is declared and the Exchange Online settings were not captured.",
        [DiagnosticCodes.RuleFailed] = "A rule failed with an exception; the verdict is decided without it.",
    };

    /// <summary>The index of <paramref name="code"/> in <see cref="Catalog"/>, or -1 when the built-in catalog lacks it.</summary>
    public static int IndexOf(string code) => Indexes.TryGetValue(code, out int index) ? index : -1;

    /// <summary>The one-sentence summary of <paramref name="descriptor"/>.</summary>
    public static string Summary(RuleDescriptor descriptor) =>
        Summaries.TryGetValue(descriptor.Code, out string? summary) ? summary : Words(descriptor.Name) + ".";

    /// <summary>The summary, then what the code's findings are about, its default severity and how well it is backed.</summary>
    public static string Description(RuleDescriptor descriptor) =>
        $"{Summary(descriptor)} {KindSentence(descriptor.Kind)} Default severity: {JsonNames.Of(descriptor.Severity)}. {ConfidenceSentence(descriptor.Confidence)}";

    /// <summary>The SARIF level of a severity: blocker is error, warning is warning, info is note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Blocker => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string KindSentence(FindingKind kind) => kind switch
    {
        FindingKind.Availability => "Its findings decide whether the App password option is offered.",
        FindingKind.Usability => "Its findings decide whether sign-ins with an app password work.",
        FindingKind.Explanation => "Its findings explain why things are as they are; no change is needed.",
        FindingKind.Advisory => "Its findings are advice that goes with the plan.",
        _ => "Its findings report missing or uninterpretable data, or a rule that failed.",
    };

    private static string ConfidenceSentence(Confidence confidence) => confidence == Confidence.Documented
        ? "Backed by Microsoft documentation."
        : "Backed by observed behaviour, community reports or inference.";

    /// <summary><c>PerUserMfaDisabled</c> as <c>Per user mfa disabled</c>.</summary>
    private static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }
}
