using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Baseline;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Observed;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>
/// Catalog v1.2 §2 and §5: Microsoft's Conditional Access evaluation (What-If) decides a policy's finding where its answer
/// is authoritative, and APW025 says where it contradicts the configuration reading. Each case has its near misses:
/// answers that are not authoritative, results of another client type, several evaluations, undecided offline readings.
/// </summary>
public sealed class WhatIfEvaluationTests
{
    private const string PolicyId = "dddddddd-4444-4444-8444-000000000025";
    private const string GroupId = "eeeeeeee-5555-4555-8555-000000000025";
    private const string ExchangeAdministrator = "29232cdf-9323-42fd-ade2-1d097af3e4de";

    /// <summary>Blocks legacy clients for a group the snapshot does not show the user in: offline "not in scope".</summary>
    private static readonly CaPolicy GroupBlock = new()
    {
        Id = PolicyId,
        DisplayName = "Block legacy authentication for service accounts",
        IncludeUsers = [],
        IncludeGroups = [GroupId],
        ClientAppTypes = ["exchangeActiveSync", "other"],
    };

    /// <summary>Blocks legacy clients for everyone: offline "applies".</summary>
    private static readonly CaPolicy AllBlock = GroupBlock with { IncludeUsers = ["All"], IncludeGroups = [] };

    private static Fixture With(CaPolicy policy, params JsonObject[] evaluations) =>
        WithPolicies(policy).With(root => { root.MemberOf(0); root.WhatIf(evaluations); });

    [Fact]
    public void An_authoritative_applies_makes_the_policy_block_where_the_snapshot_saw_it_out_of_scope()
    {
        var fixture = With(GroupBlock, SignInEvaluation("other", Result(PolicyId, true)));

        var diagnosis = Diagnose.Smtp(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, Severity.Blocker, FindingKind.Usability, rootCause: true, "/users/0/sections/conditionalAccessEvaluation/value/0/value/0/policyApplies", Upn, "What-If");
        finding.Confidence.Should().Be(Confidence.Evaluated);
        finding.Evidence[0].ActualJson.Should().Be("true");
        var disagreement = diagnosis.ShouldFire(fixture, DiagnosticCodes.ConditionalAccessEvaluationDisagrees, Severity.Warning, FindingKind.Advisory, rootCause: false, "/users/0/sections/conditionalAccessEvaluation/value/0/value/0/policyApplies", "'Block legacy authentication for service accounts'", "does not apply to", "answers that it applies");
        disagreement.PolicyId.Should().Be(PolicyId);
        DiagnosisJson.Serialize(diagnosis).Should().Contain("\"confidence\": \"evaluated\"");
        DiagnosisMarkdown.Render(diagnosis).Should().Contain("Confidence: evaluated");
        DiagnosisSarif.Render(diagnosis).Should().Contain("\"confidence\": \"evaluated\"");
        diagnosis.Counterfactual.ReachesAvailable.Should().BeTrue("excluding the account from the policy ends what Microsoft said applies");
    }

    [Fact]
    public void An_authoritative_does_not_apply_removes_the_finding_and_says_so()
    {
        var fixture = With(AllBlock, SignInEvaluation("other", Result(PolicyId, false, "users")));

        var diagnosis = Diagnose.Smtp(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Available);
        diagnosis.ShouldNotFire(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
        diagnosis.ShouldFire(fixture, DiagnosticCodes.ConditionalAccessEvaluationDisagrees, Severity.Warning, FindingKind.Advisory, rootCause: false, "/users/0/sections/conditionalAccessEvaluation/value/0/value/0/analysisReasons", "applies to", "does not apply", "analysisReasons: users");
    }

    [Theory]
    [InlineData("location")]
    [InlineData("notEnoughInformation")]
    [InlineData("invalidCondition")]
    [InlineData("users,signInRisk")]
    [InlineData("")]
    public void A_does_not_apply_for_a_sign_in_dependent_or_unknown_reason_leaves_the_offline_reading(string reasons)
    {
        var diagnosis = Diagnose.Smtp(With(AllBlock, SignInEvaluation("other", Result(PolicyId, false, reasons))));

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        diagnosis.Single(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess).Confidence.Should().Be(Confidence.Documented);
        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessEvaluationDisagrees);
    }

    [Fact]
    public void Applies_for_a_policy_with_sign_in_dependent_conditions_is_not_authoritative()
    {
        var policy = AllBlock with { Conditions = new Dictionary<string, string> { ["locations"] = CaPolicy.OutsideTrustedLocations } };

        var diagnosis = Diagnose.Smtp(With(policy, SignInEvaluation("other", Result(PolicyId, true))));

        diagnosis.Single(DiagnosticCodes.ConditionalAccessPolicyMayApply).Confidence.Should().Be(Confidence.Documented);
        diagnosis.ShouldNotFire(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessEvaluationDisagrees);
    }

    [Fact]
    public void A_may_apply_settled_by_Microsoft_is_no_disagreement()
    {
        var policy = AllBlock with { Conditions = new Dictionary<string, string> { ["locations"] = CaPolicy.OutsideTrustedLocations } };

        var diagnosis = Diagnose.Smtp(With(policy, SignInEvaluation("other", Result(PolicyId, false, "users"))));

        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessPolicyMayApply);
        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessEvaluationDisagrees);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Fact]
    public void Roles_the_capture_could_not_see_are_settled_by_Microsoft_without_APW090_or_APW025()
    {
        var policy = GroupBlock with { IncludeGroups = [], IncludeRoles = [ExchangeAdministrator] };
        var role = new JsonObject { ["@odata.type"] = "#microsoft.graph.directoryRole", ["id"] = "f1260ebc-7d56-4b56-b714-dc919b27dbdf" };
        var fixture = WithPolicies(policy).With(root => { root.MemberOf(0, role); root.WhatIf(SignInEvaluation("other", Result(PolicyId, true))); });

        var without = Diagnose.Smtp(WithPolicies(policy).With(root => root.MemberOf(0, role.DeepClone().AsObject())));
        var diagnosis = Diagnose.Smtp(fixture);

        without.Verdict.Should().Be(Verdict.Indeterminate);
        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        diagnosis.ShouldNotFire(DiagnosticCodes.DataNotCaptured);
        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessEvaluationDisagrees);
        diagnosis.Single(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess).Confidence.Should().Be(Confidence.Evaluated);
    }

    [Fact]
    public void A_result_of_another_client_type_counts_as_missing()
    {
        // SMTP AUTH is declared: only the 'other' evaluation speaks for it.
        var diagnosis = Diagnose.Smtp(With(AllBlock, SignInEvaluation("exchangeActiveSync", Result(PolicyId, false, "clientApps")), SignInEvaluation("browser", Result(PolicyId, false, "clientApps"))));

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessEvaluationDisagrees);
    }

    [Fact]
    public void With_several_matching_evaluations_does_not_apply_needs_all_and_one_applies_decides()
    {
        // No protocol declared: both 'other' and 'exchangeActiveSync' evaluations match.
        var oneSaysNo = Diagnose.User(With(AllBlock, SignInEvaluation("other", Result(PolicyId, false, "users")), SignInEvaluation("exchangeActiveSync")));
        var bothSayNo = Diagnose.User(With(AllBlock, SignInEvaluation("other", Result(PolicyId, false, "users")), SignInEvaluation("exchangeActiveSync", Result(PolicyId, false, "users"))));
        var oneSaysYes = Diagnose.User(With(GroupBlock, SignInEvaluation("other", Result(PolicyId, false, "users")), SignInEvaluation("exchangeActiveSync", Result(PolicyId, true))));

        oneSaysNo.Codes().Should().Contain(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess).And.NotContain(DiagnosticCodes.ConditionalAccessEvaluationDisagrees);
        bothSayNo.Codes().Should().NotContain(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess).And.Contain(DiagnosticCodes.ConditionalAccessEvaluationDisagrees);
        oneSaysYes.Codes().Should().Contain([DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, DiagnosticCodes.ConditionalAccessEvaluationDisagrees]);
    }

    [Fact]
    public void A_report_only_policy_Microsoft_says_applies_is_APW022()
    {
        var diagnosis = Diagnose.Smtp(With(GroupBlock with { State = "enabledForReportingButNotEnforced" }, SignInEvaluation("other", Result(PolicyId, true))));

        diagnosis.Single(DiagnosticCodes.ReportOnlyPolicyWouldBlock).Confidence.Should().Be(Confidence.Evaluated);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Fact]
    public void The_registration_evaluation_decides_APW024_only()
    {
        var registration = AllBlock with { IncludeApplications = [], IncludeUserActions = ["urn:user:registersecurityinfo"], ClientAppTypes = ["all"] };
        var no = Diagnose.Smtp(With(registration, RegistrationEvaluation(Result(PolicyId, false, "users"))));
        var yes = Diagnose.Smtp(With(registration with { IncludeUsers = [], IncludeGroups = [GroupId] }, RegistrationEvaluation(Result(PolicyId, true))));
        var legacyOnly = Diagnose.Smtp(With(registration, SignInEvaluation("other", Result(PolicyId, false, "users"))));

        no.ShouldNotFire(DiagnosticCodes.SecurityInfoRegistrationBlocked);
        no.Codes().Should().Contain(DiagnosticCodes.ConditionalAccessEvaluationDisagrees);
        yes.Single(DiagnosticCodes.SecurityInfoRegistrationBlocked).Confidence.Should().Be(Confidence.Evaluated);
        legacyOnly.Single(DiagnosticCodes.SecurityInfoRegistrationBlocked).Confidence.Should().NotBe(Confidence.Evaluated, "an app-password evaluation says nothing about registering security info");
    }

    [Fact]
    public void A_disabled_policy_is_never_decided_by_a_result()
    {
        var diagnosis = Diagnose.Smtp(With(AllBlock with { State = "disabled" }, SignInEvaluation("other", Result(PolicyId, true))));

        diagnosis.Verdict.Should().Be(Verdict.Available);
        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessEvaluationDisagrees);
    }

    [Fact]
    public void Assess_agrees_with_Diagnose_and_the_plan_exclusion_undoes_Microsofts_applies()
    {
        var snapshot = With(GroupBlock, SignInEvaluation("other", Result(PolicyId, true))).Snapshot();
        var engine = new DiagnosticEngine(new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.SmtpAuth });

        var diagnosis = engine.Diagnose(snapshot, UserRef.Parse(Upn));
        var assessment = engine.Assess(snapshot, UserRef.Parse(Upn));

        assessment.Verdict.Should().Be(diagnosis.Verdict);
        assessment.Codes.Should().BeEquivalentTo(diagnosis.Findings.Select(f => f.Code).Distinct());
        diagnosis.Counterfactual.Remaining.Should().BeEmpty();
    }
}
