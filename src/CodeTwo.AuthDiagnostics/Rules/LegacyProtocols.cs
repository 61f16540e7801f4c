using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

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
