using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CodeTwo.AuthDiagnostics.Tests.Rendering;

/// <summary>
/// Issue #19, SARIF that GitHub code scanning accepts: every result has a <c>physicalLocation</c> (the snapshot file
/// relative to <c>%SRCROOT%</c> and the region of the finding's first evidence pointer in it), and every log — one user,
/// tenant-wide on each fixture and on a generated tenant — is valid SARIF 2.1.0 within code scanning's limits (25,000
/// results a run, 1,000 locations a result, 10 MB gzipped).
/// </summary>
public sealed class SarifCodeScanningTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rendering", "Schemas", "sarif-2.1.0.schema.json"))));

    private static readonly Lazy<GeneratedTenant> Generated = new(() => LargeTenantGenerator.Generate(users: 2000, policies: 200));

    public static TheoryData<string, string> Users => ApprovalTests.Users;

    public static TheoryData<string> Files => new(Fixture.AllNames);

    /// <summary>The fixtures as the source root sees them: <c>%SRCROOT%</c> is the test output folder, the snapshot <c>fixtures/NAME</c>.</summary>
    private static SarifOptions FixtureOptions(string file) => new()
    {
        SnapshotPath = Path.Combine(Fixture.Directory, file),
        SourceRoot = AppContext.BaseDirectory,
    };

    [Theory]
    [MemberData(nameof(Users))]
    public void Every_users_log_is_located_in_its_snapshot_file_at_the_evidence(string file, string user)
    {
        var diagnosis = Diagnose.User(Fixture.Load(file), user);

        string sarif = DiagnosisSarif.Render(diagnosis, FixtureOptions(file));

        ShouldBeAcceptedByCodeScanning(sarif);
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!.GetValue<string>().Should().Be(new Uri(AppContext.BaseDirectory).AbsoluteUri);
        run["artifacts"]![0]!["location"]!["uri"]!.GetValue<string>().Should().Be($"fixtures/{Uri.EscapeDataString(file)}");
        RegionsShouldPointAtTheEvidence(run, File.ReadAllText(Path.Combine(Fixture.Directory, file)));
    }

    [Fact]
    public void Without_a_snapshot_file_every_result_is_at_line_1_of_snapshot_json()
    {
        var run = JsonNode.Parse(DiagnosisSarif.Render(Diagnose.User(Fixture.Load("seed-security-defaults.json"))))!["runs"]![0]!;

        run["originalUriBaseIds"].Should().BeNull("no source root was named: code scanning resolves %SRCROOT% itself");
        foreach (var result in run["results"]!.AsArray())
        {
            var physical = result!["locations"]![0]!["physicalLocation"]!;
            physical["artifactLocation"]!["uri"]!.GetValue<string>().Should().Be("snapshot.json");
            physical["artifactLocation"]!["uriBaseId"]!.GetValue<string>().Should().Be("%SRCROOT%");
            physical["region"]!["startLine"]!.GetValue<int>().Should().Be(1);
        }
    }

    [Fact]
    public void The_snapshots_text_and_name_locate_it_when_it_is_not_a_file()
    {
        var fixture = Fixture.Load("seed-security-defaults.json");
        byte[] text = File.ReadAllBytes(Path.Combine(Fixture.Directory, fixture.Name));

        var run = JsonNode.Parse(DiagnosisSarif.Render(
            Diagnose.User(fixture),
            new SarifOptions { SnapshotUtf8 = text, SnapshotName = "embedded/sample.json", SnapshotDescription = "The embedded sample, not a file." }))!["runs"]![0]!;

        run["artifacts"]![0]!["location"]!["uri"]!.GetValue<string>().Should().Be("embedded/sample.json");
        run["artifacts"]![0]!["description"]!["text"]!.GetValue<string>().Should().Be("The embedded sample, not a file.");
        RegionsShouldPointAtTheEvidence(run, Encoding.UTF8.GetString(text)).Should().BeGreaterThan(0);
        run["results"]!.AsArray().Should().Contain(r => r!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>() > 1);
    }

    [Fact]
    public void A_snapshot_outside_the_source_root_is_named_by_its_absolute_uri()
    {
        string path = Path.Combine(Fixture.Directory, "seed-security-defaults.json");

        var location = JsonNode.Parse(DiagnosisSarif.Render(
            Diagnose.User(Fixture.Load("seed-security-defaults.json")),
            new SarifOptions { SnapshotPath = path, SourceRoot = Path.Combine(AppContext.BaseDirectory, "Rendering") }))!["runs"]![0]!["artifacts"]![0]!["location"]!;

        location["uri"]!.GetValue<string>().Should().Be(new Uri(path).AbsoluteUri);
        location["uriBaseId"].Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_tenant_wide_log_has_one_result_per_code_and_policy_counting_its_users(string file)
    {
        var diagnostics = Service();
        var snapshot = Fixture.Load(file).Snapshot();
        var diagnoses = snapshot.Users.Select(u => u.User.UserPrincipalName).Concat(snapshot.MissingUsers)
            .Select(u => diagnostics.Diagnose(snapshot, UserRef.Parse(u))).ToList();

        string sarif = TenantSarif.Render(diagnostics, snapshot, FixtureOptions(file), TestContext.Current.CancellationToken);

        ShouldBeAcceptedByCodeScanning(sarif);
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        var expected = diagnoses
            .SelectMany(d => d.Findings.Select(f => (Key: $"{f.Code}/{f.PolicyId}/{f.Acceptance is not null}", User: d.RequestedUser)))
            .Distinct()
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.Count());
        var results = run["results"]!.AsArray();
        results.Select(r => $"{r!["ruleId"]}/{r["properties"]!["policyId"]?.GetValue<string>()}/{r["suppressions"] is not null}")
            .Should().BeEquivalentTo(expected.Keys, "one result per code and policy");
        foreach (var result in results)
        {
            string key = $"{result!["ruleId"]}/{result["properties"]!["policyId"]?.GetValue<string>()}/{result["suppressions"] is not null}";
            result["properties"]!["users"]!.GetValue<int>().Should().Be(expected[key], key);
            result["locations"]!.AsArray().Should().HaveCount(expected[key], "a fixture's users are all listed");
            result["properties"]!["listedUsers"]!.AsArray().Should().HaveCount(expected[key]);
        }

        run["properties"]!["totals"]!["users"]!.GetValue<int>().Should().Be(diagnoses.Count);
        run["properties"]!["users"]!.AsArray().Select(u => u!["requested"]!.GetValue<string>()).Should().Equal(diagnoses.Select(d => d.RequestedUser));
        run["properties"]!["leftOut"]!["results"]!.GetValue<int>().Should().Be(0);
        run["properties"]!["leftOut"]!["userLocations"]!.GetValue<int>().Should().Be(0);
        run["invocations"].Should().BeNull("nothing was left out");
        RegionsShouldPointAtTheEvidence(run, File.ReadAllText(Path.Combine(Fixture.Directory, file)));
    }

    [Fact]
    public void A_generated_tenant_of_2000_users_and_200_policies_stays_within_the_limits_and_says_what_it_left_out()
    {
        var tenant = Generated.Value;
        var options = new SarifOptions { SnapshotUtf8 = tenant.Utf8Json, SnapshotName = "generated.json" };

        string sarif = TenantSarif.Render(Service(), tenant.Snapshot, options, TestContext.Current.CancellationToken);

        ShouldBeAcceptedByCodeScanning(sarif);
        Encoding.UTF8.GetByteCount(sarif).Should().BeLessThan(10_000_000);
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        var results = run["results"]!.AsArray();
        results.Sum(r => r!["locations"]!.AsArray().Count).Should().BeLessThanOrEqualTo(TenantSarifLog.LocationBudget);
        run["properties"]!["totals"]!["users"]!.GetValue<int>().Should().Be(2000);
        run["properties"]!["users"]!.AsArray().Should().HaveCount(1000);
        run["properties"]!["leftOut"]!["users"]!.GetValue<int>().Should().Be(1000);
        foreach (var result in results)
        {
            int users = result!["properties"]!["users"]!.GetValue<int>();
            int listed = result["locations"]!.AsArray().Count;
            result["properties"]!["listedUsers"]!.AsArray().Should().HaveCount(listed);
            (users - listed).Should().Be(result["properties"]!["usersNotListed"]?.GetValue<int>() ?? 0);
        }

        long unlisted = results.Sum(r => (long)(r!["properties"]!["usersNotListed"]?.GetValue<int>() ?? 0));
        run["properties"]!["leftOut"]!["results"]!.GetValue<int>().Should().Be(0, "2,000 users fit in about 6 MB");
        run["properties"]!["leftOut"]!["userLocations"]!.GetValue<long>().Should().Be(unlisted);
        if (unlisted > 0)
        {
            run["invocations"]![0]!["toolExecutionNotifications"]![0]!["message"]!["text"]!.GetValue<string>().Should().Contain("leaves out");
        }

        RegionsShouldPointAtTheEvidence(run, tenant.Json).Should().BeGreaterThan(results.Count / 2);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_findings_pass_the_tenant_wide_log_aggregates_agrees_with_the_diagnosis(string file)
    {
        var engine = new DiagnosticEngine();
        var snapshot = Fixture.Load(file).Snapshot();

        for (int i = 0; i < snapshot.Users.Count + snapshot.MissingUsers.Count; i++)
        {
            string user = i < snapshot.Users.Count ? snapshot.Users[i].User.UserPrincipalName : snapshot.MissingUsers[i - snapshot.Users.Count];
            var pass = engine.FindingsOf(snapshot, i < snapshot.Users.Count ? i : -1, user);
            var diagnosis = engine.Diagnose(snapshot, UserRef.Parse(user));
            pass.Select(f => (f.Code, f.PolicyId, f.RootCause, f.Acceptance, f.Title, f.Evidence.Count))
                .Should().Equal(diagnosis.Findings.Select(f => (f.Code, f.PolicyId, f.RootCause, f.Acceptance, f.Title, f.Evidence.Count)), user);
        }
    }

    [Fact]
    public void The_location_budget_is_shared_evenly_and_never_exceeded()
    {
        TenantSarifLog.Quotas([3, 5], 100).Should().Equal(3, 5);
        TenantSarifLog.Quotas([1000, 1000, 10], 1010).Should().Equal(500, 500, 10);
        TenantSarifLog.Quotas([1000, 1000, 1000], 1001).Should().Equal(334, 334, 333);
        var many = Enumerable.Repeat(1000, 25_000).ToArray();
        TenantSarifLog.Quotas(many, 30_000).Should().OnlyContain(q => q >= 1 && q <= 2).And.Subject.Sum().Should().Be(30_000);
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("/a", 2, 3)]
    [InlineData("/a/b~1c", 3, 5)]
    [InlineData("/a/d", 4, 5)]
    [InlineData("/a/d/1", 4, 17)]
    [InlineData("/a/d/2/x~0y", 5, 8)]
    [InlineData("/é", 7, 3)]
    [InlineData("/z", 8, 3)]
    public void The_locator_finds_members_at_their_names_and_elements_at_their_values(string pointer, int line, int column)
    {
        const string text = "{\r\n  \"a\": {\n    \"b/c\": 1,\n    \"d\": [true, \"é\",\n      {\"x~y\": null}]\n  },\n  \"\\u00e9\": 2,\n  \"z\": \"ü\"\n}";

        var found = JsonPointerLocator.Locate(Encoding.UTF8.GetBytes(text), [pointer, "/a/missing", "/a/d/9", "not a pointer"]);

        found[pointer].Should().Be((line, column));
        found.Keys.Should().NotContain(["/a/missing", "/a/d/9", "not a pointer"]);
    }

    [Fact]
    public void The_locator_skips_a_byte_order_mark_and_stops_quietly_at_broken_json()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF, .. "{\"a\": 1,\n\"b\": [}"u8];

        var found = JsonPointerLocator.Locate(bom, ["/a", "/b/0"]);

        found.Should().ContainKey("/a").WhoseValue.Should().Be((1, 2));
        found.Should().NotContainKey("/b/0");
    }

    [Fact]
    public void The_locator_finds_every_pointer_of_a_generated_tenant_in_one_pass()
    {
        var tenant = Generated.Value;
        var root = JsonNode.Parse(tenant.Json)!;
        string[] pointers = Enumerable.Range(0, 2000).Where(i => i % 7 == 0).Select(i => $"/users/{i}/user/userPrincipalName").Append("/sections/conditionalAccessPolicies/value/199").ToArray();

        var found = JsonPointerLocator.Locate(tenant.Utf8Json, pointers);

        string[] lines = tenant.Json.Split('\n');
        found.Should().HaveCount(pointers.Length);
        foreach (string pointer in pointers.Where(p => p.EndsWith("userPrincipalName", StringComparison.Ordinal)))
        {
            Pointer.TryResolve(root, pointer, out var upn).Should().BeTrue();
            lines[found[pointer].Line - 1].Should().Contain("\"userPrincipalName\"").And.Contain(upn!.GetValue<string>());
        }
    }

    /// <summary>Valid against the repository's SARIF 2.1.0 schema, and within what GitHub code scanning accepts.</summary>
    internal static void ShouldBeAcceptedByCodeScanning(string sarif)
    {
        using (var document = JsonDocument.Parse(sarif))
        {
            var evaluation = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            evaluation.IsValid.Should().BeTrue(string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).Take(20)));
        }

        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(sarif));
        }

        gzipped.Length.Should().BeLessThanOrEqualTo(10L * 1024 * 1024, "GitHub rejects uploads over 10 MB gzipped");
        foreach (var run in JsonNode.Parse(sarif)!["runs"]!.AsArray())
        {
            var results = run!["results"]!.AsArray();
            results.Count.Should().BeLessThanOrEqualTo(25_000, "GitHub rejects runs of more than 25,000 results");
            foreach (var result in results)
            {
                var locations = result!["locations"]!.AsArray();
                locations.Count.Should().BeInRange(1, 1_000, "GitHub needs a location and takes at most 1,000");
                locations.Should().OnlyContain(
                    l => !string.IsNullOrEmpty(l!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>()),
                    "GitHub rejects a result without a physicalLocation and its artifactLocation.uri");
            }
        }
    }

    /// <summary>
    /// Each result's first location is at its first evidence pointer in <paramref name="text"/>: the line holds the
    /// pointer's last member name (for an array element, the line is where the element starts); evidence that is not in
    /// the text is located at the user's entry or line 1.
    /// </summary>
    /// <returns>How many results were checked at a member's name.</returns>
    internal static int RegionsShouldPointAtTheEvidence(JsonNode run, string text)
    {
        var root = JsonNode.Parse(text)!;
        string[] lines = text.Split('\n');
        int checkedMembers = 0;
        foreach (var result in run["results"]!.AsArray())
        {
            var region = result!["locations"]![0]!["physicalLocation"]!["region"]!;
            int line = region["startLine"]!.GetValue<int>();
            int column = region["startColumn"]!.GetValue<int>();
            line.Should().BeInRange(1, lines.Length);
            column.Should().BeInRange(1, lines[line - 1].Length + 1);
            var evidence = result["properties"]!["evidence"]!.AsArray();
            string? pointer = evidence.Count > 0 ? evidence[0]!["pointer"]!.GetValue<string>() : null;
            if (pointer is null || pointer == "/" || !Pointer.TryResolve(root, pointer, out _))
            {
                continue;
            }

            string last = pointer[(pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (pointer.Length > 1 && !int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                lines[line - 1].Should().Contain($"\"{last}\"", $"{pointer} is located at line {line}");
                lines[line - 1][(column - 1)..].Should().StartWith($"\"{last}\"", "the column is where the member's name starts");
                checkedMembers++;
            }
        }

        return checkedMembers;
    }

    private static IAuthDiagnostics Service() =>
        new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider().GetRequiredService<IAuthDiagnostics>();
}
