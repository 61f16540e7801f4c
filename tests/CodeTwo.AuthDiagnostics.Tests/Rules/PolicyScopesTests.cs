
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>
/// The bit sets of <see cref="PolicyScopes"/> give, for every user and every policy, exactly the answer of
/// <see cref="PolicyFacts.AppliesTo"/> (true, false or unknown): on the fixtures, a generated tenant and random tenants.
/// </summary>
public sealed class PolicyScopesTests
{
    [Fact]
    public void Scopes_match_the_per_policy_answer_on_fixtures_generated_and_random_tenants()
    {
        var snapshots = Fixture.AllNames
            .Select(n => { try { return Fixture.Load(n).Snapshot(); } catch (AuthDiagnostics.SnapshotFormatException) { return null; } })
            .OfType<TenantSnapshot>()
            .Append(LargeTenantGenerator.Generate(users: 500, policies: 120, seed: 3).Snapshot)
            .Concat(Enumerable.Range(0, 500).Select(seed => RandomTenants.Create(seed).Snapshot));
        int checkedPairs = 0;
        var answers = new HashSet<bool?>();
        foreach (var snapshot in snapshots)
        {
            var index = new DiagnosticEngine().Index(snapshot);
            var scopes = index.Scopes;
            var applies = new ulong[scopes.Words];
            var unknown = new ulong[scopes.Words];
            var scratch = new ulong[4 * scopes.Words];
            foreach (var user in snapshot.Users)
            {
                scopes.Evaluate(user, applies, unknown, scratch);
                var facts = new UserFacts(user);
                foreach (var policy in index.Policies)
                {
                    bool? expected = policy.AppliesTo(facts);
                    bool? actual = PolicyBits.IsSet(applies, policy.Bit) ? true : PolicyBits.IsSet(unknown, policy.Bit) ? null : false;
                    actual.Should().Be(expected, $"policy {policy.Policy.DisplayName} and user {user.User.UserPrincipalName}");
                    answers.Add(expected);
                    checkedPairs++;
                }
            }
        }

        checkedPairs.Should().BeGreaterThan(10_000);
        answers.Should().BeEquivalentTo(new bool?[] { true, false, null }, "every kind of answer is exercised");
    }

    [Fact]
    public void A_policy_for_nobody_is_in_no_scope_and_an_exclusion_wins()
    {
        var snapshot = new SnapshotBuilder()
            .WithEntraIdP1()
            .WithUser("backup@contoso.com", u => u.MemberOf("Sales"))
            .WithConditionalAccessPolicy("None", p => p.IncludeUsers(KnownUsers.None).Block())
            .WithConditionalAccessPolicy("All but Sales", p => p.IncludeUsers(KnownUsers.All).ExcludeGroups("Sales").Block())
            .WithConditionalAccessPolicy("Sales", p => p.IncludeGroups("Sales").Block())
            .Build();
        var index = new DiagnosticEngine().Index(snapshot);
        var applies = new ulong[index.Scopes.Words];
        var unknown = new ulong[index.Scopes.Words];

        index.Scopes.Evaluate(snapshot.Users[0], applies, unknown, new ulong[4 * index.Scopes.Words]);

        index.Policies.Where(p => PolicyBits.IsSet(applies, p.Bit)).Select(p => p.Policy.DisplayName).Should().Equal("Sales");
        PolicyBits.IsEmpty(unknown).Should().BeTrue();
    }
}
