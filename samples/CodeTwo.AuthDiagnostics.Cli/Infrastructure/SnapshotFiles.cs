using System.Globalization;

namespace CodeTwo.AuthDiagnostics.Cli.Infrastructure;

/// <summary>Reads and writes snapshot files for the commands, turning every problem with the user's files into a friendly <see cref="InvalidInputException"/>.</summary>
internal static class SnapshotFiles
{
    /// <summary>How many errors the library's reader collects before it stops looking (its default limit).</summary>
    private const int ReaderMaxErrors = 100;

    /// <summary>
    /// An empty snapshot that Exchange Online settings are merged into once, when they are read, so that a bad file is
    /// reported at once (before a capture connects) with the same checks and messages as the real merge.
    /// </summary>
    private static readonly Lazy<TenantSnapshot> EmptySnapshot = new(() => TenantSnapshot.Parse(
        """{"schemaVersion":1,"capturedAt":"2026-01-01T00:00:00Z","tenantId":"00000000-0000-0000-0000-000000000000","cloud":"global","sections":{},"users":[]}"""));

    /// <summary>
    /// Reads and validates the snapshot at <paramref name="path"/>. A missing file, a directory, an unreadable file or
    /// an invalid document raises <see cref="InvalidInputException"/> whose message names the file and whose details
    /// are the reader's errors, one per line (<c>$.users[0].user.id: missing; every user needs an id</c>).
    /// </summary>
    /// <param name="path">The file, as the user typed it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<TenantSnapshot> LoadAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync(path, new FileKind("--snapshot", "snapshot", "a snapshot file", "a valid snapshot"), (file, token) => TenantSnapshot.LoadAsync(file, token), cancellationToken);

    /// <summary>
    /// Reads and validates the Exchange Online settings file of <c>--exchange-settings</c> (the JSON exchange-script's
    /// PowerShell script writes), checked as <see cref="TenantSnapshot.WithExchangeOnline(string)"/> will merge it.
    /// Problems with the file raise <see cref="InvalidInputException"/> naming the file, with the reader's errors
    /// (JSONPaths rooted at the file's top level) as details.
    /// </summary>
    /// <returns>The settings document, for <see cref="TenantSnapshot.WithExchangeOnline(string)"/>.</returns>
    /// <param name="path">The file, as the user typed it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<string> LoadExchangeSettingsAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync(
            path,
            new FileKind("--exchange-settings", "Exchange Online settings", "the JSON file that exchange-script's script writes", "valid Exchange Online settings (--exchange-settings)"),
            async (file, token) =>
            {
                string json;
                try
                {
                    json = await File.ReadAllTextAsync(file, token);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new InvalidInputException($"cannot read Exchange Online settings '{path}': {e.Message}");
                }

                _ = EmptySnapshot.Value.WithExchangeOnline(json);
                return json;
            },
            cancellationToken);

    /// <summary>
    /// Reads the accepted-risks file of <c>--accepted-risks</c> (docs/accepted-risks.md). A missing or unreadable file, or
    /// a malformed one, raises <see cref="InvalidInputException"/> naming the file, with one detail line per problem led
    /// by its JSON path (<c>$.acceptedRisks[2].expires: expected a date yyyy-MM-dd; found "30/06/2027"</c>).
    /// </summary>
    /// <param name="path">The file, as the user typed it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<IReadOnlyList<AcceptedRisk>> LoadAcceptedRisksAsync(string path, CancellationToken cancellationToken)
    {
        const string Option = "--accepted-risks";
        RequirePath(path, Option);
        if (Directory.Exists(path))
        {
            throw new InvalidInputException($"cannot read accepted risks '{path}': it is a directory; expected an accepted-risks JSON file");
        }

        if (!File.Exists(path))
        {
            throw new InvalidInputException($"cannot read accepted risks '{path}': no such file");
        }

        try
        {
            return await AcceptedRisksFile.LoadAsync(path, cancellationToken);
        }
        catch (FormatException e)
        {
            // The first line counts the problems; each further line is one problem, led by its JSON path.
            var lines = e.Message.Split('\n');
            string count = lines.Length == 2 ? "1 problem" : $"{lines.Length - 1} problems";
            throw new InvalidInputException($"'{path}' is not a valid accepted-risks file ({Option}) ({count}):", lines[1..]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"cannot read accepted risks '{path}': {e.Message}");
        }
    }

    private static async Task<T> ReadAsync<T>(string path, FileKind kind, Func<string, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        RequirePath(path, kind.Option);
        if (Directory.Exists(path))
        {
            throw new InvalidInputException($"cannot read {kind.Noun} '{path}': it is a directory; expected {kind.ExpectedFile}");
        }

        if (!File.Exists(path))
        {
            throw new InvalidInputException($"cannot read {kind.Noun} '{path}': no such file");
        }

        try
        {
            return await read(path, cancellationToken);
        }
        catch (SnapshotFormatException e)
        {
            var lines = e.Errors.Select(error => error.Message).ToList();
            if (e.Truncated)
            {
                lines.Add($"(stopped after {ReaderMaxErrors} errors; there may be more)");
            }

            string count = e.Errors.Count == 1 ? "1 error" : $"{e.Errors.Count} errors";
            throw new InvalidInputException($"'{path}' is not {kind.Valid} ({count}):", lines);
        }
    }

    /// <summary>
    /// Writes <paramref name="snapshot"/> canonically to <paramref name="path"/> (replacing the file if it exists). The
    /// bytes go to a temporary file beside it first and are moved into place at the end, so a failure or a
    /// cancellation never leaves a half-written snapshot behind.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="path">The destination, as the user typed it.</param>
    /// <param name="options">Writer options (redaction).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task WriteAsync(TenantSnapshot snapshot, string path, SnapshotWriterOptions options, CancellationToken cancellationToken)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8] + ".tmp");
        try
        {
            await SnapshotWriter.WriteFileAsync(snapshot, temporary, options, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Best effort: the temporary file is hidden and named after the output.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }
    }

    /// <summary>Checks that an output path can be written: not empty, not a directory, in a directory that exists.</summary>
    /// <param name="path">The output path, as the user typed it.</param>
    /// <param name="option">The option that named it, for the message.</param>
    public static void RequireWritableFilePath(string path, string option)
    {
        RequirePath(path, option);
        if (Directory.Exists(path))
        {
            throw new InvalidInputException($"cannot write '{path}': it is a directory; expected a file name for {option}");
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new InvalidInputException($"cannot write '{path}': the directory '{directory}' does not exist");
        }
    }

    /// <summary>
    /// True when both paths name the same file: same full path (case-insensitively on Windows and macOS), or the same
    /// final target once symbolic links are followed.
    /// </summary>
    /// <param name="first">A path.</param>
    /// <param name="second">Another path.</param>
    public static bool AreSameFile(string first, string second) =>
        string.Equals(Canonical(first), Canonical(second), PathComparison);

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static string Canonical(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return File.Exists(full) && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target
                ? Path.GetFullPath(target.FullName)
                : full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static void RequirePath(string path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidInputException($"{option} needs a file path; got an empty value");
        }
    }

    /// <summary>How the messages about one kind of input file name it.</summary>
    private sealed record FileKind(string Option, string Noun, string ExpectedFile, string Valid);
}
