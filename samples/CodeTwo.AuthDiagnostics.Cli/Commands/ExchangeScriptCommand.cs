using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;
using CodeTwo.AuthDiagnostics.Rendering;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>
/// <c>exchange-script --user U [--user U2]… [--out FILE] [--script-out FILE]</c>: prints the read-only Exchange Online
/// PowerShell script that collects the <c>exchangeOnline</c> section's value, for <c>--exchange-settings</c>.
/// </summary>
internal static class ExchangeScriptCommand
{
    private const string DefaultOutFile = ExchangeOnlineScript.DefaultOutputFile;

    public static Command Create(CliConsole console)
    {
        var users = new Option<string[]>("--user")
        {
            Description = "A user whose mailbox settings the script reads (user principal name or object id; repeatable).",
            HelpName = "UPN|ID",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--out")
        {
            Description = "Where the script writes its JSON, relative to the PowerShell session's current location.",
            HelpName = "FILE",
            DefaultValueFactory = _ => DefaultOutFile,
        };
        var scriptOut = new Option<string?>("--script-out")
        {
            Description = "Write the script to this file (replaced if it exists) instead of standard output.",
            HelpName = "FILE",
        };
        var command = new Command(
            "exchange-script",
            "Print a read-only Exchange Online PowerShell script (module ExchangeOnlineManagement: Connect-ExchangeOnline, then only "
            + string.Join(", ", ExchangeOnlineScript.Cmdlets) + ") that reads the SMTP AUTH settings of the tenant and of "
            + "the given users and writes them as JSON. Exchange Online has no Graph API for them; pass the file to diagnose or "
            + "capture with --exchange-settings FILE.")
        {
            users,
            output,
            scriptOut,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string[] wanted = parseResult.GetValue(users) ?? [];
            foreach (string user in wanted)
            {
                if (string.IsNullOrWhiteSpace(user))
                {
                    throw new InvalidInputException("--user needs a user principal name or an object id");
                }

                if (!user.Contains('@', StringComparison.Ordinal) && !Guid.TryParse(user, out _))
                {
                    throw new InvalidInputException($"--user '{user}' is neither a user principal name (name@domain) nor an object id (GUID)");
                }
            }

            string outFile = parseResult.GetValue(output) ?? DefaultOutFile;
            if (string.IsNullOrWhiteSpace(outFile))
            {
                throw new InvalidInputException("--out needs a file name for the script's JSON");
            }

            string script = ExchangeOnlineScript.Create(wanted.Select(u => u.Trim()), outFile);
            if (parseResult.GetValue(scriptOut) is { } scriptPath)
            {
                SnapshotFiles.RequireWritableFilePath(scriptPath, "--script-out");
                await File.WriteAllTextAsync(scriptPath, script, cancellationToken);
                console.Error.WriteLine(ConsoleText.OneLine($"Wrote '{scriptPath}'. Run it in PowerShell; it writes '{outFile}' for --exchange-settings."));
            }
            else
            {
                console.Out.Write(script);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
