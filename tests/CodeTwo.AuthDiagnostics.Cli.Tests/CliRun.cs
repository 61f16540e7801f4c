using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

/// <summary>The outcome of one in-process run of the command line.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs the real tool with <paramref name="args"/>.</summary>
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(new CliApplication(), args, TestContext.Current.CancellationToken);

    /// <summary>Runs the real tool with <paramref name="args"/> and the given token.</summary>
    public static Task<CliRun> RunAsync(CancellationToken cancellationToken, params string[] args) => RunAsync(new CliApplication(), args, cancellationToken);

    /// <summary>Runs a tool that has only <paramref name="command"/>.</summary>
    public static Task<CliRun> RunAsync(Func<CliConsole, Command> command, CancellationToken cancellationToken, params string[] args) =>
        RunAsync(new CliApplication([command]), args, cancellationToken);

    /// <summary>Runs <paramref name="application"/> with <paramref name="args"/>.</summary>
    public static Task<CliRun> RunAsync(CliApplication application, CancellationToken cancellationToken, params string[] args) =>
        RunAsync(application, args, cancellationToken);

    private static async Task<CliRun> RunAsync(CliApplication application, string[] args, CancellationToken cancellationToken)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int exitCode = await application.RunAsync(args, stdout, stderr, cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Stdout with every run of white space as one space: help text wraps to the console's width.</summary>
    public string FlatStdout => System.Text.RegularExpressions.Regex.Replace(Stdout, @"\s+", " ");

    /// <summary>The non-empty lines of stderr.</summary>
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Fails when any output looks like a .NET stack trace.</summary>
    public void ShouldHaveNoStackTrace()
    {
        Stdout.Should().NotContain("   at ", "no stack trace ever reaches the user");
        Stderr.Should().NotContain("   at ", "no stack trace ever reaches the user");
        Stderr.Should().NotContain("--- End of", "no stack trace ever reaches the user");
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
