using System.Text.Json;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Exchange;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// APW062, APW063, APW092 (catalog v1.1 §1, §6.8): when the host declares SMTP AUTH, whether Exchange Online lets this
/// user's mailbox use it with Basic authentication (an app password). The settings come from the optional
/// <c>exchangeOnline</c> section (Exchange Online PowerShell; no Graph API exists):
/// not captured → APW092 (and, from the day Basic SMTP AUTH is off by default, APW062); captured and off for the user →
/// APW063; captured and allowed → nothing.
/// </summary>
internal sealed class SmtpAuthRule : CatalogRule
{
    /// <summary>How the data is obtained, for texts and evidence.</summary>
    internal const string CaptureHint = "captured with the read-only script of 'c2authdiag exchange-script' (Exchange Online PowerShell) and merged with --exchange-settings";

    private static readonly LegacyProtocolRetirement Smtp = LegacyProtocolRetirements.For(LegacyProtocols.SmtpAuth);

    public override string Id => "smtp-auth";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.SmtpAuthBasicOffByDefault, DiagnosticCatalog.SmtpAuthDisabledForMailbox, DiagnosticCatalog.ExchangeSettingsNotCaptured];

    public override void Evaluate(ref RuleContext context)
    {
        if ((context.Settings.LegacyProtocols & LegacyProtocols.SmtpAuth) == 0)
        {
            return;
        }

        var section = context.Snapshot.Sections.ExchangeOnline;
        string upn = context.UserName;
        if (section.Value is not { } settings)
        {
            context.Report(DiagnosticCodes.ExchangeSettingsNotCaptured, (section, upn), static s => new FindingText(
                "The Exchange Online SMTP AUTH settings were not captured",
                $"The product uses SMTP AUTH with {s.upn}'s app password, but the snapshot has no Exchange Online settings (no Graph API exposes them), so it cannot tell whether SMTP AUTH is allowed for the mailbox. Check it by hand, or capture the settings ({CaptureHint}).",
                [SectionEvidence(s.section)]));
            if (Smtp.IsOffByDefaultOn(context.Index.Protocols.Date))
            {
                context.Report(DiagnosticCodes.SmtpAuthBasicOffByDefault, (section, upn, context.Snapshot.CapturedAt), static s => new FindingText(
                    "Basic authentication for SMTP AUTH is off by default from 2027-01-01",
                    $"At the end of December 2026 Microsoft turned SMTP AUTH Basic authentication off by default for existing tenants (tenants created later never have it); an admin can turn it back on for now, and the final removal date is to be announced in the second half of 2027. The snapshot does not show it allowed for {s.upn}, so the product's app-password sign-ins over SMTP AUTH may fail. Check the tenant's and the mailbox's SMTP AUTH settings.",
                    [SectionEvidence(s.section), new Evidence("/capturedAt", EvidenceValues.String(SnapshotWriter.FormatInstant(s.CapturedAt)), $"a date before {LegacyProtocolRetirements.Format(Smtp.OffByDefaultFrom!.Value)}, or SMTP AUTH shown allowed for the user (the date applies to every cloud: Microsoft announced it for Microsoft 365 as a whole)")]));
            }

            return;
        }

        // SmtpAuthState.Of decides the same without building it (the words build it); the plan's changes come first.
        var changes = context.Changes;
        string userId = context.User!.User.Id;
        var mailbox = settings.FindUser(userId);
        bool mailboxBlocks = !changes.SmtpMailboxAllowed && (mailbox?.SmtpClientAuthenticationDisabled ?? settings.SmtpClientAuthenticationDisabled);
        bool policyBlocks = false;
        if (!changes.SmtpPolicyAllowed)
        {
            string? name = mailbox?.AuthenticationPolicy is { Length: > 0 } own ? own : settings.DefaultAuthenticationPolicy is { Length: > 0 } byDefault ? byDefault : null;
            var policy = name is null ? null : settings.FindAuthenticationPolicy(name);
            if (name is not null && policy is null)
            {
                context.Report(DiagnosticCodes.DataNotCaptured, (settings, userId, upn), static s =>
                {
                    var state = SmtpAuthState.Of(s.settings, s.userId);
                    return new FindingText(
                        $"The authentication policy that applies to {s.upn} is not in the Exchange Online settings",
                        $"{(state.PolicyFromUser ? $"{s.upn}'s own authentication policy" : "The organisation's default authentication policy")} is '{state.UnknownPolicy}', but the captured authenticationPolicies do not list it, so whether it allows SMTP AUTH Basic cannot be told. Capture the Exchange Online settings again ({CaptureHint}).",
                        [new Evidence(state.PolicyPointer!, EvidenceValues.String(state.UnknownPolicy!), "the name of a policy listed in /sections/exchangeOnline/value/authenticationPolicies")]);
                });
            }

            policyBlocks = policy is { AllowBasicAuthSmtp: false };
        }

        if (mailboxBlocks || policyBlocks)
        {
            context.Report(DiagnosticCodes.SmtpAuthDisabledForMailbox, (settings, userId, upn), static s => Disabled(SmtpAuthState.Of(s.settings, s.userId), s.upn));
        }
    }

    /// <summary>The words of APW063: which setting turns SMTP AUTH off for the user, and where it stands.</summary>
    private static FindingText Disabled(SmtpAuthState state, string upn)
    {
        var evidence = new List<Evidence>();
        var reasons = new List<string>();
        if (state.MailboxBlocks)
        {
            if (state.Mailbox?.SmtpClientAuthenticationDisabled == true)
            {
                evidence.Add(new Evidence(MailboxPointer(state.UserId, "smtpClientAuthenticationDisabled"), "true", "false"));
                reasons.Add("the mailbox's own SMTP AUTH switch is off (SmtpClientAuthenticationDisabled $true)");
            }
            else
            {
                evidence.Add(new Evidence(JsonPointer.TenantSection("exchangeOnline", "value", "smtpClientAuthenticationDisabled"), "true", "false, or the mailbox's own setting false"));
                evidence.Add(state.Mailbox is null
                    ? new Evidence(MailboxPointer(state.UserId), null, "the mailbox's own setting false (a user missing from users follows the tenant)")
                    : new Evidence(MailboxPointer(state.UserId, "smtpClientAuthenticationDisabled"), "null", "false"));
                reasons.Add("SMTP AUTH is off for the tenant and the mailbox follows the tenant");
            }
        }

        if (state.PolicyBlocks)
        {
            var policy = state.Policy!;
            evidence.Add(new Evidence(JsonPointer.TenantSection("exchangeOnline", "value", "authenticationPolicies", policy.Index, "allowBasicAuthSmtp"), "false", "true"));
            evidence.Add(new Evidence(state.PolicyPointer!, EvidenceValues.String(policy.Name), "a policy with allowBasicAuthSmtp true"));
            reasons.Add($"the authentication policy '{policy.Name}' that applies to the user ({(state.PolicyFromUser ? "the user's own" : "the organisation's default")}) blocks Basic authentication for SMTP AUTH");
        }

        return new FindingText(
            $"Exchange Online turns SMTP AUTH off for {upn}",
            $"The product uses SMTP AUTH with {upn}'s app password, but {string.Join(", and ", reasons)}. SMTP AUTH sign-ins with an app password will be refused until that one setting changes.",
            evidence);
    }

    internal static string MailboxPointer(string userId, params object[] tail) => JsonPointer.TenantSection("exchangeOnline", ["value", "users", userId, .. tail]);

    private static Evidence SectionEvidence(Section<ExchangeOnlineSettings> section)
    {
        string expected = "captured: " + CaptureHint;
        if (ReferenceEquals(section, Section<ExchangeOnlineSettings>.Absent))
        {
            return new Evidence(JsonPointer.TenantSection("exchangeOnline"), null, expected);
        }

        return section.Status == SectionStatus.Failed
            ? new Evidence(JsonPointer.TenantSection("exchangeOnline", "status"), "\"failed\"", expected)
            : new Evidence(JsonPointer.TenantSection("exchangeOnline", "status"), "\"notCaptured\"", expected);
    }
}

/// <summary>
/// What the captured Exchange Online settings say about one user's SMTP AUTH (catalog v1.1 §1, §6.8–9): the mailbox
/// switch (<c>null</c> follows the tenant), and the authentication policy that applies (the user's own, else the
/// organisation's default). A user missing from <c>users</c> counts as a <c>null</c> switch and no own policy.
/// </summary>
internal sealed class SmtpAuthState
{
    public string UserId { get; private init; } = string.Empty;

    public ExchangeMailboxSettings? Mailbox { get; private init; }

    /// <summary>The mailbox is off, or follows a tenant that is off.</summary>
    public bool MailboxBlocks { get; private init; }

    /// <summary>The policy that applies, when it is captured.</summary>
    public ExchangeAuthenticationPolicy? Policy { get; private init; }

    /// <summary>The policy that applies blocks Basic SMTP AUTH.</summary>
    public bool PolicyBlocks => Policy is { AllowBasicAuthSmtp: false };

    /// <summary>Whether the policy is the user's own (else the organisation's default).</summary>
    public bool PolicyFromUser { get; private init; }

    /// <summary>Where the applying policy's name stands.</summary>
    public string? PolicyPointer { get; private init; }

    /// <summary>A policy name that applies but is not among the captured policies.</summary>
    public string? UnknownPolicy { get; private init; }

    public static SmtpAuthState Of(ExchangeOnlineSettings settings, string userId)
    {
        var mailbox = settings.FindUser(userId);
        bool mailboxBlocks = mailbox?.SmtpClientAuthenticationDisabled ?? settings.SmtpClientAuthenticationDisabled;
        bool fromUser = mailbox?.AuthenticationPolicy is { Length: > 0 };
        string? name = fromUser ? mailbox!.AuthenticationPolicy : settings.DefaultAuthenticationPolicy is { Length: > 0 } byDefault ? byDefault : null;
        var policy = name is null ? null : settings.FindAuthenticationPolicy(name);
        return new SmtpAuthState
        {
            UserId = userId,
            Mailbox = mailbox,
            MailboxBlocks = mailboxBlocks,
            Policy = policy,
            PolicyFromUser = fromUser,
            PolicyPointer = name is null ? null : fromUser ? SmtpAuthRule.MailboxPointer(userId, "authenticationPolicy") : JsonPointer.TenantSection("exchangeOnline", "value", "defaultAuthenticationPolicy"),
            UnknownPolicy = name is not null && policy is null ? name : null,
        };
    }
}
