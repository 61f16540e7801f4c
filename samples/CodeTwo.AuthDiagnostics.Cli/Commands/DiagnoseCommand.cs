using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

using CodeTwo.AuthDiagnostics.Rendering;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>
/// <c>diagnose [--snapshot FILE] [--user U | --all-users] [--exchange-settings FILE] [--accepted-risks FILE] [--format text|json|markdown|sarif|html] [--target-resource APPID] [--legacy-protocol P]…</c>:
/// explains why App password is missing (or unusable) for a user and prints the plan; with <c>--all-users</c>, one
/// line per user of the snapshot and the totals. Exit 0 whenever a diagnosis was produced, whatever the verdict.
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new DiagnosisOptions();
        var format = Formats.Option("text", "json", "markdown", "sarif", "html");
        var allUsers = new Option<bool>("--all-users")
        {
            Description = "Diagnose every user of the snapshot (for example one taken with capture --all-users): one line per user "
                + "with the verdict and root causes, then the totals. --format json gives the tenant-wide summary document "
                + "(docs/diagnosis-format.md), --format sarif one SARIF 2.1.0 log with every user's findings, --format html one self-contained "
                + "dashboard (totals, causes, blocking policies, a table of users that filters and searches); markdown is per user only.",
        };
        var command = new Command(
            "diagnose",
            "Explain why App password is missing or unusable for a user, with evidence, and print the ordered plan that "
            + "fixes it. Without --snapshot it diagnoses an embedded sample of the seed case. With --format json, stdout "
            + "holds only the JSON (docs/diagnosis-format.md); --format sarif writes a SARIF 2.1.0 log (one result per finding, "
            + "the catalog as its rules) for code-scanning tools; --format html writes one self-contained HTML page (no network request; "
            + "redirect it to a file and open it in a browser). --exchange-settings merges the Exchange Online SMTP AUTH settings "
            + "that exchange-script's PowerShell script collects. Exit 0 whenever a diagnosis is produced, whatever the verdict. "
            + "Reading a snapshot needs no Graph permission; --live lists what capturing needs.");
        options.AddTo(command);
        options.AddExchangeSettingsTo(command);
        options.AddLiveTo(command);
        command.Options.Add(format);
        command.Options.Add(allUsers);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(allUsers))
            {
                return await DiagnoseAllAsync(parseResult, options, parseResult.GetValue(format) ?? "text", console, cancellationToken);
            }

            var (_, name, _, _, diagnosis) = await options.DiagnoseAsync(parseResult, cancellationToken, console);
            switch (parseResult.GetValue(format))
            {
                case "json":
                    console.Out.Write(DiagnosisJson.Render(diagnosis));
                    break;
                case "markdown":
                    console.Out.Write(DiagnosisMarkdown.Render(diagnosis));
                    break;
                case "sarif":
                    console.Out.Write(DiagnosisSarif.Render(diagnosis));
                    break;
                case "html":
                    await DiagnosisHtml.WriteAsync(diagnosis, console.Out, cancellationToken);
                    break;
                default:
                    console.Error.WriteLine(ConsoleText.OneLine($"Snapshot: {name}"));
                    console.Out.Write(DiagnosisText.Render(diagnosis));
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> DiagnoseAllAsync(ParseResult parseResult, DiagnosisOptions options, string format, CliConsole console, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(options.User) is not null)
        {
            throw new InvalidInputException("--all-users diagnoses every user: leave --user out");
        }

        if (parseResult.GetValue(options.Live))
        {
            throw new InvalidInputException("--all-users reads a snapshot: take one with capture --all-users --out FILE, then diagnose --snapshot FILE --all-users");
        }

        if (format == "markdown")
        {
            throw new InvalidInputException("--all-users writes text, json, sarif or html; markdown reports are per user (--user UPN)");
        }

        var engineOptions = await options.ToEngineOptionsAsync(parseResult, cancellationToken);
        var (snapshot, name) = await options.LoadAsync(parseResult, cancellationToken);
        (snapshot, name) = await options.WithExchangeSettingsAsync(parseResult, snapshot, name, cancellationToken);
        console.Error.WriteLine(ConsoleText.OneLine($"Snapshot: {name}"));
        var service = DiagnosisOptions.CreateService(engineOptions);
        int users = 0;
        var display = ProgressDisplay.ForDiagnosis(console, snapshot.Contents.Users.Count + snapshot.Contents.MissingUsers.Count);
        var progress = new CountingProgress(done =>
        {
            users = done;
            display?.Report(done);
        });

        // The library's tenant-wide renderers: text from the fast assessment, JSON, SARIF and HTML from full diagnoses.
        switch (format)
        {
            case "json":
                await TenantJson.WriteAsync(service, snapshot, console.Out, progress, cancellationToken);
                break;
            case "sarif":
                await TenantSarif.WriteAsync(service, snapshot, console.Out, progress, cancellationToken);
                break;
            case "html":
                await TenantHtml.WriteAsync(service, snapshot, console.Out, progress, cancellationToken);
                break;
            default:
                await TenantText.WriteAsync(service, snapshot, console.Out, progress, cancellationToken);
                if (users > 0)
                {
                    console.Out.WriteLine("Diagnose one of them with --user UPN for the evidence and the plan.");
                }

                break;
        }

        ProgressDisplay.EndLine(console);
        return ExitCodes.Success;
    }

    /// <summary>Reported synchronously, on the writing thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class CountingProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
