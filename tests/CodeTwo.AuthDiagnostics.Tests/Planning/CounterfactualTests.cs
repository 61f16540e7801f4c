
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Tests.Diagnostics;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Tests.Planning;

/// <summary>The counterfactual, checked against the plan applied to the snapshot the way Graph would apply it.</summary>
public sealed class CounterfactualTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Seed_reaches_available_with_exactly_per_user_MFA_enforced_and_security_defaults_off()
    {
        var counterfactual = Diagnose.Smtp(Fixture.Load("seed-security-defaults.json")).Counterfactual;

        counterfactual.ReachesAvailable.Should().BeTrue();
        counterfactual.ResultingVerdict.Should().Be(Verdict.Available);
        counterfactual.Changes.Should().Equal(PlanStepIds.EnforcePerUserMfa, PlanStepIds.DisableSecurityDefaults);
        counterfactual.Descriptions.Should().HaveCount(2);
        counterfactual.Remaining.Should().BeEmpty();
        counterfactual.Summary.Should().StartWith("Available once: ");
    }

    [Fact]
    public void Without_a_declared_protocol_the_seed_does_not_claim_available_through_a_change_the_plan_does_not_make()
    {
        var diagnosis = Diagnose.User(Fixture.Load("seed-security-defaults.json"));

        diagnosis.Plan.Steps.Select(s => s.Id).Should().Contain(PlanStepIds.DecideSecurityDefaults).And.NotContain(PlanStepIds.DisableSecurityDefaults);
        diagnosis.Counterfactual.ReachesAvailable.Should().BeFalse("the decision step changes nothing by itself");
        diagnosis.Counterfactual.ResultingVerdict.Should().Be(Verdict.Unusable);
        diagnosis.Counterfactual.Changes.Should().Equal(PlanStepIds.EnforcePerUserMfa, PlanStepIds.RevokeSignInSessions);
        diagnosis.Counterfactual.Remaining.Should().Equal(DiagnosticCodes.SecurityDefaultsEnabled);
    }

    [Fact]
    public void Guest_does_not_reach_available()
    {
        var counterfactual = Diagnose.User(Fixture.Load("guest-user.json"), "partner_fabrikam.com#EXT#@contoso.onmicrosoft.com").Counterfactual;

        counterfactual.ReachesAvailable.Should().BeFalse();
        counterfactual.Changes.Should().BeEmpty();
        counterfactual.Remaining.Should().Contain(DiagnosticCodes.GuestAccount);
    }

    [Theory]
    [InlineData("ca-mfa-required.json", "backup@contoso.com", new[] { PlanStepIds.EnforcePerUserMfa, "exclude-from-policy-b459071a-fb8a-4f9e-bf72-c46dca8fbe35" })]
    [InlineData("multi-user-tenant.json", "backup@contoso.com", new[] { PlanStepIds.EnforcePerUserMfa, "exclude-from-policy-99b9bfd0-eaaf-42de-96a7-3b17a317d042" })]
    [InlineData("multi-user-tenant.json", "admin@contoso.com", new[] { "exclude-from-policy-58e5ce59-7ca4-41eb-b73a-c1a80a810cc9" })]
    [InlineData("per-user-enabled.json", "backup@contoso.com", new[] { PlanStepIds.EnforcePerUserMfa })]
    [InlineData("disabled-account.json", "backup@contoso.com", new[] { PlanStepIds.EnableAccount })]
    [InlineData("app-passwords-switch-off.json", "backup@contoso.com", new[] { PlanStepIds.AppPasswordSwitch })]
    public void Counterfactual_names_the_smallest_set_of_changes(string file, string user, string[] changes)
    {
        var counterfactual = Diagnose.Smtp(Fixture.Load(file), user).Counterfactual;

        counterfactual.ReachesAvailable.Should().BeTrue();
        counterfactual.Changes.Should().Equal(changes);
    }

    [Fact]
    public void A_synced_disabled_account_reaches_available_through_the_on_premises_step()
    {
        var fixture = Baseline.Healthy.With(root =>
        {
            root.SetUserProperty("accountEnabled", false);
            root.SetUserProperty("onPremisesSyncEnabled", true);
        });

        var counterfactual = Diagnose.User(fixture).Counterfactual;

        counterfactual.ReachesAvailable.Should().BeTrue();
        counterfactual.Changes.Should().Equal(PlanStepIds.EnableAccountOnPremises);
    }

    /// <summary>
    /// Applies every change of the plan (Graph requests, and the simulated effect of manual steps) with the patcher and
    /// diagnoses again: the verdict is the one the counterfactual predicts.
    /// </summary>
    [Theory]
    [MemberData(nameof(FixtureExpectationTests.Rows), MemberType = typeof(FixtureExpectationTests))]
    public void Applying_the_plan_gives_the_verdict_the_counterfactual_predicts(string file, string user, Verdict verdict, string[] blockers, string[] others)
    {
        _ = (verdict, blockers, others);
        var snapshot = Fixture.Load(file).Snapshot();
        var before = Diagnose.User(snapshot, user);

        var after = Diagnose.User(Apply(snapshot, before.Plan.Steps), user);

        after.Verdict.Should().Be(before.Counterfactual.ResultingVerdict);
        (after.Verdict == Verdict.Available).Should().Be(before.Counterfactual.ReachesAvailable);
        var fixedCodes = before.Plan.Steps.Where(s => Change(s) is not null).SelectMany(s => s.Fixes);
        after.Codes().Intersect(fixedCodes).Should().BeEmpty("each applied step fixes what it says");
    }

    [Fact]
    public void Applying_only_the_counterfactual_changes_reaches_available()
    {
        var snapshot = Fixture.Load("multi-user-tenant.json").Snapshot();
        var before = Diagnose.Smtp(snapshot);

        var after = Diagnose.Smtp(Apply(snapshot, before.Plan.Steps.Where(s => before.Counterfactual.Changes.Contains(s.Id))));

        after.Verdict.Should().Be(Verdict.Available);
        Diagnose.User(snapshot, "admin@contoso.com").Verdict.Should().Be(Verdict.Unusable, "the snapshot itself is immutable");
    }

    [Theory]
    [MemberData(nameof(FixtureExpectationTests.Rows), MemberType = typeof(FixtureExpectationTests))]
    public void Rolling_the_Graph_steps_back_restores_the_diagnosis(string file, string user, Verdict verdict, string[] blockers, string[] others)
    {
        _ = (verdict, blockers, others);
        var snapshot = Fixture.Load(file).Snapshot();
        var before = Diagnose.User(snapshot, user);
        var graphSteps = before.Plan.Steps.Where(s => s.Kind == PlanStepKind.Graph).ToArray();
        var applied = Apply(snapshot, graphSteps);

        var rollbacks = graphSteps.Where(s => s.Rollback is not null).Reverse().Select(s => new PlanStep(s) { Request = s.Rollback });
        var restored = Diagnose.User(Apply(applied, rollbacks), user);

        restored.Verdict.Should().Be(before.Verdict);
        // Revoking sessions moves signInSessionsValidFromDateTime and has no rollback (sessions cannot be restored),
        // so the re-planned revoke step's drift check captures the new instant. Everything else must be identical.
        DiagnosisJson.Serialize(WithoutRevokeCheck(restored)).Should().Be(DiagnosisJson.Serialize(WithoutRevokeCheck(before)));
        if (restored.Plan.FindStep(PlanStepIds.RevokeSignInSessions) is { } revoke)
        {
            revoke.Check!.CapturedJson.Should().Be($"\"{CodeTwo.AuthDiagnostics.SnapshotWriter.FormatInstant(Now)}\"", "the revocation moved the instant to the time it was applied");
        }
    }

    private static DiagnosisResult WithoutRevokeCheck(DiagnosisResult diagnosis) => new DiagnosisResult(diagnosis)
    {
        Plan = new RemediationPlan(diagnosis.Plan)
        {
            Steps = diagnosis.Plan.Steps.Select(s => s.Id == PlanStepIds.RevokeSignInSessions ? new PlanStep(s) { Check = null } : s).ToArray(),
        },
    };

    private static GraphRequest? Change(PlanStep step) => step.Kind == PlanStepKind.Graph ? step.Request : step.SimulatedEffect;

    private static TenantSnapshot Apply(TenantSnapshot snapshot, IEnumerable<PlanStep> steps)
    {
        foreach (var step in steps)
        {
            var request = Change(step);
            if (request is null)
            {
                continue;
            }

            var result = SnapshotPatcher.Apply(snapshot, request, Now);
            result.Status.Should().BeInRange(200, 299, $"{step.Id}: {request.Method} {request.Url} {result.Error}");
            snapshot = result.Snapshot;
        }

        return snapshot;
    }
}
