using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// <see cref="TenantSarif"/>'s log: while the users stream in, each user's findings are counted per result (code,
/// Conditional Access policy, accepted or not) and the first <see cref="MaxLocationsPerResult"/> users of each result
/// kept; at the end the results are written, each user located at its finding's first evidence pointer (all pointers
/// found in one pass over the snapshot's text), within GitHub code scanning's limits.
/// </summary>
internal sealed class TenantSarifLog : TenantReport
{
    /// <summary>GitHub code scanning's limit on results a run.</summary>
    internal const int MaxResults = 25_000;

    /// <summary>GitHub code scanning's limit on locations a result.</summary>
    internal const int MaxLocationsPerResult = 1_000;

    /// <summary>Locations in the whole run, shared among the results (about 250 bytes each with the user's name in <c>listedUsers</c>: about 6 MB at most).</summary>
    internal const int LocationBudget = 25_000;

    /// <summary>Users listed in the run's properties.</summary>
    internal const int MaxListedUsers = 1_000;

    /// <summary>Once the log is this long, no further location or result is written (the run's end follows, well under 10 MB).</summary>
    internal const long ByteBudget = 9_000_000;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TenantSnapshot snapshot;
    private readonly SarifArtifact artifact;
    private readonly Dictionary<GroupKey, Group> groups = [];
    private readonly Dictionary<int, (string Name, string? Id)> names = [];
    private readonly List<Assessment> listedUsers = [];
    private readonly SortedDictionary<string, int> rootCauses = new(StringComparer.Ordinal);
    private readonly Utf8JsonWriter w;

    /// <summary>Starts the log of <paramref name="snapshot"/> on <paramref name="output"/>.</summary>
    public TenantSarifLog(IBufferWriter<byte> output, TenantSnapshot snapshot, SarifOptions options)
        : base(output)
    {
        this.snapshot = snapshot;
        artifact = SarifArtifact.From(options);
        w = new Utf8JsonWriter(output, WriterOptions);
    }

    /// <inheritdoc />
    public override void Complete()
    {
        var ordered = groups.Values
            .OrderBy(g => SarifRules.IndexOf(g.Key.Code) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Policy, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Accepted)
            .ToList();
        var kept = ordered.Take(MaxResults).ToList();
        int[] quotas = Quotas(kept.Select(g => g.Listed.Count).ToArray(), LocationBudget);

        // Each located user's first evidence pointer (words built here, for these findings only), then one pass over the text.
        var pointers = new (string? Evidence, string? Entry)[kept.Count][];
        for (int i = 0; i < kept.Count; i++)
        {
            pointers[i] = kept[i].Listed.Take(quotas[i])
                .Select(l => (l.Finding.Evidence.Count > 0 ? l.Finding.Evidence[0].Path : null, l.User < snapshot.Users.Count ? $"/users/{l.User}" : null))
                .ToArray();
        }

        var located = artifact.Locate(pointers.SelectMany(p => p).SelectMany(p => new[] { p.Evidence, p.Entry }).OfType<string>().Distinct(StringComparer.Ordinal));

        DiagnosisSarif.WriteStart(w, artifact);
        w.WriteStartArray("results");
        int written = 0;
        long unlisted = 0;
        for (; written < kept.Count; written++)
        {
            if (written > 0 && Size() > ByteBudget)
            {
                break;
            }

            unlisted += WriteResult(kept[written], pointers[written], located);
        }

        long resultsLeftOut = ordered.Count - written;
        unlisted += ordered.Skip(written).Sum(g => (long)g.Users);
        w.WriteEndArray();
        if (resultsLeftOut > 0 || unlisted > 0)
        {
            WriteNotification(resultsLeftOut, unlisted, ordered.Sum(g => (long)g.Users));
        }

        WriteRunProperties(resultsLeftOut, unlisted);
        w.WriteEndObject(); // run
        w.WriteEndArray(); // runs
        w.WriteEndObject();
        w.Flush();
        WriteText("\n");
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        w.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Locations per result: every kept user while the run's budget allows, else the same share for each (the largest
    /// that fits, at least one), what the share leaves spread over the first results.
    /// </summary>
    internal static int[] Quotas(int[] wanted, int budget)
    {
        if (wanted.Sum(c => (long)c) <= budget)
        {
            return wanted;
        }

        int low = 1, high = MaxLocationsPerResult;
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (wanted.Sum(c => (long)Math.Min(c, mid)) <= budget)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        int[] quotas = wanted.Select(c => Math.Min(c, low)).ToArray();
        long left = budget - quotas.Sum(q => (long)q);
        for (int i = 0; i < quotas.Length && left > 0; i++)
        {
            if (quotas[i] < wanted[i])
            {
                quotas[i]++;
                left--;
            }
        }

        return quotas;
    }

    /// <inheritdoc />
    protected override void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Assessment assessment)
    {
        int user = Count - 1;
        if (listedUsers.Count < MaxListedUsers)
        {
            listedUsers.Add(assessment);
        }

        foreach (string code in assessment.RootCauses)
        {
            rootCauses[code] = rootCauses.GetValueOrDefault(code) + 1;
        }

        foreach (var finding in Findings(diagnostics, assessment, user))
        {
            var key = new GroupKey(finding.Code, finding.PolicyId, finding.Acceptance is not null);
            if (!groups.TryGetValue(key, out var group))
            {
                group = new Group(key);
                groups.Add(key, group);
            }

            if (group.LastUser == user)
            {
                continue; // one user counts once per result
            }

            group.LastUser = user;
            group.Users++;
            if (finding.RootCause)
            {
                group.RootCauseUsers++;
            }

            if (group.Listed.Count < MaxLocationsPerResult)
            {
                group.Listed.Add((user, finding));
                names.TryAdd(user, (assessment.UserPrincipalName ?? assessment.RequestedUser, assessment.UserId));
            }
        }
    }

    /// <summary>The user's findings: from the engine's findings pass (no plan, no counterfactual) when the service is the library's, else from a diagnosis.</summary>
    private IReadOnlyList<Finding> Findings(IAuthDiagnostics diagnostics, Assessment assessment, int user)
    {
        if (diagnostics is AuthDiagnosticsService service)
        {
            var users = snapshot.Users;
            if (user < users.Count && string.Equals(users[user].User.Id, assessment.UserId, StringComparison.OrdinalIgnoreCase))
            {
                return service.Engine.FindingsOf(snapshot, user, assessment.RequestedUser);
            }

            if (user >= users.Count && assessment.UserId is null)
            {
                return service.Engine.FindingsOf(snapshot, -1, assessment.RequestedUser);
            }
        }

        return Diagnose(diagnostics, snapshot, assessment).Findings;
    }

    private long Size() => w.BytesCommitted + w.BytesPending;

    /// <summary>Writes one result; returns how many of its users it does not locate.</summary>
    private long WriteResult(Group group, (string? Evidence, string? Entry)[] pointers, Dictionary<string, (int Line, int Column)> located)
    {
        var first = group.Listed[0].Finding;
        string? policy = group.Key.Policy;
        w.WriteStartObject();
        DiagnosisSarif.WriteRuleAndLevel(w, first);
        var (firstName, _) = names[group.Listed[0].User];
        DiagnosisSarif.WriteMessage(w, "message", string.Create(
            CultureInfo.InvariantCulture,
            $"{first.Code} {first.Name}: {Users(group.Users)}{(policy is null ? string.Empty : $", Conditional Access policy {policy}")}{(group.Key.Accepted ? " (accepted)" : string.Empty)}. First of them, {firstName}: {first.Title}."));

        int listed = 0;
        w.WriteStartArray("locations");
        foreach (var ((user, _), (evidence, entry)) in group.Listed.Zip(pointers))
        {
            if (listed > 0 && Size() > ByteBudget)
            {
                break;
            }

            // Lean (about 200 bytes): the user by name only; the policy, the ids and the words are the result's.
            w.WriteStartObject();
            artifact.WritePhysicalLocation(w, SarifArtifact.Region(located, evidence, entry));
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            w.WriteString("fullyQualifiedName", names[user].Name);
            w.WriteString("kind", "user");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            listed++;
        }

        w.WriteEndArray();

        w.WriteStartObject("partialFingerprints");
        w.WriteString("c2authdiagResult/v1", $"{snapshot.TenantId:D}/{group.Key.Code}/{policy}{(group.Key.Accepted ? "/accepted" : string.Empty)}");
        w.WriteEndObject();
        if (group.Key.Accepted && first.Acceptance is { } accepted)
        {
            DiagnosisSarif.WriteSuppression(w, accepted);
        }

        w.WriteStartObject("properties");
        DiagnosisSarif.WriteClassification(w, first);
        if (policy is not null)
        {
            w.WriteString("policyId", policy);
        }

        w.WriteNumber("users", group.Users);
        w.WriteNumber("rootCauseUsers", group.RootCauseUsers);
        JsonWriting.WriteStrings(w, "listedUsers", group.Listed.Take(listed).Select(l => names[l.User].Name));
        if (group.Users > listed)
        {
            w.WriteNumber("usersNotListed", group.Users - listed);
        }

        w.WriteString("title", first.Title);
        DiagnosisSarif.WriteEvidence(w, first);
        JsonWriting.WriteStrings(w, "references", first.References);
        w.WriteEndObject();
        w.WriteEndObject();
        return group.Users - listed;
    }

    private void WriteNotification(long resultsLeftOut, long unlisted, long occurrences)
    {
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        w.WriteStartArray("toolExecutionNotifications");
        w.WriteStartObject();
        DiagnosisSarif.WriteMessage(w, "message", string.Create(
            CultureInfo.InvariantCulture,
            $"Within GitHub code scanning's limits ({MaxResults:N0} results a run, {MaxLocationsPerResult:N0} locations a result, 10 MB), this log locates {occurrences - unlisted:N0} of the {occurrences:N0} affected users of its results and leaves out {resultsLeftOut:N0} results; run.properties.leftOut counts what is missing. Diagnose a user alone for all of its findings and evidence."));
        w.WriteString("level", "note");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private void WriteRunProperties(long resultsLeftOut, long unlisted)
    {
        w.WriteStartObject("properties");
        w.WriteString("tenantId", snapshot.TenantId.ToString("D"));
        w.WriteString("cloud", JsonNames.Of(snapshot.Cloud));
        w.WriteString("capturedAt", SnapshotWriter.FormatInstant(snapshot.CapturedAt));
        w.WriteStartArray("users");
        foreach (var u in listedUsers)
        {
            w.WriteStartObject();
            w.WriteString("requested", u.RequestedUser);
            JsonWriting.WriteNullable(w, "id", u.UserId);
            JsonWriting.WriteNullable(w, "userPrincipalName", u.UserPrincipalName);
            w.WriteString("verdict", JsonNames.Of(u.Verdict));
            JsonWriting.WriteStrings(w, "rootCauses", u.RootCauses);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("rootCauses");
        foreach (var (code, users) in rootCauses)
        {
            w.WriteNumber(code, users);
        }

        w.WriteEndObject();
        w.WriteStartObject("totals");
        w.WriteNumber("users", Count);
        foreach (var (verdict, count) in Totals())
        {
            w.WriteNumber(JsonNames.Of(verdict), count);
        }

        w.WriteEndObject();
        w.WriteStartObject("leftOut");
        w.WriteNumber("results", resultsLeftOut);
        w.WriteNumber("userLocations", unlisted);
        w.WriteNumber("users", Count - listedUsers.Count);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Users(int count) => count == 1 ? "1 user" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} users");

    private readonly record struct GroupKey(string Code, string? Policy, bool Accepted);

    /// <summary>One result being gathered: how many users, and the first of them with their finding.</summary>
    private sealed class Group(GroupKey key)
    {
        public GroupKey Key { get; } = key;

        public int Users { get; set; }

        public int RootCauseUsers { get; set; }

        public int LastUser { get; set; } = -1;

        public List<(int User, Finding Finding)> Listed { get; } = [];
    }
}
