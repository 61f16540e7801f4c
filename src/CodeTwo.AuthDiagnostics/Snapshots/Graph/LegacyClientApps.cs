namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>
/// The sign-in log's <c>clientAppUsed</c> values that are legacy clients, and the protocol each stands for (catalog v1.2
/// §1's table; compared ignoring case). Read once per sign-in when the snapshot is read, so that a diagnosis compares no
/// strings.
/// </summary>
internal static class LegacyClientApps
{
    /// <summary>The log's unknown legacy clients: a legacy client of unknown protocol.</summary>
    public const string OtherClients = "Other clients";

    private static readonly (string Name, LegacyProtocols Protocol)[] Names =
    [
        ("Authenticated SMTP", LegacyProtocols.SmtpAuth),
        ("IMAP4", LegacyProtocols.Imap),
        ("POP3", LegacyProtocols.Pop),
        ("Exchange ActiveSync", LegacyProtocols.ExchangeActiveSync),
        ("Exchange Web Services", LegacyProtocols.Ews),
        ("Exchange Online PowerShell", LegacyProtocols.RemotePowerShell),
        ("MAPI over HTTP", LegacyProtocols.OutlookMapi),
        ("Outlook Anywhere (RPC over HTTP)", LegacyProtocols.OutlookMapi),
        ("Offline Address Book", LegacyProtocols.OutlookMapi),
        ("Autodiscover", LegacyProtocols.OutlookMapi),
    ];

    /// <summary>
    /// Whether <paramref name="clientAppUsed"/> is a legacy client: a protocol, or <c>Other clients</c>
    /// (<paramref name="protocol"/> <see cref="LegacyProtocols.None"/>). Anything else (<c>Browser</c>, <c>Mobile Apps and
    /// Desktop clients</c>, …) is not.
    /// </summary>
    public static bool IsLegacy(string clientAppUsed, out LegacyProtocols protocol)
    {
        foreach (var (name, value) in Names)
        {
            if (string.Equals(name, clientAppUsed, StringComparison.OrdinalIgnoreCase))
            {
                protocol = value;
                return true;
            }
        }

        protocol = LegacyProtocols.None;
        return string.Equals(clientAppUsed, OtherClients, StringComparison.OrdinalIgnoreCase);
    }
}
