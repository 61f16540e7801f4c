
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Diagnostics;

/// <summary>
/// Properties over every fixture, every user of the generated tenants and thousands of random tenants, under several
/// host options. The counterfactual (the same decision pass, assessing, after the plan's typed step effects) gives what
/// applying the plan's Graph requests to the snapshot as JSON merge patches (the way Graph and the in-memory tenant do)
/// and diagnosing again gives: this checks the plan's effects. <c>Assess</c> and <c>Diagnose</c> run one decision pass
/// (issue #17); they still apply the host's acceptances each their own way (per code and policy set, per finding), so
/// the verdict, codes and root causes are compared too. The random tenants must reach every verdict and code.
/// </summary>
public sealed class AssessmentAgreementTests
{
    private const int RandomTenantCount = 3_000;

    private static readonly DiagnosticEngine[] Engines = RandomTenants.Options.Select(o => new DiagnosticEngine(o)).ToArray();

    public static TheoryData<string> Fixtures => new(Fixture.AllNames.Where(n => Reads(n)));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Assess_and_the_counterfactual_agree_with_the_rules_on_every_fixture(string fixture)
    {
        var snapshot = Fixture.Load(fixture).Snapshot();
        var users = snapshot.Users.Select(u => u.User.UserPrincipalName).Concat(snapshot.MissingUsers).Append(Diagnose.Backup).Append("nobody@contoso.com");
        foreach (var engine in Engines)
        {
            foreach (string user in users.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Check(engine, snapshot, user, fixture);
            }
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(200)]
    public void Assess_and_the_counterfactual_agree_with_the_rules_for_every_user_of_a_generated_tenant(int policies)
    {
        var snapshot = LargeTenantGenerator.Generate(users: 1_000, policies).Snapshot;
        foreach (var engine in new[] { Engines[0], Engines[1] })
        {
            var assessed = engine.AssessAll(snapshot, TestContext.Current.CancellationToken).ToArray();
            var diagnosed = engine.DiagnoseAll(snapshot).ToArray();
            assessed.Should().HaveCount(diagnosed.Length);
            for (int i = 0; i < diagnosed.Length; i++)
            {
                Same(assessed[i], diagnosed[i], $"generated tenant ({policies} policies), {diagnosed[i].RequestedUser}");
                CounterfactualHolds(engine, snapshot, diagnosed[i], $"generated tenant ({policies} policies), {diagnosed[i].RequestedUser}");
            }
        }
    }

    [Fact]
    public void Assess_and_the_counterfactual_agree_with_the_rules_on_thousands_of_random_tenants()
    {
        var verdicts = new HashSet<Verdict>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var narrowed = new HashSet<string>(StringComparer.Ordinal);
        int expired = 0, unused = 0;
        for (int seed = 0; seed < RandomTenantCount; seed++)
        {
            var (snapshot, users) = RandomTenants.Create(seed);
            var engine = Engines[seed % Engines.Length];
            foreach (string user in users)
            {
                var diagnosis = Check(engine, snapshot, user, $"random tenant {seed} (options {seed % Engines.Length})");
                verdicts.Add(diagnosis.Verdict);
                codes.UnionWith(diagnosis.Findings.Select(f => f.Code));
                accepted.UnionWith(diagnosis.Findings.Where(f => f.Acceptance is not null).Select(f => f.Code));
                narrowed.UnionWith(diagnosis.Findings.Where(f => f.Acceptance?.PolicyId is not null).Select(f => f.Code));
                diagnosis.Findings.Should().NotContain(f => f.Acceptance != null && f.RootCause, "an accepted finding is never a root cause");
                expired += diagnosis.ExpiredAcceptances.Count;
                unused += diagnosis.UnusedAcceptances.Count;
            }
        }

        // The acceptances of the host options must be exercised: by code, narrowed to policies, expired and unused.
        accepted.Should().Contain([DiagnosticCodes.SecurityDefaultsEnabled, DiagnosticCodes.PerUserMfaDisabled, DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, DiagnosticCodes.DataNotCaptured, DiagnosticCodes.GuestAccount]);
        narrowed.Should().Contain([DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, DiagnosticCodes.ConditionalAccessPolicyMayApply, DiagnosticCodes.DataNotCaptured]);
        expired.Should().BePositive();
        unused.Should().BePositive();

        // The generator must reach every verdict and nearly the whole catalog, or the property proves little.
        verdicts.Should().BeEquivalentTo(Enum.GetValues<Verdict>());
        var catalog = new DiagnosticEngine().Catalog.Select(d => d.Code).Except([DiagnosticCodes.RuleFailed]);
        catalog.Except(codes).Should().BeEmpty("every code of the catalog must fire in some random tenant");
    }

    [Fact]
    public void A_disagreement_would_be_seen()
    {
        // The comparison itself can fail: a code missing on one side is reported.
        var engine = new DiagnosticEngine();
        var snapshot = Fixture.Load("seed-security-defaults.json").Snapshot();
        var diagnosis = engine.Diagnose(snapshot, UserRef.Parse(Diagnose.Backup));
        var other = engine.Assess(Fixture.Load("healthy-enforced.json").Snapshot(), UserRef.Parse(Diagnose.Backup));

        var act = () => Same(other, diagnosis, "two different tenants");

        act.Should().Throw<Exception>();
    }

    private static Diagnosis Check(DiagnosticEngine engine, TenantSnapshot snapshot, string user, string because)
    {
        var diagnosis = engine.Diagnose(snapshot, UserRef.Parse(user));
        Same(engine.Assess(snapshot, UserRef.Parse(user)), diagnosis, $"{because}, {user}");
        CounterfactualHolds(engine, snapshot, diagnosis, $"{because}, {user}");
        return diagnosis;
    }

    private static void Same(Assessment assessment, Diagnosis diagnosis, string because)
    {
        assessment.Verdict.Should().Be(diagnosis.Verdict, because);
        assessment.Codes.Should().Equal(diagnosis.Findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal), because);
        assessment.RootCauses.Should().Equal(diagnosis.Findings.Where(f => f.RootCause).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal), because);
        assessment.UserId.Should().Be(diagnosis.UserId, because);
        assessment.UserPrincipalName.Should().Be(diagnosis.UserPrincipalName, because);
        assessment.RequestedUser.Should().Be(diagnosis.RequestedUser, because);
    }

    /// <summary>
    /// The counterfactual's changes, sent as the plan's JSON requests through <see cref="SnapshotPatcher"/> (the path the
    /// in-memory tenant takes), then diagnosed again: the same verdict and the same codes in the way.
    /// </summary>
    private static void CounterfactualHolds(DiagnosticEngine engine, TenantSnapshot snapshot, Diagnosis diagnosis, string because)
    {
        var counterfactual = diagnosis.Counterfactual;
        if (counterfactual.Changes.Count == 0)
        {
            return;
        }

        var steps = counterfactual.Changes.Select(id => diagnosis.Plan.Steps.Single(s => s.Id == id)).ToArray();
        var requests = steps.Select(s => s.Kind == PlanStepKind.Graph ? s.Request! : s.SimulatedEffect!);
        var patched = SnapshotPatcher.ApplyAll(snapshot, requests, snapshot.CapturedAt);
        patched.Status.Should().BeLessThan(400, $"{because}: {patched.Error}");

        var after = engine.Diagnose(patched.Snapshot, UserRef.Parse(diagnosis.RequestedUser));
        counterfactual.ResultingVerdict.Should().Be(after.Verdict, because);
        counterfactual.ReachesAvailable.Should().Be(after.Verdict == Verdict.Available, because);
        counterfactual.Remaining.Should().Equal(
            after.Findings.Where(InTheWay).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal),
            because);
    }

    private static bool InTheWay(Finding f) =>
        f.Acceptance is null && (f.Severity == Severity.Blocker
        || (f.Kind == FindingKind.Data && f.Severity >= Severity.Warning && f.Code is not (DiagnosticCodes.TenantAppPasswordSettingUnknown or DiagnosticCodes.ExchangeSettingsNotCaptured)));

    private static bool Reads(string fixture)
    {
        try
        {
            Fixture.Load(fixture).Snapshot();
            return true;
        }
        catch (AuthDiagnostics.SnapshotFormatException)
        {
            return false;
        }
    }
}
