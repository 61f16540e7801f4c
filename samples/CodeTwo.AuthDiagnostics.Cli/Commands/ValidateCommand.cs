using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;
using CodeTwo.AuthDiagnostics.Cli.Rendering;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>
/// <c>validate --snapshot FILE</c>: reads and checks a snapshot; prints a one-screen summary on stdout when it is
/// valid (exit 0), or every error on stderr when it is not (exit 2).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var snapshot = CommonOptions.Snapshot("The snapshot file to check.");
        var command = new Command(
            "validate",
            "Check a snapshot file against the snapshot format. Valid: prints a summary (tenant, cloud, capture time, "
            + "each section's status, each user's per-user MFA state) and exits 0. Invalid: prints every error "
            + "(JSON path: found; expected) on stderr and exits 2.")
        {
            snapshot,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string path = parseResult.GetRequiredValue(snapshot);
            var loaded = await SnapshotFiles.LoadAsync(path, cancellationToken);
            SnapshotSummary.Write(console.Out, path, loaded);
            return ExitCodes.Success;
        });
        return command;
    }
}
