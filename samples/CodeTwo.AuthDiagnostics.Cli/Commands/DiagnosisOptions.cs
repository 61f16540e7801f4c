using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>The options of the diagnosing commands (<c>diagnose</c>, <c>plan</c>, <c>apply</c>), declared once.</summary>
internal sealed class DiagnosisOptions
{
    private static readonly Dictionary<string, LegacyProtocols> Protocols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EWS"] = LegacyProtocols.Ews,
        ["EAS"] = LegacyProtocols.Eas,
        ["IMAP"] = LegacyProtocols.Imap,
        ["POP"] = LegacyProtocols.Pop,
        ["SMTP"] = LegacyProtocols.Smtp,
        ["RPS"] = LegacyProtocols.RemotePowerShell,
    };

    public Option<string?> Snapshot { get; } = new("--snapshot")
    {
        Description = "The snapshot file. Default: an embedded sample of the seed case (security defaults on, per-user MFA disabled).",
        HelpName = "FILE",
    };

    public Option<string?> User { get; } = new("--user")
    {
        Description = "The user to diagnose (user principal name or object id). Default: the snapshot's only user.",
        HelpName = "UPN|ID",
    };

    public Option<string?> TargetResource { get; } = new("--target-resource")
    {
        Description = "App id of the resource the product signs in to. Default: Exchange Online (00000002-0000-0ff1-ce00-000000000000).",
        HelpName = "APPID",
    };

    public Option<string[]> LegacyProtocol { get; } = new("--legacy-protocol")
    {
        Description = "An Exchange Online protocol the product uses with the app password: EWS, EAS, IMAP, POP, SMTP or RPS (repeatable). Default: none declared.",
        HelpName = "PROTOCOL",
        AllowMultipleArgumentsPerToken = false,
    };

    public IEnumerable<Option> All => [Snapshot, User, TargetResource, LegacyProtocol];

    /// <summary>The engine options from the parsed command line.</summary>
    public AuthDiagnosticsOptions ToEngineOptions(ParseResult parseResult)
    {
        var options = new AuthDiagnosticsOptions();
        if (parseResult.GetValue(TargetResource) is { } target)
        {
            if (!Guid.TryParse(target, out _))
            {
                throw new InvalidInputException($"--target-resource '{target}' is not an app id (a GUID such as 00000002-0000-0ff1-ce00-000000000000)");
            }

            options.TargetResourceAppId = target;
        }

        foreach (string protocol in parseResult.GetValue(LegacyProtocol) ?? [])
        {
            if (!Protocols.TryGetValue(protocol, out var flag))
            {
                throw new InvalidInputException($"--legacy-protocol '{protocol}' is not one of EWS, EAS, IMAP, POP, SMTP, RPS");
            }

            options.LegacyProtocols |= flag;
        }

        return options;
    }
}
