using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Diagnostics;

/// <summary>The same input always gives the same diagnosis, byte for byte.</summary>
public sealed class DeterminismTests
{
    public static TheoryData<string> Files => new(Fixture.AllNames);

    [Theory]
    [MemberData(nameof(Files))]
    public void Same_snapshot_gives_byte_identical_JSON_in_two_engines_and_two_runs(string file)
    {
        // Two independent reads of the file, so no cached index or lazily built lookup is shared.
        var first = Fixture.Load(file).Snapshot();
        var second = Fixture.Load(file).Snapshot();
        var engineA = new DiagnosticEngine();
        var engineB = new DiagnosticEngine(new AuthDiagnosticsOptions());

        var runs = new[]
        {
            engineA.DiagnoseAll(first).Select(DiagnosisJson.SerializeToUtf8Bytes).ToArray(),
            engineA.DiagnoseAll(first).Select(DiagnosisJson.SerializeToUtf8Bytes).ToArray(),
            engineB.DiagnoseAll(second).Select(DiagnosisJson.SerializeToUtf8Bytes).ToArray(),
            engineB.DiagnoseAll(first).Select(DiagnosisJson.SerializeToUtf8Bytes).ToArray(),
        };

        runs[0].Should().NotBeEmpty();
        foreach (var run in runs.Skip(1))
        {
            run.Should().HaveSameCount(runs[0]);
            for (int i = 0; i < run.Length; i++)
            {
                run[i].Should().Equal(runs[0][i], $"diagnosis {i} of {file}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Markdown_is_identical_across_engines(string file)
    {
        var a = new DiagnosticEngine().DiagnoseAll(Fixture.Load(file).Snapshot()).Select(DiagnosisMarkdown.Render);
        var b = new DiagnosticEngine().DiagnoseAll(Fixture.Load(file).Snapshot()).Select(DiagnosisMarkdown.Render);

        a.Should().Equal(b);
    }

    [Fact]
    public void The_same_user_twice_in_one_snapshot_gives_equal_diagnoses_in_different_engines()
    {
        const string CopyId = "6a0f7a52-3c1e-4b1d-9d9e-0c2b7e5f1a99";
        const string CopyUpn = "backup.copy@contoso.com";
        var fixture = Fixture.Load("multi-user-tenant.json").With(root =>
        {
            var copy = root.User(0).DeepClone();
            copy["user"]!["id"] = CopyId;
            copy["user"]!["userPrincipalName"] = CopyUpn;
            root["users"]!.AsArray().Add(copy);
        });
        var snapshot = fixture.Snapshot();

        var fromA = new DiagnosticEngine().DiagnoseAll(snapshot).ToArray();
        var fromB = new DiagnosticEngine().DiagnoseAll(fixture.Snapshot()).ToArray();

        DiagnosisJson.SerializeMany(fromA).Should().Be(DiagnosisJson.SerializeMany(fromB));
        var original = fromA.Single(d => d.RequestedUser == "backup@contoso.com");
        var twin = fromA.Single(d => d.RequestedUser == CopyUpn);
        string originalId = original.UserId!;
        Normalize(DiagnosisJson.Serialize(twin), CopyId, CopyUpn, "/users/5/")
            .Should().Be(Normalize(DiagnosisJson.Serialize(original), originalId, "backup@contoso.com", "/users/0/"), "the twin differs only by its id, name and position");
    }

    [Fact]
    public void Concurrent_diagnoses_with_one_engine_equal_sequential_ones()
    {
        var snapshot = Fixture.Load("multi-user-tenant.json").Snapshot();
        var engine = new DiagnosticEngine();
        var users = snapshot.Users.Select(u => u.User.UserPrincipalName).Concat(snapshot.MissingUsers).ToArray();
        var expected = users.Select(u => DiagnosisJson.Serialize(new DiagnosticEngine().Diagnose(snapshot, UserRef.Parse(u)))).ToArray();

        var actual = new string[users.Length * 8];
        Parallel.For(0, actual.Length, i => actual[i] = DiagnosisJson.Serialize(engine.Diagnose(snapshot, UserRef.Parse(users[i % users.Length]))));

        for (int i = 0; i < actual.Length; i++)
        {
            actual[i].Should().Be(expected[i % users.Length]);
        }
    }

    private static string Normalize(string json, string id, string upn, string pointer) =>
        json.Replace(id, "{id}", StringComparison.Ordinal).Replace(upn, "{upn}", StringComparison.Ordinal).Replace(pointer, "/users/{n}/", StringComparison.Ordinal);
}
