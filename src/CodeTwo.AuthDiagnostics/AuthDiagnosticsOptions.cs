using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>How the host uses app passwords, and its own rule policy. Read once when the engine is built.</summary>
/// <example>
/// <code>
/// services.AddAuthDiagnostics(options =>
/// {
///     options.TargetResourceAppId = KnownApps.ExchangeOnline;
///     options.LegacyProtocols = LegacyProtocols.Ews | LegacyProtocols.Imap;
///     options.Rules.Disable("APW040");
/// });
/// </code>
/// </example>
public sealed class AuthDiagnosticsOptions
{
    /// <summary>The app id of the resource the host's legacy client signs in to. Default: Exchange Online.</summary>
    public string TargetResourceAppId { get; set; } = KnownApps.ExchangeOnline;

    /// <summary>The Exchange Online protocols the host uses with an app password. Default: none declared.</summary>
    public LegacyProtocols LegacyProtocols { get; set; } = LegacyProtocols.None;

    /// <summary>How long the plan waits after revoking sessions before the user signs in again. Default 15 minutes.</summary>
    public TimeSpan PropagationWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Host rule policy: disable or re-grade built-in codes, add the host's own rules.</summary>
    public RuleOptions Rules { get; } = new();
}

/// <summary>
/// Application ids and the literals Conditional Access uses in <c>includeApplications</c> / <c>excludeApplications</c>.
/// </summary>
public static class KnownApps
{
    /// <summary>Every resource (<c>All</c>).</summary>
    public const string All = "All";

    /// <summary>No resource (<c>None</c>).</summary>
    public const string None = "None";

    /// <summary>The Office 365 app group (<c>Office365</c>); it contains Exchange Online.</summary>
    public const string Office365 = "Office365";

    /// <summary>The Microsoft admin portals group (<c>MicrosoftAdminPortals</c>).</summary>
    public const string MicrosoftAdminPortals = "MicrosoftAdminPortals";

    /// <summary>Exchange Online: <c>00000002-0000-0ff1-ce00-000000000000</c>.</summary>
    public const string ExchangeOnline = "00000002-0000-0ff1-ce00-000000000000";

    /// <summary>SharePoint Online: <c>00000003-0000-0ff1-ce00-000000000000</c>.</summary>
    public const string SharePointOnline = "00000003-0000-0ff1-ce00-000000000000";

    /// <summary>Microsoft Graph: <c>00000003-0000-0000-c000-000000000000</c>.</summary>
    public const string MicrosoftGraph = "00000003-0000-0000-c000-000000000000";

    /// <summary>Microsoft Teams: <c>cc15fd57-2c6c-4117-a88c-83b1d56b4bbe</c>.</summary>
    public const string MicrosoftTeams = "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe";

    /// <summary>Windows Azure Service Management API: <c>797f4846-ba00-4fd7-ba43-dac1f8f63013</c>.</summary>
    public const string AzureServiceManagement = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
}

/// <summary>
/// The legacy protocols a host's product may sign in with, using an app password (catalog v1.1). Whether each one still
/// accepts app passwords on the snapshot's capture date is in <see cref="Rules.LegacyProtocolRetirements"/>.
/// </summary>
[Flags]
public enum LegacyProtocols
{
    /// <summary>None declared.</summary>
    None = 0,

    /// <summary>Exchange Web Services (CLI name <c>EWS</c>; Basic authentication retired in Exchange Online).</summary>
    Ews = 1,

    /// <summary>Exchange ActiveSync (CLI name <c>EAS</c>; Basic authentication retired in Exchange Online).</summary>
    ExchangeActiveSync = 2,

    /// <summary>IMAP (CLI name <c>IMAP</c>; Basic authentication retired in Exchange Online).</summary>
    Imap = 4,

    /// <summary>POP (CLI name <c>POP</c>; Basic authentication retired in Exchange Online).</summary>
    Pop = 8,

    /// <summary>SMTP AUTH client submission (CLI name <c>SMTP</c>; not retired, but off by default from 2027-01-01).</summary>
    SmtpAuth = 16,

    /// <summary>Exchange Online Remote PowerShell (CLI name <c>RPS</c>; Basic authentication retired).</summary>
    RemotePowerShell = 32,

    /// <summary>Outlook MAPI over HTTP, RPC, the offline address book and Autodiscover (CLI name <c>MAPI</c>; Basic authentication retired).</summary>
    OutlookMapi = 64,

    /// <summary>SharePoint Online / OneDrive legacy IDCRL authentication (CLI name <c>IDCRL</c>; retired 2026-05-01).</summary>
    SharePointIdcrl = 128,
}
