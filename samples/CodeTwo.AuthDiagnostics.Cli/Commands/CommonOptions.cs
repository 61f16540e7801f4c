using System.CommandLine;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>Options that several commands share, so that they read and document the same way everywhere.</summary>
internal static class CommonOptions
{
    /// <summary><c>--snapshot FILE</c>: the snapshot to read (required).</summary>
    /// <param name="description">What the command does with it.</param>
    public static Option<string> Snapshot(string description) => new("--snapshot")
    {
        Description = description,
        HelpName = "FILE",
        Required = true,
    };
}
