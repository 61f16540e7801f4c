using System.Text;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Planning;

/// <summary>The merge patches the counterfactual and the in-memory tenant apply, on payloads of every size.</summary>
public sealed class SnapshotPatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

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
