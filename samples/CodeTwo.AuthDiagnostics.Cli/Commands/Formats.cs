using System.CommandLine;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>The <c>--format</c> option, with the first allowed value as default.</summary>
internal static class Formats
{
    public static Option<string> Option(params string[] allowed)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", allowed)}. Default: {allowed[0]}.",
            HelpName = string.Join("|", allowed),
            DefaultValueFactory = _ => allowed[0],
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
