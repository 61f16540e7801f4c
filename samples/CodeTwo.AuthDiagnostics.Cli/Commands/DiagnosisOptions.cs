using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>The options of the diagnosing commands (<c>diagnose</c>, <c>plan</c>, <c>apply</c>), declared once.</summary>
internal sealed class DiagnosisOptions
{
    /// <summary>
    /// The protocols by their CLI name (case-insensitive), in <see cref="LegacyProtocols"/> flag order. The library's
    /// retirement table is internal to it; the CLI's tests check that this list names every protocol of the table with
    /// the table's CLI name, so a protocol added to the library fails them until it is named here too.
    /// </summary>
    internal static readonly (string CliName, LegacyProtocols Protocol)[] ProtocolTable =
    [
        ("EWS", LegacyProtocols.Ews),
        ("EAS", LegacyProtocols.ExchangeActiveSync),
        ("IMAP", LegacyProtocols.Imap),
        ("POP", LegacyProtocols.Pop),
        ("SMTP", LegacyProtocols.SmtpAuth),
        ("RPS", LegacyProtocols.RemotePowerShell),
        ("MAPI", LegacyProtocols.OutlookMapi),
        ("IDCRL", LegacyProtocols.SharePointIdcrl),
    ];

    private static readonly Dictionary<string, LegacyProtocols> Protocols =
        ProtocolTable.ToDictionary(row => row.CliName, row => row.Protocol, StringComparer.OrdinalIgnoreCase);

    /// <summary>The CLI names in table order, as the help and the usage error list them: <c>EWS, EAS, …</c>.</summary>
    private static readonly string ProtocolNames = string.Join(", ", ProtocolTable.Select(row => row.CliName));

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
        Description = $"A legacy protocol the product signs in with, using the app password: {ProtocolNames} (case-insensitive, "
            + "repeatable). Default: none declared. The plan proposes Graph changes that weaken the tenant (turning off "
            + "security defaults, excluding the account from a Conditional Access policy) only when a declared protocol "
            + "still accepts app passwords on the snapshot's capture date; with none declared they are manual decisions, "
            + "with only retired protocols declared they are left out.",
        HelpName = "PROTOCOL",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> AcceptedRisks { get; } = new("--accepted-risks")
    {
        Description = "A JSON file of accepted risks (docs/accepted-risks.md): findings accepted by code, optionally for one user "
            + "and/or one Conditional Access policy, with a reason, who accepted them and an expiry date. An accepted finding "
            + "is still reported, marked accepted, but no longer decides the verdict or the plan while it is in force at the "
            + "snapshot's capture date; expired and unused acceptances are listed.",
        HelpName = "FILE",
    };

    public IEnumerable<Option> All => [Snapshot, User, TargetResource, LegacyProtocol, AcceptedRisks];

    /// <summary><c>--exchange-settings</c>; only the commands that call <see cref="AddExchangeSettingsTo"/> have it.</summary>
    public Option<string?> ExchangeSettings { get; } = CommonOptions.ExchangeSettings();

    /// <summary>Adds <c>--exchange-settings</c> to <paramref name="command"/>.</summary>
    public void AddExchangeSettingsTo(Command command) => command.Options.Add(ExchangeSettings);

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
                throw new InvalidInputException($"--legacy-protocol '{protocol}' is not one of {ProtocolNames}");
            }

            options.LegacyProtocols |= flag;
        }

        return options;
    }

    /// <summary>The engine options from the parsed command line, with the accepted risks of <c>--accepted-risks</c> when given.</summary>
    public async Task<AuthDiagnosticsOptions> ToEngineOptionsAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = ToEngineOptions(parseResult);
        if (parseResult.GetValue(AcceptedRisks) is { } path)
        {
            foreach (var risk in await SnapshotFiles.LoadAcceptedRisksAsync(path, cancellationToken))
            {
                options.AcceptedRisks.Add(risk);
            }
        }

        return options;
    }

    /// <summary>Adds these options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary><c>--live</c>: capture the user from Microsoft Graph instead of reading a snapshot file.</summary>
    public Option<bool> Live { get; } = new("--live")
    {
        Description = "Capture the tenant and --user from Microsoft Graph now (see the connection options) instead of reading a snapshot file. "
            + CaptureCommand.Permissions,
    };

    /// <summary>The connection options of --live.</summary>
    public ConnectionOptions Connection { get; } = new();

    /// <summary>What --live observes besides the configuration: <c>--no-sign-ins</c>, <c>--no-what-if</c>.</summary>
    public ObservationOptions Observation { get; } = new();

    /// <summary>Adds --live, the connection options, --no-sign-ins and --no-what-if.</summary>
    public void AddLiveTo(Command command)
    {
        command.Options.Add(Live);
        Observation.AddTo(command, tenantWide: false);
        Connection.AddTo(command);
    }

    /// <summary>
    /// Loads the snapshot (or, with --live, captures the user through Graph), chooses the user and diagnoses it with
    /// the engine options from the command line.
    /// </summary>
    public async Task<DiagnosisInput> DiagnoseAsync(ParseResult parseResult, CancellationToken cancellationToken, CliConsole? console = null)
    {
        var engineOptions = await ToEngineOptionsAsync(parseResult, cancellationToken);
        var (snapshot, name) = console is not null && parseResult.GetValue(Live)
            ? await CaptureAsync(parseResult, engineOptions, console, cancellationToken)
            : await LoadAsync(parseResult, cancellationToken);
        (snapshot, name) = await WithExchangeSettingsAsync(parseResult, snapshot, name, cancellationToken);
        string user = SnapshotInput.ChooseUser(snapshot, parseResult.GetValue(User));
        var service = CreateService(engineOptions);
        return new DiagnosisInput(snapshot, name, UserRef.Parse(user), service, service.Diagnose(snapshot, UserRef.Parse(user)));
    }

    /// <summary>The diagnosis service for the engine options of the command line.</summary>
    /// <remarks>Through the library's public registration, as a host builds it; the options object is the command line's.</remarks>
    public static IAuthDiagnostics CreateService(AuthDiagnosticsOptions engineOptions)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(engineOptions));
        services.AddAuthDiagnostics();
        return services.BuildServiceProvider().GetRequiredService<IAuthDiagnostics>();
    }

    /// <summary>Reads --snapshot (or the embedded sample).</summary>
    public Task<(TenantSnapshot Snapshot, string Name)> LoadAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        SnapshotInput.LoadAsync(parseResult.GetValue(Snapshot), cancellationToken);

    /// <summary>
    /// The snapshot with the <c>--exchange-settings</c> file merged in, and its display name saying so, when the command
    /// has the option and it was given; otherwise both unchanged.
    /// </summary>
    public async Task<(TenantSnapshot Snapshot, string Name)> WithExchangeSettingsAsync(ParseResult parseResult, TenantSnapshot snapshot, string name, CancellationToken cancellationToken)
    {
        if (parseResult.GetResult(ExchangeSettings)?.GetValueOrDefault<string?>() is not { } path)
        {
            return (snapshot, name);
        }

        var settings = await SnapshotFiles.LoadExchangeSettingsAsync(path, cancellationToken);
        return (snapshot.WithExchangeOnline(settings), $"{name}, with Exchange Online settings from '{path}'");
    }

    private async Task<(TenantSnapshot Snapshot, string Name)> CaptureAsync(ParseResult parseResult, AuthDiagnosticsOptions engineOptions, CliConsole console, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(Snapshot) is not null)
        {
            throw new InvalidInputException("--live captures the snapshot: leave --snapshot out");
        }

        string user = parseResult.GetValue(User) ?? throw new InvalidInputException("--live needs --user (the user to capture and diagnose)");
        var (client, options) = Connection.Connect(parseResult, console);

        // The capture asks Microsoft about the protocols and resource the diagnosis looks for.
        Observation.ApplyTo(parseResult, options, engineOptions);
        var source = new Graph.GraphSnapshotSource(client, options);
        var snapshot = await source.CaptureAsync(SnapshotRequest.ForUser(user), ProgressDisplay.For(console), cancellationToken);
        return (snapshot, $"live capture of tenant {snapshot.TenantId} ({source.Cloud})");
    }
}

/// <summary>What a diagnosing command works on: the snapshot (and its display name), the user, the service and its diagnosis.</summary>
internal sealed record DiagnosisInput(TenantSnapshot Snapshot, string Name, UserRef User, IAuthDiagnostics Service, Diagnosis Diagnosis);
