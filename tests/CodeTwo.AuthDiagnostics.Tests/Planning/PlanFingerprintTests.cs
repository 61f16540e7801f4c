using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Tests.Diagnostics;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Planning;

/// <summary>The plan's own fingerprint: what the runner acts on changes it; wording does not.</summary>
public sealed class PlanFingerprintTests
{
    private static RemediationPlan Plan() => Diagnose.Smtp(Fixture.Load("seed-security-defaults.json")).Plan;

    [Fact]
    public void The_same_plan_has_the_same_short_lower_case_fingerprint()
    {
        string first = PlanFingerprint.Of(Plan());

        first.Should().MatchRegex("^[0-9a-f]{24}$").And.Be(PlanFingerprint.Of(Plan()));
    }

    [Fact]
    public void Rewording_a_step_keeps_the_fingerprint()
    {
        var plan = Plan();
        var reworded = new RemediationPlan(plan)
        {
            Steps = plan.Steps.Select(s => new PlanStep(s) { Title = s.Title + " (reworded)", Explanation = "Another text." }).ToArray(),
        };

        PlanFingerprint.Of(reworded).Should().Be(PlanFingerprint.Of(plan));
    }

    [Fact]
    public void Changing_what_a_step_sends_changes_the_fingerprint()
    {
        var plan = Plan();
        var graph = plan.Steps.First(s => s.Request is not null);
        var changed = new RemediationPlan(plan)
        {
            Steps = plan.Steps.Select(s => ReferenceEquals(s, graph) ? new PlanStep(s) { Request = s.Request! with { Body = "{\"perUserMfaState\":\"enabled\"}" } } : s).ToArray(),
        };
        var unapproved = new RemediationPlan(plan)
        {
            Steps = plan.Steps.Select(s => ReferenceEquals(s, graph) ? new PlanStep(s) { RequiresApproval = !s.RequiresApproval } : s).ToArray(),
        };

        PlanFingerprint.Of(changed).Should().NotBe(PlanFingerprint.Of(plan));
        PlanFingerprint.Of(unapproved).Should().NotBe(PlanFingerprint.Of(plan));
        PlanFingerprint.Of(new RemediationPlan(plan) { Steps = plan.Steps.Reverse().ToArray() }).Should().NotBe(PlanFingerprint.Of(plan));
    }
}
