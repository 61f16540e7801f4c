using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

using CodeTwo.AuthDiagnostics.Rendering;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>
/// <c>diagnose [--snapshot FILE] [--user U | --all-users] [--exchange-settings FILE] [--accepted-risks FILE] [--format text|json|markdown|sarif|html] [--sarif-root DIR] [--target-resource APPID] [--legacy-protocol P]…</c>:
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
                + "(docs/diagnosis-format.md), --format sarif one SARIF 2.1.0 log within GitHub code scanning's limits: one result per "
                + "code and Conditional Access policy with how many users it affects, up to 1,000 of them located; --format html one "
                + "self-contained dashboard (totals, causes, blocking policies, a table of users that filters and searches); markdown is per user only.",
        };
        var sarifRoot = new Option<string?>("--sarif-root")
        {
            Description = "With --format sarif: the directory %SRCROOT% stands for (for GitHub code scanning, the repository's root). "
                + "Every result is located in the --snapshot file, named relative to it, at the line and column of the finding's "
                + "first evidence. Default: the current directory.",
            HelpName = "DIR",
        };
        var command = new Command(
            "diagnose",
            "Explain why App password is missing or unusable for a user, with evidence, and print the ordered plan that "
            + "fixes it. Without --snapshot it diagnoses an embedded sample of the seed case. With --format json, stdout "
            + "holds only the JSON (docs/diagnosis-format.md); --format sarif writes a SARIF 2.1.0 log (one result per finding, "
            + "the catalog as its rules, each located in the snapshot file at its evidence) for code-scanning tools; --format html writes one self-contained HTML page (no network request; "
            + "redirect it to a file and open it in a browser). --exchange-settings merges the Exchange Online SMTP AUTH settings "
            + "that exchange-script's PowerShell script collects. Exit 0 whenever a diagnosis is produced, whatever the verdict. "
            + "Reading a snapshot needs no Graph permission; --live lists what capturing needs.");
        options.AddTo(command);
        options.AddExchangeSettingsTo(command);
        options.AddLiveTo(command);
        command.Options.Add(format);
        command.Options.Add(allUsers);
        command.Options.Add(sarifRoot);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(allUsers))
            {
                return await DiagnoseAllAsync(parseResult, options, parseResult.GetValue(format) ?? "text", sarifRoot, console, cancellationToken);
            }

            var (snapshot, name, _, _, diagnosis) = await options.DiagnoseAsync(parseResult, cancellationToken, console);
            switch (parseResult.GetValue(format))
            {
                case "json":
                    console.Out.Write(DiagnosisJson.Render(diagnosis));
                    break;
                case "markdown":
                    console.Out.Write(DiagnosisMarkdown.Render(diagnosis));
                    break;
                case "sarif":
                    console.Out.Write(DiagnosisSarif.Render(diagnosis, await SarifOptionsAsync(parseResult, options, sarifRoot, snapshot, console, cancellationToken)));
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

    private static async Task<int> DiagnoseAllAsync(ParseResult parseResult, DiagnosisOptions options, string format, Option<string?> sarifRoot, CliConsole console, CancellationToken cancellationToken)
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
                await TenantSarif.WriteAsync(service, snapshot, console.Out, await SarifOptionsAsync(parseResult, options, sarifRoot, snapshot, console, cancellationToken), progress, cancellationToken);
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

    /// <summary>
    /// Where the SARIF log says the snapshot is: the --snapshot file relative to --sarif-root (default the current
    /// directory); the embedded sample and a live capture are not files, so the log names them, says so, and (for the
    /// sample) still locates the evidence in its text. Either way stderr tells what the results point at.
    /// </summary>
    private static async Task<SarifOptions> SarifOptionsAsync(ParseResult parseResult, DiagnosisOptions options, Option<string?> sarifRoot, TenantSnapshot snapshot, CliConsole console, CancellationToken cancellationToken)
    {
        string root = parseResult.GetValue(sarifRoot) ?? Environment.CurrentDirectory;
        if (!Directory.Exists(root))
        {
            throw new InvalidInputException($"--sarif-root '{root}' is not a directory");
        }

        if (parseResult.GetValue(options.Snapshot) is { } path)
        {
            console.Error.WriteLine(ConsoleText.OneLine($"SARIF: results are located in '{Path.GetRelativePath(root, Path.GetFullPath(path)).Replace('\\', '/')}' relative to %SRCROOT% = '{Path.GetFullPath(root)}'."));
            return new SarifOptions { SnapshotPath = path, SourceRoot = root };
        }

        if (parseResult.GetValue(options.Live))
        {
            string live = $"live-capture-{snapshot.TenantId:D}.json";
            console.Error.WriteLine(ConsoleText.OneLine($"SARIF: the live capture is not a file; results name '{live}' at line 1 (capture --out FILE, then diagnose --snapshot FILE, to locate them)."));
            return new SarifOptions
            {
                SnapshotName = live,
                SourceRoot = root,
                SnapshotDescription = $"Captured live from Microsoft Graph (tenant {snapshot.TenantId:D}); not a file, so every region is line 1. Capture with --out FILE and diagnose --snapshot FILE to locate the evidence.",
            };
        }

        const string sample = "c2authdiag-embedded-sample.json";
        console.Error.WriteLine(ConsoleText.OneLine($"SARIF: the embedded sample is not a file; results name '{sample}' and are located in the sample's own text."));
        return new SarifOptions
        {
            SnapshotName = sample,
            SnapshotUtf8 = await SnapshotInput.SampleUtf8Async(cancellationToken),
            SourceRoot = root,
            SnapshotDescription = $"The CLI's {SnapshotInput.SampleName}, embedded in the tool: not a file under %SRCROOT%.",
        };
    }

    /// <summary>Reported synchronously, on the writing thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class CountingProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
