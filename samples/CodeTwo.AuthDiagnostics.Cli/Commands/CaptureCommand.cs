using System.CommandLine;
using System.Globalization;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Graph;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>
/// <c>capture --user U [--user U2]… | --all-users [--out FILE] [--exchange-settings FILE] [--legacy-protocol P]… [--target-resource APPID]
/// [--what-if] [--no-sign-ins] [--no-what-if]</c>: reads the tenant into a snapshot file, with the Exchange Online
/// settings file (from exchange-script) merged in when given, and the users' legacy sign-ins and Microsoft's What-If
/// evaluation for the declared protocols (catalog v1.2).
/// </summary>
internal static class CaptureCommand
{
    public const string Permissions = "Least permissions (application or delegated): Policy.Read.All, User.Read.All, "
        + "UserAuthenticationMethod.Read.All, GroupMember.Read.All, RoleManagement.Read.Directory (the role template ids of "
        + "the user's directory roles, which Conditional Access includeRoles/excludeRoles name; without it Graph leaves them "
        + "out), Domain.Read.All, LicenseAssignment.Read.All, " + ObservationOptions.Permissions + "; delegated sign-ins also need a role "
        + "such as Global Reader (and Reports Reader or Security Reader for the sign-in log).";

    public static Command Create(CliConsole console)
    {
        var connection = new ConnectionOptions();
        var users = new Option<string[]>("--user") { Description = "A user to capture (UPN or object id; repeatable).", HelpName = "UPN|ID" };
        var allUsers = new Option<bool>("--all-users") { Description = "Capture every user of the tenant (streamed to --out, with progress and an estimate of the time left)." };
        var output = new Option<string?>("--out") { Description = "Where to write the snapshot. Default: standard output (not with --all-users).", HelpName = "FILE" };
        var exchangeSettings = CommonOptions.ExchangeSettings();
        var scope = new DiagnosisOptions();
        var observation = new ObservationOptions();
        var command = new Command("capture", "Read the tenant's auth configuration and the given users from Microsoft Graph into a snapshot file (read-only: nothing is changed). "
            + "--exchange-settings adds the Exchange Online SMTP AUTH settings collected by exchange-script's PowerShell script. "
            + "It also records the users' legacy-protocol sign-ins of the last 7 days (the sign-in log is read once for all users) and "
            + "Microsoft's What-If evaluation of Conditional Access for the protocols of --legacy-protocol (tenant-wide only with --what-if). " + Permissions)
        {
            users,
            allUsers,
            output,
            exchangeSettings,
        };
        command.Options.Add(scope.TargetResource);
        command.Options.Add(scope.LegacyProtocol);
        observation.AddTo(command, tenantWide: true);
        connection.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string[] wanted = parseResult.GetValue(users) ?? [];
            bool all = parseResult.GetValue(allUsers);
            string? destination = parseResult.GetValue(output);
            if (all == (wanted.Length > 0))
            {
                throw new InvalidInputException("name the users to capture with --user (repeatable), or use --all-users");
            }

            if (destination is not null)
            {
                SnapshotFiles.RequireWritableFilePath(destination, "--out");
            }

            // Read before connecting: a bad file is reported before any request is sent.
            string? exchangePath = parseResult.GetValue(exchangeSettings);
            if (all && exchangePath is not null)
            {
                throw new InvalidInputException("--all-users streams the snapshot to --out: merge the Exchange Online settings afterwards with diagnose --snapshot FILE --all-users --exchange-settings FILE");
            }

            var exchange = exchangePath is null ? null : await SnapshotFiles.LoadExchangeSettingsAsync(exchangePath, cancellationToken);
            var engine = scope.ToEngineOptions(parseResult);

            var (client, options) = connection.Connect(parseResult, console);
            observation.ApplyTo(parseResult, options, engine);
            var source = new GraphSnapshotSource(client, options);
            var progress = ProgressDisplay.For(console);
            if (all)
            {
                if (destination is null)
                {
                    throw new InvalidInputException("--all-users writes a large file: give it with --out FILE");
                }

                string temporary = destination + ".partial";
                TenantCaptureResult result;
                await using (var stream = File.Create(temporary))
                {
                    result = await source.CaptureTenantAsync(stream, progress, cancellationToken);
                }

                File.Move(temporary, destination, overwrite: true);
                console.Error.WriteLine(ConsoleText.OneLine(string.Create(CultureInfo.InvariantCulture, $"Wrote '{destination}': {result.Users} users of tenant {result.TenantId}, {result.FailedSections} failed sections, {result.Requests} requests ({result.Retries} retried) in {result.Elapsed.TotalSeconds:0.#} s.")));
                return ExitCodes.Success;
            }

            var snapshot = await source.CaptureAsync(SnapshotRequest.ForUsers(wanted), progress, cancellationToken);
            if (exchange is not null)
            {
                snapshot = snapshot.WithExchangeOnline(exchange);
            }
            if (destination is null)
            {
                console.Out.Write(SnapshotWriter.ToJson(snapshot));
            }
            else
            {
                await SnapshotFiles.WriteAsync(snapshot, destination, SnapshotWriterOptions.Default, cancellationToken);
                console.Error.WriteLine(ConsoleText.OneLine($"Wrote '{destination}': {snapshot.Contents.Users.Count} user(s), {snapshot.Contents.MissingUsers.Count} missing."));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
