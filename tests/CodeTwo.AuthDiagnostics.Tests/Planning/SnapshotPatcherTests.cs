using System.Text;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using JsonPatcher = CodeTwo.AuthDiagnostics.Testing.Internal.SnapshotPatcher;

namespace CodeTwo.AuthDiagnostics.Tests.Planning;

/// <summary>
/// The merge patches the counterfactual is checked against (the typed patcher of these tests) and the in-memory tenant
/// applies (the Testing package's patcher, on the snapshot document through the core's public API), on payloads of
/// every size, and the two held to the same results.
/// </summary>
public sealed class SnapshotPatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Fixtures => new(Fixture.AllNames.Where(Reads));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_typed_patcher_and_the_in_memory_tenants_patcher_agree_on_every_plan_of_a_fixture(string fixture)
    {
        var snapshot = Fixture.Load(fixture).Snapshot();
        var engine = new DiagnosticEngine();
        var users = snapshot.Users.Select(u => u.User.UserPrincipalName).Append(Diagnose.Backup);
        foreach (string user in users.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var plan = engine.Diagnose(snapshot, UserRef.Parse(user)).Plan;
            var requests = plan.Steps.Select(s => s.Kind == PlanStepKind.Graph ? s.Request : s.SimulatedEffect).OfType<GraphRequest>().ToArray();
            foreach (var request in requests)
            {
                Agree(snapshot, [request], $"{fixture}, {user}: {request.Method} {request.Url}");
            }

            Agree(snapshot, requests, $"{fixture}, {user}: the whole plan");
            Agree(snapshot, requests.Select(r => r with { Url = r.Url.Replace("/users/", "/users/nobody", StringComparison.Ordinal) }), $"{fixture}, {user}: unknown users");
        }
    }

    [Theory]
    [InlineData("PATCH", "/v1.0/users/{user}/authentication/requirements", "{\"perUserMfaState\":\"sometimes\"}")]
    [InlineData("PATCH", "/v1.0/users/{user}/authentication/requirements", "{\"perUserMfaState\":null}")]
    [InlineData("PATCH", "/v1.0/users/{user}/authentication/requirements", "{\"perUserMfaState\":\"enforced\"}")]
    [InlineData("PATCH", "/v1.0/users/{user}", "{\"accountEnabled\":\"yes\"}")]
    [InlineData("PATCH", "/v1.0/users/{user}", "{\"accountEnabled\":false,\"extra\":{\"a\":null,\"b\":[1,2]}}")]
    [InlineData("POST", "/v1.0/users/{user}/revokeSignInSessions", null)]
    [InlineData("PATCH", "/v1.0/identity/conditionalAccess/policies/{policy}", "{\"state\":\"off\"}")]
    [InlineData("PATCH", "/v1.0/identity/conditionalAccess/policies/{policy}", "{\"state\":\"disabled\",\"conditions\":{\"users\":{\"excludeUsers\":[\"{user}\"]}}}")]
    [InlineData("PATCH", "/v1.0/identity/conditionalAccess/policies/00000000-0000-0000-0000-000000000000", "{\"state\":\"disabled\"}")]
    [InlineData("PATCH", "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", "{\"isEnabled\":false}")]
    [InlineData("PATCH", "/beta/policies/mfaServicePolicy", "{\"allowAppPasswords\":true}")]
    [InlineData("PATCH", "/exchangeOnline", "{\"smtpClientAuthenticationDisabled\":false}")]
    [InlineData("DELETE", "/v1.0/users/{user}", null)]
    [InlineData("PATCH", "/v1.0/users/{user}", "{\"accountEnabled\":")]
    [InlineData("PATCH", "not a url", "{}")]
    public void The_two_patchers_agree_on_requests_outside_plans(string method, string path, string? body)
    {
        foreach (string fixture in Fixture.AllNames.Where(Reads))
        {
            var snapshot = Fixture.Load(fixture).Snapshot();
            string user = snapshot.Users.Count > 0 ? snapshot.Users[0].User.Id : "nobody";
            string policy = snapshot.Sections.ConditionalAccessPolicies.Value is [var first, ..] ? first.Id : "none";
            string url = path.StartsWith('/') ? "https://graph.microsoft.com" + path : path;
            var request = new GraphRequest(method, url.Replace("{user}", user, StringComparison.Ordinal).Replace("{policy}", policy, StringComparison.Ordinal), body?.Replace("{user}", user, StringComparison.Ordinal));
            Agree(snapshot, [request], $"{fixture}: {request.Method} {request.Url} {request.Body}");
        }
    }

    private static void Agree(TenantSnapshot snapshot, IEnumerable<GraphRequest> requests, string because)
    {
        var list = requests.ToArray();
        var typed = SnapshotPatcher.ApplyAll(snapshot, list, Now);
        var json = JsonPatcher.ApplyAll(snapshot, list, Now);
        json.Status.Should().Be(typed.Status, $"{because} (typed: {typed.Error}; JSON: {json.Error})");
        if (typed.Status < 400)
        {
            Encoding.UTF8.GetString(SnapshotWriter.ToUtf8Bytes(json.Snapshot)).Should().Be(Encoding.UTF8.GetString(SnapshotWriter.ToUtf8Bytes(typed.Snapshot)), because);
        }
        else
        {
            json.Snapshot.Should().BeSameAs(snapshot, because);
            if (typed.Status != 400)
            {
                json.Error.Should().Be(typed.Error, because);
            }
        }
    }

    private static bool Reads(string fixture)
    {
        try
        {
            Fixture.Load(fixture).Snapshot();
            return true;
        }
        catch (SnapshotFormatException)
        {
            return false;
        }
    }

    private static string[] Ids(int count, int from = 0) =>
        Enumerable.Range(from, count).Select(i => $"00000000-0000-4000-8000-{i:D12}").ToArray();

    [Fact]
    public void A_policy_larger_than_the_merge_buffer_is_patched_exactly()
    {
        // 400 excluded ids make the policy's JSON about 16 KB: the merge buffer (4 KB to start) has to grow.
        var policy = new CaPolicy { DisplayName = "Large policy", ExcludeUsers = Ids(400) };
        var snapshot = Baseline.WithPolicies(policy).Snapshot();
        var before = snapshot.Sections.ConditionalAccessPolicies.Value![0];
        before.Json.GetRawText().Length.Should().BeGreaterThan(8_192);
        string[] excluded = [.. Ids(400), Baseline.UserId];
        string body = JsonSerializer.Serialize(new { conditions = new { users = new { excludeUsers = excluded } } });

        var result = SnapshotPatcher.Apply(snapshot, new GraphRequest("PATCH", $"https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies/{CaPolicy.DefaultId}", body), Now);

        result.Status.Should().Be(204, result.Error);
        var after = result.Snapshot.Sections.ConditionalAccessPolicies.Value![0];
        after.Conditions.Users.ExcludeUsers.Should().Equal(excluded);
        after.Conditions.Users.IncludeUsers.Should().Equal(before.Conditions.Users.IncludeUsers);
        after.DisplayName.Should().Be("Large policy");
        after.Json.GetProperty("conditions").GetProperty("clientAppTypes").GetRawText()
            .Should().Be(before.Json.GetProperty("conditions").GetProperty("clientAppTypes").GetRawText(), "what the patch does not name is kept as it was");
        snapshot.Sections.ConditionalAccessPolicies.Value![0].Conditions.Users.ExcludeUsers.Should().HaveCount(400, "the original snapshot is not changed");
    }

    [Fact]
    public void A_body_that_is_not_JSON_is_a_400_naming_it()
    {
        var snapshot = Baseline.WithPolicies(new CaPolicy()).Snapshot();

        var result = SnapshotPatcher.Apply(snapshot, new GraphRequest("PATCH", $"https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies/{CaPolicy.DefaultId}", "{\"state\":"), Now);

        result.Status.Should().Be(400);
        result.Error.Should().StartWith("The request body is not JSON");
        result.Snapshot.Should().BeSameAs(snapshot);
    }

    [Fact]
    public void A_null_member_of_the_patch_removes_the_property()
    {
        var snapshot = Baseline.WithPolicies(new CaPolicy { DisplayName = "Named" }).Snapshot();

        var result = SnapshotPatcher.Apply(snapshot, new GraphRequest("PATCH", $"https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies/{CaPolicy.DefaultId}", "{\"displayName\":null}"), Now);

        result.Status.Should().Be(204, result.Error);
        result.Snapshot.Sections.ConditionalAccessPolicies.Value![0].Json.TryGetProperty("displayName", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(16, 5_000)]
    [InlineData(4_096, 70_000)]
    public void The_pooled_writer_keeps_every_byte_written_across_growths(int initialCapacity, int total)
    {
        using var writer = new PooledBufferWriter(initialCapacity);
        var expected = new byte[total];
        int position = 0;
        while (position < total)
        {
            int chunk = Math.Min(1 + (position % 700), total - position);
            var span = writer.GetSpan(chunk);
            span.Length.Should().BeGreaterThanOrEqualTo(chunk);
            for (int i = 0; i < chunk; i++)
            {
                span[i] = (byte)((position + i) * 31);
                expected[position + i] = span[i];
            }

            writer.Advance(chunk);
            position += chunk;
        }

        writer.WrittenSpan.ToArray().Should().Equal(expected);
    }

    [Fact]
    public void The_pooled_writer_refuses_to_advance_past_what_it_handed_out()
    {
        using var writer = new PooledBufferWriter(16);
        int available = writer.GetSpan().Length;

        var advance = () => writer.Advance(available + 1);

        advance.Should().Throw<InvalidOperationException>();
        Encoding.UTF8.GetString(writer.WrittenSpan).Should().BeEmpty();
    }
}
