using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Baseline;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Observed;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>
/// Catalog v1.2 §3: what the sign-in log showed. Each code has its case and its near misses: the newest sign-in decides,
/// undeclared protocols are ignored, <c>Other clients</c> counts for a declared protocol, configuration is now and
/// sign-ins are the past. The baseline is healthy (available) unless a test changes it.
/// </summary>
public sealed class SignInLogRuleTests
{
    private const string SmtpLog = "Authenticated SMTP";
    private const string BlockPolicyId = "bbbbbbbb-2222-4222-8222-000000000071";

    private static readonly CaPolicy BlockLegacy = new()
    {
        Id = BlockPolicyId,
        DisplayName = "Block legacy authentication",
        ClientAppTypes = ["exchangeActiveSync", "other"],
        IncludeUsers = ["00000000-0000-0000-0000-00000000dead"], // offline: not in scope for backup@contoso.com
    };

    private static Diagnosis Smtp(Fixture fixture) => Diagnose.Smtp(fixture);

    private static Fixture WithSignIns(params JsonObject[] signIns) => Healthy.With(root => root.SignIns(signIns));

    [Fact]
    public void The_product_sending_the_account_password_is_APW073_unusable_with_the_configure_step()
    {
        var fixture = WithSignIns(SignIn(2, SmtpLog, 50076, "Due to a configuration change made by your administrator, you must use multi-factor authentication."));

        var diagnosis = Smtp(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.AccountPasswordUsedByLegacyClient, Severity.Blocker, FindingKind.Usability, rootCause: true, "/users/0/sections/signIns/value/0/status/errorCode", Upn, "SMTP AUTH", "2026-11-10 06:20 UTC", "app password", "50076");
        finding.Confidence.Should().Be(Confidence.Observed);
        finding.Evidence.Select(e => e.Path).Should().Contain(["/users/0/sections/signIns/value/0/createdDateTime", "/users/0/sections/signIns/value/0/clientAppUsed"]);
        var step = diagnosis.Plan.FindStep(PlanStepIds.ConfigureProductAppPassword)!;
        step.Should().NotBeNull();
        step.Kind.Should().Be(PlanStepKind.Manual);
        step.Fixes.Should().Equal(DiagnosticCodes.AccountPasswordUsedByLegacyClient);
        diagnosis.Plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph, "only the product's setting changes");
        diagnosis.Counterfactual.Remaining.Should().Contain(DiagnosticCodes.AccountPasswordUsedByLegacyClient, "no simulation can set the product's password");
        DiagnosisJson.Serialize(diagnosis).Should().Contain("\"confidence\": \"observed\"");
        DiagnosisText.Render(diagnosis).Should().Contain("Confidence: observed (the tenant's sign-in log)");
    }

    [Theory]
    [InlineData(50079)]
    [InlineData(50074)]
    public void The_other_MFA_errors_are_APW073_too(int errorCode) =>
        Smtp(WithSignIns(SignIn(1, SmtpLog, errorCode))).Codes().Should().Contain(DiagnosticCodes.AccountPasswordUsedByLegacyClient);

    [Fact]
    public void The_newest_sign_in_decides_a_later_success_clears_an_earlier_failure()
    {
        var diagnosis = Smtp(WithSignIns(SignIn(1, SmtpLog, 0), SignIn(30, SmtpLog, 50076)));

        diagnosis.Verdict.Should().Be(Verdict.Available);
        diagnosis.ShouldNotFire(DiagnosticCodes.AccountPasswordUsedByLegacyClient);
        diagnosis.Single(DiagnosticCodes.LegacySignInsSucceeded).Severity.Should().Be(Severity.Info);
    }

    [Fact]
    public void The_newest_sign_in_decides_whatever_the_order_of_the_section()
    {
        // A hand-made file may not be newest first: the time decides, not the position.
        var diagnosis = Smtp(WithSignIns(SignIn(30, SmtpLog, 0), SignIn(1, SmtpLog, 50126)));

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        diagnosis.Single(DiagnosticCodes.LegacySignInCredentialsRejected).Evidence[0].Path.Should().Be("/users/0/sections/signIns/value/1/status/errorCode");
        diagnosis.ShouldNotFire(DiagnosticCodes.LegacySignInsSucceeded);
    }

    [Fact]
    public void IMAP_sign_ins_are_ignored_when_only_SMTP_is_declared()
    {
        var diagnosis = Smtp(WithSignIns(SignIn(1, "IMAP4", 50076), SignIn(2, "Browser", 50126)));

        diagnosis.Verdict.Should().Be(Verdict.Available);
        diagnosis.Codes().Should().NotContain(c => c.StartsWith("APW07", StringComparison.Ordinal) && c != DiagnosticCodes.PerUserMfaMixedWithConditionalAccess);
    }

    [Fact]
    public void Other_clients_counts_for_a_declared_protocol_and_fires_once_for_several()
    {
        var fixture = WithSignIns(SignIn(1, "Other clients", 50076), SignIn(5, SmtpLog, 0), SignIn(6, "IMAP4", 0));
        var options = new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.SmtpAuth | LegacyProtocols.Imap };

        var diagnosis = Diagnose.User(fixture, options: options);

        diagnosis.Findings.Where(f => f.Code == DiagnosticCodes.AccountPasswordUsedByLegacyClient).Should().ContainSingle("one sign-in, one finding, though it is the newest of two protocols");
        diagnosis.Single(DiagnosticCodes.AccountPasswordUsedByLegacyClient).Explanation.Should().Contain("IMAP and SMTP AUTH").And.Contain("Other clients");
        diagnosis.ShouldNotFire(DiagnosticCodes.LegacySignInsSucceeded);
    }

    [Fact]
    public void Sign_ins_outside_the_7_days_before_the_capture_do_not_count()
    {
        var old = Smtp(WithSignIns(SignIn(24 * 8, SmtpLog, 50076)));
        var future = Smtp(WithSignIns(SignIn(-1, SmtpLog, 50076)));

        old.Verdict.Should().Be(Verdict.Available);
        future.Verdict.Should().Be(Verdict.Available);
        old.Codes().Should().NotContain(DiagnosticCodes.AccountPasswordUsedByLegacyClient);
    }

    [Fact]
    public void With_no_protocol_declared_every_legacy_sign_in_counts_and_the_finding_says_what_to_declare()
    {
        var diagnosis = Diagnose.User(WithSignIns(SignIn(1, "POP3", 50126), SignIn(2, "Other clients", 0)));

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        diagnosis.Single(DiagnosticCodes.LegacySignInCredentialsRejected).Explanation.Should().Contain("POP").And.Contain("declare it");
        diagnosis.Single(DiagnosticCodes.LegacySignInsSucceeded).Explanation.Should().Contain("an unknown legacy protocol");
    }

    [Fact]
    public void A_rejected_password_is_APW074_with_the_configure_step()
    {
        var diagnosis = Smtp(WithSignIns(SignIn(3, SmtpLog, 50126, "Invalid username or password or Invalid on-premise username or password.")));

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        diagnosis.Single(DiagnosticCodes.LegacySignInCredentialsRejected).Explanation.Should().Contain("deleted").And.Contain("Invalid username or password");
        diagnosis.Plan.FindStep(PlanStepIds.ConfigureProductAppPassword)!.Fixes.Should().Equal(DiagnosticCodes.LegacySignInCredentialsRejected);
    }

    [Fact]
    public void Another_error_is_a_warning_that_names_it_and_leaves_the_verdict()
    {
        var diagnosis = Smtp(WithSignIns(SignIn(3, SmtpLog, 50053, "Account is locked")));

        diagnosis.Verdict.Should().Be(Verdict.Available);
        var finding = diagnosis.Single(DiagnosticCodes.LegacySignInsFailed);
        finding.Severity.Should().Be(Severity.Warning);
        finding.Title.Should().Contain("50053");
        finding.Explanation.Should().Contain("Account is locked");
    }

    [Fact]
    public void A_block_by_an_enabled_policy_is_APW071_and_its_policy_gets_the_exclusion_step()
    {
        var fixture = WithPolicies(BlockLegacy).With(root => root.SignIns(SignIn(2, SmtpLog, 53003, "Access has been blocked by Conditional Access policies.", (BlockPolicyId, "Block legacy authentication", "failure"))));

        var diagnosis = Smtp(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        diagnosis.ShouldFire(fixture, DiagnosticCodes.LegacySignInsBlockedByConditionalAccess, Severity.Blocker, FindingKind.Usability, rootCause: true, "/sections/conditionalAccessPolicies/value/0/state", "'Block legacy authentication'", BlockPolicyId);
        diagnosis.ShouldNotFire(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
        var step = diagnosis.Plan.FindStep(PlanStepIds.ExcludeFromPolicyPrefix + BlockPolicyId)!;
        step.Fixes.Should().Contain(DiagnosticCodes.LegacySignInsBlockedByConditionalAccess);
        diagnosis.Counterfactual.ReachesAvailable.Should().BeTrue("excluding the account from the named policy ends the block");
    }

    [Fact]
    public void A_block_by_a_policy_since_turned_off_is_a_warning_with_no_step()
    {
        var fixture = WithPolicies(BlockLegacy with { State = "disabled" }).With(root => root.SignIns(SignIn(2, SmtpLog, 53003, null, (BlockPolicyId, "Block legacy authentication", "failure"))));

        var diagnosis = Smtp(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Available);
        diagnosis.Single(DiagnosticCodes.LegacySignInsBlockedByConditionalAccess).Severity.Should().Be(Severity.Warning);
        diagnosis.Single(DiagnosticCodes.LegacySignInsBlockedByConditionalAccess).Title.Should().Contain("no longer applies");
        diagnosis.Plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph);
    }

    [Fact]
    public void A_block_by_an_enabled_policy_that_now_excludes_the_account_no_longer_blocks()
    {
        // What the plan's exclusion step does: a later diagnosis of the changed tenant agrees with the counterfactual.
        var fixture = WithPolicies(BlockLegacy with { ExcludeUsers = [UserId] }).With(root => root.SignIns(SignIn(2, SmtpLog, 53003, null, (BlockPolicyId, "Block legacy authentication", "failure"))));

        var diagnosis = Smtp(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Available);
        diagnosis.Single(DiagnosticCodes.LegacySignInsBlockedByConditionalAccess).Severity.Should().Be(Severity.Warning);
    }

    [Fact]
    public void A_block_naming_a_policy_the_snapshot_lacks_is_deleted_unless_another_still_blocks_and_one_naming_none_gets_a_review()
    {
        const string Absent = "cccccccc-3333-4333-8333-000000000000";
        var deleted = Smtp(WithPolicies(BlockLegacy).With(root => root.SignIns(SignIn(2, SmtpLog, 53003, null, (Absent, "Deleted policy", "failure")))));
        var absent = Smtp(WithPolicies(BlockLegacy).With(root => root.SignIns(SignIn(2, SmtpLog, 53003, null, (Absent, "New policy", "failure"), (BlockPolicyId, "Block legacy authentication", "failure")))));
        var unnamed = Smtp(WithSignIns(SignIn(2, SmtpLog, 53003)));
        var notCaptured = Smtp(WithSignIns(SignIn(2, SmtpLog, 53003, null, (BlockPolicyId, "Block", "failure"))).With(root => root.TenantNotCaptured("conditionalAccessPolicies")));

        deleted.Verdict.Should().Be(Verdict.Available, "a policy the captured section does not hold has been deleted since (catalog v1.2 §3)");
        deleted.Single(DiagnosticCodes.LegacySignInsBlockedByConditionalAccess).Severity.Should().Be(Severity.Warning);
        deleted.Plan.FindStep(PlanStepIds.ReviewSignInBlockPrefix + Absent).Should().BeNull("a downgraded observation needs no step (§5.5)");
        absent.Verdict.Should().Be(Verdict.Unusable, "another policy it names is still enabled");
        absent.Plan.FindStep(PlanStepIds.ReviewSignInBlockPrefix + Absent).Should().NotBeNull();
        absent.Plan.FindStep(PlanStepIds.ExcludeFromPolicyPrefix + BlockPolicyId).Should().NotBeNull();
        unnamed.Verdict.Should().Be(Verdict.Unusable);
        unnamed.Plan.FindStep(PlanStepIds.ReviewSignInBlock).Should().NotBeNull();
        notCaptured.Single(DiagnosticCodes.LegacySignInsBlockedByConditionalAccess).Severity.Should().Be(Severity.Blocker, "a section that cannot be seen cannot show the policy turned off");
    }

    [Fact]
    public void A_block_by_security_defaults_shares_their_step_and_both_are_root_causes()
    {
        var fixture = WithSignIns(SignIn(2, SmtpLog, 530035)).With(root => root.SecurityDefaults(true));

        var diagnosis = Smtp(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        diagnosis.ShouldFire(fixture, DiagnosticCodes.LegacySignInsBlockedBySecurityDefaults, Severity.Blocker, FindingKind.Usability, rootCause: true, "/sections/securityDefaults/value/isEnabled", Upn, "530035");
        diagnosis.Single(DiagnosticCodes.SecurityDefaultsEnabled).RootCause.Should().BeTrue();
        diagnosis.Plan.FindStep(PlanStepIds.DisableSecurityDefaults)!.Fixes.Should().BeEquivalentTo([DiagnosticCodes.SecurityDefaultsEnabled, DiagnosticCodes.LegacySignInsBlockedBySecurityDefaults]);
        diagnosis.Counterfactual.ReachesAvailable.Should().BeTrue();
    }

    [Fact]
    public void A_block_by_security_defaults_since_turned_off_is_a_warning()
    {
        var diagnosis = Smtp(WithSignIns(SignIn(2, SmtpLog, 530035)));

        diagnosis.Verdict.Should().Be(Verdict.Available);
        diagnosis.Single(DiagnosticCodes.LegacySignInsBlockedBySecurityDefaults).Severity.Should().Be(Severity.Warning);
    }

    [Fact]
    public void A_success_changes_no_verdict_and_says_so_beside_a_configuration_blocker()
    {
        var diagnosis = Smtp(WithSignIns(SignIn(2, SmtpLog, 0)).With(root => root.SecurityDefaults(true)));

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        var success = diagnosis.Single(DiagnosticCodes.LegacySignInsSucceeded);
        success.RootCause.Should().BeFalse();
        success.Explanation.Should().Contain("APW010").And.Contain("changed after that sign-in");
    }

    [Fact]
    public void The_per_user_steps_come_before_the_configure_step()
    {
        var diagnosis = Smtp(WithSignIns(SignIn(2, SmtpLog, 50126)).With(root => root.PerUserMfa("disabled")));

        var ids = diagnosis.Plan.Steps.Select(s => s.Id).ToList();
        ids.IndexOf(PlanStepIds.ConfigureProductAppPassword).Should().BeGreaterThan(ids.IndexOf(PlanStepIds.UserAddsAppPassword));
        diagnosis.Plan.FindStep(PlanStepIds.ConfigureProductAppPassword)!.DependsOn.Should().Equal(PlanStepIds.UserAddsAppPassword);
        diagnosis.Plan.FindStep(PlanStepIds.Verify)!.DependsOn.Should().Equal(PlanStepIds.ConfigureProductAppPassword);
    }

    [Fact]
    public void A_failed_section_is_APW093_information_that_never_moves_the_verdict()
    {
        var fixture = Healthy.With(root =>
        {
            root.ObservedFailed("signIns", 403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "AuditLog.Read.All", "Directory.Read.All");
            root.ObservedFailed("conditionalAccessEvaluation", 403, "Authorization_RequestDenied", "Policy.Read.ConditionalAccess");
        });

        var diagnosis = Smtp(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Available);
        var findings = diagnosis.Findings.Where(f => f.Code == DiagnosticCodes.SignInEvidenceUnavailable).ToArray();
        findings.Should().HaveCount(2);
        findings.Should().OnlyContain(f => f.Severity == Severity.Info && f.Kind == FindingKind.Data && !f.RootCause);
        findings.Select(f => f.Explanation).Should().Contain(e => e.Contains("P1 or P2", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("Policy.Read.ConditionalAccess", StringComparison.Ordinal));
        findings.Should().AllSatisfy(f => FindingAssertions.EvidenceShouldAgree(f, fixture.Root));
    }

    [Fact]
    public void Sections_not_captured_or_empty_change_nothing()
    {
        var baseline = DiagnosisJson.Serialize(Smtp(Healthy));

        DiagnosisJson.Serialize(Smtp(Healthy.With(root => { root.UserNotCaptured("signIns"); root.UserNotCaptured("conditionalAccessEvaluation"); }))).Should().Be(baseline);
        DiagnosisJson.Serialize(Smtp(Healthy.With(root => { root.SignIns(); root.WhatIf(); }))).Should().Be(baseline);
    }

    [Theory]
    [InlineData(50076)]
    [InlineData(53003)]
    [InlineData(530035)]
    [InlineData(50126)]
    [InlineData(0)]
    [InlineData(50053)]
    public void Assess_agrees_with_Diagnose(int errorCode)
    {
        var snapshot = WithPolicies(BlockLegacy).With(root => { root.SignIns(SignIn(2, SmtpLog, errorCode, null, (BlockPolicyId, "Block", "failure"))); root.SecurityDefaults(true); }).Snapshot();
        var engine = new DiagnosticEngine(new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.SmtpAuth });

        var diagnosis = engine.Diagnose(snapshot, UserRef.Parse(Upn));
        var assessment = engine.Assess(snapshot, UserRef.Parse(Upn));

        assessment.Verdict.Should().Be(diagnosis.Verdict);
        assessment.Codes.Should().BeEquivalentTo(diagnosis.Findings.Select(f => f.Code).Distinct());
        assessment.RootCauses.Should().BeEquivalentTo(diagnosis.Findings.Where(f => f.RootCause).Select(f => f.Code).Distinct());
    }
}
