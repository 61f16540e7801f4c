using System.Globalization;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// The retirement table of catalog v1.1 as data, one row per protocol, each with its source (checked 2026-12; see the
/// domain facts, section "Retirements"). The engine evaluates it on the UTC date of the snapshot's <c>capturedAt</c>,
/// never the wall clock, so the same snapshot always gives the same diagnosis.
/// </summary>
internal static class LegacyProtocolRetirements
{
    /// <summary>Exchange Online's deprecation of Basic authentication (EWS, EAS, POP, IMAP, Remote PowerShell, MAPI, RPC, OAB, Autodiscover).</summary>
    public const string ExchangeBasicAuthSource = "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online";

    /// <summary>SMTP AUTH client submission and its switches (the Exchange Team's retirement announcement, MC786329, updated 2026-01-27).</summary>
    public const string SmtpAuthSource = "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission";

    /// <summary>The Exchange Team blog post announcing the SMTP AUTH Basic retirement (its 2026-01-27 update sets the end-of-2026 default).</summary>
    public const string SmtpAuthAnnouncement = "https://techcommunity.microsoft.com/blog/exchange/exchange-online-to-retire-basic-auth-for-client-submission-smtp-auth/4114750";

    /// <summary>Message Center MC1184649: SharePoint Online and OneDrive block IDCRL legacy authentication.</summary>
    public const string SharePointIdcrlSource = "Message Center MC1184649 (SharePoint Online: IDCRL legacy authentication blocked by default from 2026-02-16, permanently from 2026-05-01)";

    private static readonly DateOnly ExchangeRetired = new(2023, 1, 1);

    /// <summary>Every row, in <see cref="LegacyProtocols"/> flag order.</summary>
    public static IReadOnlyList<LegacyProtocolRetirement> All { get; } = Array.AsReadOnly(new LegacyProtocolRetirement[]
    {
        new(LegacyProtocols.Ews, "EWS", "EWS", ExchangeRetired, null, "Basic authentication retired in Exchange Online (October 2022; the last re-enablements ended in December 2022). EWS itself is blocked by default from 2026-10-01 and shut down on 2027-04-01 (MC1227454): use Microsoft Graph.", ExchangeBasicAuthSource),
        new(LegacyProtocols.ExchangeActiveSync, "EAS", "Exchange ActiveSync", ExchangeRetired, null, "Basic authentication retired in Exchange Online (October 2022; the last re-enablements ended in December 2022).", ExchangeBasicAuthSource),
        new(LegacyProtocols.Imap, "IMAP", "IMAP", ExchangeRetired, null, "Basic authentication retired in Exchange Online (October 2022; the last re-enablements ended in December 2022).", ExchangeBasicAuthSource),
        new(LegacyProtocols.Pop, "POP", "POP", ExchangeRetired, null, "Basic authentication retired in Exchange Online (October 2022; the last re-enablements ended in December 2022).", ExchangeBasicAuthSource),
        new(LegacyProtocols.SmtpAuth, "SMTP", "SMTP AUTH", null, new DateOnly(2027, 1, 1), "Not retired; Basic authentication is turned off by default for existing tenants at the end of December 2026 (an admin can turn it back on for now); tenants created after that never have it; the final removal date is to be announced in the second half of 2027 (MC786329, update of 2026-01-27).", SmtpAuthAnnouncement),
        new(LegacyProtocols.RemotePowerShell, "RPS", "Remote PowerShell", ExchangeRetired, null, "Basic authentication retired in Exchange Online (October 2022; the last re-enablements ended in December 2022).", ExchangeBasicAuthSource),
        new(LegacyProtocols.OutlookMapi, "MAPI", "Outlook MAPI/RPC/OAB/Autodiscover", ExchangeRetired, null, "Basic authentication retired in Exchange Online (October 2022; the last re-enablements ended in December 2022).", ExchangeBasicAuthSource),
        new(LegacyProtocols.SharePointIdcrl, "IDCRL", "SharePoint IDCRL", new DateOnly(2026, 5, 1), new DateOnly(2026, 2, 16), "Legacy IDCRL authentication to SharePoint Online and OneDrive is blocked by default from 2026-02-16 and permanently from 2026-05-01; it cannot be re-enabled (MC1184649).", SharePointIdcrlSource),
    });

    /// <summary>The row of one protocol.</summary>
    /// <param name="protocol">A single protocol flag.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="protocol"/> is not a single known protocol.</exception>
    public static LegacyProtocolRetirement For(LegacyProtocols protocol)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (All[i].Protocol == protocol)
            {
                return All[i]; // indexed, not foreach: the read-only list's enumerator would be boxed on every diagnosis
            }
        }

        throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Not a single known legacy protocol.");
    }

    /// <summary>The rows of the protocols set in <paramref name="protocols"/>, in table order.</summary>
    /// <param name="protocols">Declared protocols (flags).</param>
    public static IReadOnlyList<LegacyProtocolRetirement> Of(LegacyProtocols protocols) =>
        All.Where(row => (protocols & row.Protocol) != 0).ToArray();

    /// <summary>The evaluation date of a snapshot: the UTC calendar date of its <c>capturedAt</c>.</summary>
    /// <param name="capturedAt">The capture instant.</param>
    public static DateOnly EvaluationDate(DateTimeOffset capturedAt) => DateOnly.FromDateTime(capturedAt.UtcDateTime);

    /// <summary>A date as the texts write it (<c>yyyy-MM-dd</c>).</summary>
    internal static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
