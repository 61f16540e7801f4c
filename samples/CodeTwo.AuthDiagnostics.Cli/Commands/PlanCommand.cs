using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

using CodeTwo.AuthDiagnostics.Rendering;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary><c>plan [--snapshot FILE] [--user U] [--format json|markdown|powershell]</c>: the remediation plan alone, for review or to run elsewhere.</summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new DiagnosisOptions();
        var format = Formats.Option("markdown", "json", "powershell");
        var command = new Command(
            "plan",
            "Print the remediation plan for a user: as a Markdown runbook, as JSON (the plan member of the diagnosis "
            + "contract), or as a Microsoft Graph PowerShell script (Invoke-MgGraphRequest; run it with -WhatIf first; it "
            + "asks before every high-risk step). Nothing is sent to any tenant.");
        options.AddTo(command);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (_, _, _, _, diagnosis) = await options.DiagnoseAsync(parseResult, cancellationToken);
            console.Out.Write(parseResult.GetValue(format) switch
            {
                "json" => PlanJson.Render(diagnosis),
                "powershell" => PlanPowerShell.Render(diagnosis),
                _ => PlanMarkdown.Render(diagnosis),
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
