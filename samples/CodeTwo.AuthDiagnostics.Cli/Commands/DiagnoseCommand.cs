using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;
using CodeTwo.AuthDiagnostics.Diagnosis;
using CodeTwo.AuthDiagnostics.Rendering;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>
/// <c>diagnose [--snapshot FILE] [--user U] [--format text|json|markdown] [--target-resource APPID] [--legacy-protocol P]…</c>:
/// explains why App password is missing (or unusable) for a user and prints the plan. Exit 0 whenever a diagnosis
/// was produced, whatever the verdict.
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new DiagnosisOptions();
        var format = Formats.Option("text", "json", "markdown");
        var command = new Command(
            "diagnose",
            "Explain why App password is missing or unusable for a user, with evidence, and print the ordered plan that "
            + "fixes it. Without --snapshot it diagnoses an embedded sample of the seed case. With --format json, stdout "
            + "holds only the JSON (docs/diagnosis-format.md). Exit 0 whenever a diagnosis is produced, whatever the verdict. "
            + "Reading a snapshot needs nothing; with --live, capturing needs: " + CaptureCommand.Permissions);
        options.AddTo(command);
        options.AddLiveTo(command);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (_, name, _, _, diagnosis) = await options.DiagnoseAsync(parseResult, cancellationToken, console);
            switch (parseResult.GetValue(format))
            {
                case "json":
                    console.Out.Write(DiagnosisJson.Serialize(diagnosis));
                    break;
                case "markdown":
                    console.Out.Write(DiagnosisMarkdown.Render(diagnosis));
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
}
