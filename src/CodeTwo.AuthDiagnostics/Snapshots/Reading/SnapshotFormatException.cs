using System.Text;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// The only exception the snapshot reader throws for bad input: the document is not JSON, is not a snapshot,
/// breaks the contract, or exceeds a configured limit. <see cref="Errors"/> lists every problem found, each with
/// its JSONPath.
/// </summary>
public sealed class SnapshotFormatException : Exception
{
    /// <summary>Creates the exception from the errors found (at least one).</summary>
    /// <param name="errors">The errors, in document order.</param>
    public SnapshotFormatException(IReadOnlyList<SnapshotFormatError> errors)
        : this(errors, null)
    {
    }

    /// <summary>Creates the exception from the errors found (at least one) in a named document.</summary>
    /// <param name="errors">The errors, in document order.</param>
    /// <param name="source">Where the document came from (a file name), if known.</param>
    public SnapshotFormatException(IReadOnlyList<SnapshotFormatError> errors, string? source)
        : base(BuildMessage(errors, source))
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is needed.", nameof(errors));
        }

        Errors = errors;
        Source = source;
    }

    /// <summary>Creates the exception with a single error.</summary>
    /// <param name="path">The JSONPath.</param>
    /// <param name="found">What was found.</param>
    /// <param name="expected">What was expected.</param>
    public SnapshotFormatException(string path, string found, string expected)
        : this([new SnapshotFormatError(path, found, expected)])
    {
    }

    /// <summary>Every problem found, in document order (at most <see cref="SnapshotReaderOptions.MaxErrors"/>).</summary>
    public IReadOnlyList<SnapshotFormatError> Errors { get; }

    /// <summary>Where the document came from (a file name), if known.</summary>
    public new string? Source { get; }

    /// <summary>
    /// True when the reader stopped collecting at <see cref="SnapshotReaderOptions.MaxErrors"/>: the document has more
    /// problems than <see cref="Errors"/> lists.
    /// </summary>
    public bool Truncated { get; init; }

    private static string BuildMessage(IReadOnlyList<SnapshotFormatError> errors, string? source)
    {
        var text = new StringBuilder();
        text.Append("The snapshot");
        if (source is not null)
        {
            text.Append(" '").Append(source).Append('\'');
        }

        text.Append(errors.Count == 1 ? " is not valid: " : $" is not valid ({errors.Count} errors):");
        if (errors.Count == 1)
        {
            text.Append(errors[0].Message);
        }
        else
        {
            foreach (var error in errors)
            {
                text.Append('\n').Append("  ").Append(error.Message);
            }
        }

        return text.ToString();
    }
}
