namespace CodeTwo.AuthDiagnostics.Cli.Infrastructure;

/// <summary>
/// The user's input cannot be used: a snapshot that is missing or invalid, an option value that makes no sense, an
/// output path that is refused. <see cref="CliApplication"/> prints <see cref="Exception.Message"/> as one line
/// (then <see cref="Details"/>, one per line) on stderr and exits with <see cref="ExitCodes.InvalidInput"/>.
/// </summary>
internal sealed class InvalidInputException : Exception
{
    public InvalidInputException(string message, IReadOnlyList<string>? details = null)
        : base(message) => Details = details ?? [];

    public InvalidInputException()
        : this("invalid input")
    {
    }

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException) => Details = [];

    /// <summary>Further lines, for example one per snapshot validation error.</summary>
    public IReadOnlyList<string> Details { get; }
}
