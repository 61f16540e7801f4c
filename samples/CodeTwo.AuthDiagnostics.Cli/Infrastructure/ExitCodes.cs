namespace CodeTwo.AuthDiagnostics.Cli.Infrastructure;

/// <summary>The process exit codes of every command. Listed in the root command's help text.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected failed (a bug, or an I/O failure while writing); one line on stderr says what.</summary>
    public const int UnexpectedFailure = 1;

    /// <summary>The input or the command line is wrong: a usage error, a missing or invalid snapshot, a refused output path.</summary>
    public const int InvalidInput = 2;

    /// <summary><c>apply</c> stopped before the end: waiting, a manual step to confirm, approval refused, or the tenant drifted.</summary>
    public const int Stopped = 3;

    /// <summary>Cancelled with Ctrl+C (SIGINT) or SIGTERM: 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
