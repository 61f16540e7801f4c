namespace CodeTwo.AuthDiagnostics.Cli.Infrastructure;

/// <summary>The snapshot a diagnosing command works on: the <c>--snapshot</c> file, or the embedded sample of the seed case.</summary>
internal static class SnapshotInput
{
    /// <summary>The name the embedded sample is shown under.</summary>
    public const string SampleName = "embedded sample (seed case: security defaults on, per-user MFA disabled)";

    /// <summary>Loads <paramref name="path"/>, or the embedded sample when it is null.</summary>
    /// <param name="path">The <c>--snapshot</c> value, if given.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<(TenantSnapshot Snapshot, string Name)> LoadAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is not null)
        {
            return (await SnapshotFiles.LoadAsync(path, cancellationToken), path);
        }

        await using var stream = typeof(SnapshotInput).Assembly.GetManifestResourceStream("sample-snapshot.json")
            ?? throw new InvalidOperationException("The embedded sample snapshot is missing from the build.");
        return (await TenantSnapshot.ReadAsync(stream, cancellationToken), SampleName);
    }

    /// <summary>The embedded sample's UTF-8 text (what SARIF locates the sample's evidence in).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<byte[]> SampleUtf8Async(CancellationToken cancellationToken)
    {
        await using var stream = typeof(SnapshotInput).Assembly.GetManifestResourceStream("sample-snapshot.json")
            ?? throw new InvalidOperationException("The embedded sample snapshot is missing from the build.");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    /// <summary>
    /// The user to diagnose: <paramref name="requested"/> when given (it may be absent from the snapshot: that is a
    /// diagnosis, APW001), else the snapshot's only user; with several users and no <c>--user</c>, an error listing them.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="requested">The <c>--user</c> value, if given.</param>
    public static string ChooseUser(TenantSnapshot snapshot, string? requested)
    {
        if (requested is not null)
        {
            if (string.IsNullOrWhiteSpace(requested))
            {
                throw new InvalidInputException("--user needs a user principal name or an object id");
            }

            if (!requested.Contains('@', StringComparison.Ordinal) && !Guid.TryParse(requested, out _))
            {
                throw new InvalidInputException($"--user '{requested}' is neither a user principal name (name@domain) nor an object id (GUID)");
            }

            return requested.Trim();
        }

        var contents = snapshot.Contents;
        if (contents.Users.Count == 1 && contents.MissingUsers.Count == 0)
        {
            return contents.Users[0].UserPrincipalName;
        }

        var names = contents.Users.Select(u => u.UserPrincipalName).Concat(contents.MissingUsers.Select(m => m + " (missing)")).ToList();
        if (names.Count == 0)
        {
            throw new InvalidInputException("the snapshot holds no user; capture one with the user to diagnose");
        }

        const int shown = 20;
        var details = names.Take(shown).Select(n => "  " + n).ToList();
        if (names.Count > shown)
        {
            details.Add($"  … and {names.Count - shown} more");
        }

        throw new InvalidInputException($"the snapshot holds {names.Count} users; choose one with --user:", details);
    }
}
