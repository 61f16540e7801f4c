using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// The snapshot as a SARIF log names it (<see cref="SarifOptions"/> resolved once per log): its URI (relative to
/// <c>%SRCROOT%</c> where it can be), the root's absolute URI, and the lines and columns of evidence pointers in its text.
/// </summary>
internal sealed class SarifArtifact
{
    /// <summary>The <c>uriBaseId</c> of the snapshot's location: the source root, as code scanning knows it.</summary>
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>Line 1, column 1: where evidence that is not in the snapshot's text is located.</summary>
    public static readonly (int Line, int Column) Start = (1, 1);

    private readonly SarifOptions options;

    private SarifArtifact(SarifOptions options, string uri, bool relative, string? rootUri)
    {
        this.options = options;
        Uri = uri;
        Relative = relative;
        RootUri = rootUri;
    }

    /// <summary>The snapshot's URI: relative to <see cref="SourceRootId"/> when <see cref="Relative"/>, else absolute.</summary>
    public string Uri { get; }

    /// <summary>Whether <see cref="Uri"/> is relative to <see cref="SourceRootId"/>.</summary>
    public bool Relative { get; }

    /// <summary>The source root's absolute <c>file:</c> URI, ending with <c>/</c>; null when the host named none.</summary>
    public string? RootUri { get; }

    /// <summary>Resolves <paramref name="options"/> (paths against the current directory).</summary>
    public static SarifArtifact From(SarifOptions? options)
    {
        options ??= SarifOptions.Default;
        string? root = options.SourceRoot ?? (options.SnapshotPath is not null ? Environment.CurrentDirectory : null);
        string? fullRoot = root is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        string? rootUri = fullRoot is null ? null : new Uri(fullRoot + Path.DirectorySeparatorChar).AbsoluteUri;
        if (options.SnapshotName is { Length: > 0 } name)
        {
            return new SarifArtifact(options, name, relative: !System.Uri.IsWellFormedUriString(name, UriKind.Absolute), rootUri);
        }

        if (options.SnapshotPath is { Length: > 0 } path)
        {
            string full = Path.GetFullPath(path);
            string relative = fullRoot is null ? full : Path.GetRelativePath(fullRoot, full);
            if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return new SarifArtifact(options, new Uri(full).AbsoluteUri, relative: false, rootUri);
            }

            string uri = string.Join('/', relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(System.Uri.EscapeDataString));
            return new SarifArtifact(options, uri, relative: true, rootUri);
        }

        return new SarifArtifact(options, SarifOptions.DefaultSnapshotName, relative: true, rootUri);
    }

    /// <summary>
    /// The line and column of each pointer in the snapshot's text, in one pass over it (read from the path once);
    /// empty when the host gave neither the text nor a readable file.
    /// </summary>
    public Dictionary<string, (int Line, int Column)> Locate(IEnumerable<string> pointers)
    {
        if (!options.SnapshotUtf8.IsEmpty)
        {
            return JsonPointerLocator.Locate(options.SnapshotUtf8.Span, pointers);
        }

        if (options.SnapshotPath is { Length: > 0 } path)
        {
            byte[] text;
            try
            {
                text = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
            {
                return new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
            }

            return JsonPointerLocator.Locate(text, pointers);
        }

        return new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
    }

    /// <summary>Writes the run's <c>originalUriBaseIds</c> (when the root is known), <c>artifacts</c> (the snapshot) and <c>columnKind</c>.</summary>
    public void WriteRunMembers(Utf8JsonWriter w)
    {
        if (RootUri is not null)
        {
            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject(SourceRootId);
            w.WriteString("uri", RootUri);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteStartArray("artifacts");
        w.WriteStartObject();
        w.WriteStartObject("location");
        WriteArtifactLocation(w, index: false);
        w.WriteEndObject();
        if (options.SnapshotDescription is { } description)
        {
            w.WriteStartObject("description");
            w.WriteString("text", description);
            w.WriteEndObject();
        }

        w.WriteString("mimeType", "application/json");
        w.WriteStartArray("roles");
        w.WriteStringValue("analysisTarget");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("columnKind", "utf16CodeUnits");
    }

    /// <summary>Writes a <c>physicalLocation</c>: the snapshot and the region at <paramref name="at"/>.</summary>
    public void WritePhysicalLocation(Utf8JsonWriter w, (int Line, int Column) at)
    {
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        WriteArtifactLocation(w, index: true);
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", at.Line);
        w.WriteNumber("startColumn", at.Column);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Where a finding is: its first evidence pointer, else the user's entry, else line 1.</summary>
    public static (int Line, int Column) Region(Dictionary<string, (int Line, int Column)> located, string? evidence, string? userEntry) =>
        evidence is not null && evidence != "/" && located.TryGetValue(evidence, out var at) ? at
        : userEntry is not null && located.TryGetValue(userEntry, out at) ? at
        : Start;

    /// <summary>The pointer to the user entry an evidence pointer lies in (<c>/users/3</c> of <c>/users/3/sections/…</c>), or null.</summary>
    public static string? UserEntryOf(string pointer)
    {
        if (!pointer.StartsWith("/users/", StringComparison.Ordinal))
        {
            return null;
        }

        int end = pointer.IndexOf('/', 7);
        return end < 0 ? pointer : pointer[..end];
    }

    private void WriteArtifactLocation(Utf8JsonWriter w, bool index)
    {
        w.WriteString("uri", Uri);
        if (Relative)
        {
            w.WriteString("uriBaseId", SourceRootId);
        }

        if (index)
        {
            w.WriteNumber("index", 0);
        }
    }
}
