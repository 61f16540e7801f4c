namespace CodeTwo.AuthDiagnostics.Snapshots.Reading;

/// <summary>Limits for <see cref="SnapshotReader"/>. The defaults are far above what any real tenant produces.</summary>
internal sealed class SnapshotReaderOptions
{
    /// <summary>The largest nesting depth accepted (1 to 1000). Default 256; a Graph payload nests about 12 levels deep.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>The largest document accepted, in bytes. Default 1 GiB (a 100,000-user tenant is about 300 MB).</summary>
    public long MaxDocumentBytes { get; init; } = 1L << 30;

    /// <summary>How many errors are collected before the reader stops looking for more. Default 100.</summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>The default options.</summary>
    public static SnapshotReaderOptions Default { get; } = new();

    internal void Validate()
    {
        if (MaxDepth is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, "MaxDepth must be between 1 and 1000.");
        }

        if (MaxDocumentBytes is < 2 or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDocumentBytes), MaxDocumentBytes, $"MaxDocumentBytes must be between 2 and {int.MaxValue}.");
        }

        if (MaxErrors < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxErrors), MaxErrors, "MaxErrors must be at least 1.");
        }
    }
}
