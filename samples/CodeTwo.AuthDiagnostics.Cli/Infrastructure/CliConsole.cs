namespace CodeTwo.AuthDiagnostics.Cli.Infrastructure;

/// <summary>
/// Where a command writes: <see cref="Out"/> for its result (summaries, reports), <see cref="Error"/> for
/// diagnostics, errors and confirmations. Tests pass <see cref="StringWriter"/>s.
/// </summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The tool's name, as it prefixes every error line.</summary>
    public const string ToolName = "c2authdiag";

    /// <summary>Writes one error line, <c>c2authdiag: message</c>, to <see cref="Error"/>.</summary>
    /// <param name="message">The message; made safe for a terminal and kept on one line.</param>
    public void WriteErrorLine(string message) => Error.WriteLine(ToolName + ": " + ConsoleText.OneLine(message));
}
