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

    /// <summary><c>--exchange-settings FILE</c>: the JSON that exchange-script's PowerShell script writes, merged into the snapshot.</summary>
    public static Option<string?> ExchangeSettings() => new("--exchange-settings")
    {
        Description = "Exchange Online SMTP AUTH settings: the JSON file written by the script that exchange-script prints "
            + "(the value of the snapshot section exchangeOnline). It replaces any exchangeOnline section of the snapshot.",
        HelpName = "FILE",
    };
}
