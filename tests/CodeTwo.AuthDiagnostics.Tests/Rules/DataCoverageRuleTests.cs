using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Baseline;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>APW090 (data a check needs is missing or cannot be interpreted) and APW099 (a rule failed).</summary>
public sealed class DataCoverageRuleTests
{
    private const string P1 = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";
    private const string P2 = "eec0eb4f-6444-4f95-aba0-50c24d67f998";
    private const string ExchangePlan = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";

    [Fact]
    public void APW090_for_a_failed_section_carries_the_HTTP_status_and_the_permissions_and_the_plan_names_them()
    {
        var fixture = Fixture.Load("ca-section-failed-403.json");

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.DataNotCaptured, Severity.Warning, FindingKind.Data, rootCause: true, "/sections/conditionalAccessPolicies/error", Upn, "conditionalAccessPolicies", "403");
        var actual = JsonNode.Parse(finding.Evidence.Single().ActualJson!)!;
        actual["httpStatus"]!.GetValue<int>().Should().Be(403);
        actual["requiredPermissions"]!.AsArray().Select(p => p!.GetValue<string>()).Should().Equal("Policy.Read.All");

        var step = diagnosis.Plan.Steps[0];
        step.Id.Should().Be(PlanStepIds.GrantPermissionsAndRecapture);
        step.Kind.Should().Be(PlanStepKind.Manual);
        step.RequiredPermissions.Should().Equal("Policy.Read.All");
        step.Instructions.Should().Contain("Policy.Read.All");
        diagnosis.Plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph);
    }

    [Fact]
    public void APW090_names_the_permissions_the_failed_request_reported()
    {
        var fixture = Healthy.With(root => root.TenantFailed("conditionalAccessPolicies", 403, "Policy.Read.ConditionalAccess", "Policy.Read.All"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.DataNotCaptured, Severity.Warning, FindingKind.Data, rootCause: true, "/sections/conditionalAccessPolicies/error", Upn);
        diagnosis.Plan.Steps[0].RequiredPermissions.Should().Equal("Policy.Read.All", "Policy.Read.ConditionalAccess");
    }

    [Fact]
    public void APW090_stays_silent_when_CA_is_not_captured_and_the_licences_show_no_P1()
    {
        var diagnosis = Diagnose.User(Fixture.Load("no-p1-ca-not-captured.json"));

        diagnosis.ShouldNotFire(DiagnosticCodes.DataNotCaptured);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Fact]
    public void APW090_fires_for_CA_when_the_licences_are_not_captured_either()
    {
        var fixture = Fixture.Load("no-p1-ca-not-captured.json").With(root => root.TenantNotCaptured("subscribedSkus"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.DataNotCaptured, Severity.Warning, FindingKind.Data, rootCause: true, "/sections/conditionalAccessPolicies", Upn, "conditionalAccessPolicies");
        finding.Explanation.Should().Contain("P1/P2 cannot be ruled out");
        diagnosis.Plan.Steps[0].RequiredPermissions.Should().Equal("Policy.Read.All");
    }

    [Fact]
    public void APW090_stays_silent_when_only_the_licences_are_missing()
    {
        var diagnosis = Diagnose.User(Healthy.With(root => root.TenantNotCaptured("subscribedSkus")));

        diagnosis.ShouldNotFire(DiagnosticCodes.DataNotCaptured);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    public static TheoryData<string, string, bool> Licences => new()
    {
        { "P1 provisioned", "Enabled", true },
        { "P2 provisioned", "Enabled", true },
        { "P1 on a suspended SKU (in doubt, CA can be in force)", "Suspended", true },
        { "P1 plan disabled", "Enabled", false },
        { "P1 on a deleted SKU", "Deleted", false },
        { "P1 on a locked-out SKU", "LockedOut", false },
        { "Exchange only", "Enabled", false },
    };

    [Theory]
    [MemberData(nameof(Licences))]
    public void APW090_for_uncaptured_CA_depends_on_an_active_P1_or_P2(string licence, string capabilityStatus, bool needed)
    {
        var plan = licence switch
        {
            "P2 provisioned" => (P2, "Success"),
            "P1 plan disabled" => (P1, "Disabled"),
            "Exchange only" => (ExchangePlan, "Success"),
            _ => (P1, "Success"),
        };
        var fixture = Healthy.With(root =>
        {
            root.TenantNotCaptured("conditionalAccessPolicies");
            root.Skus(capabilityStatus, plan);
        });

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Codes().Contains(DiagnosticCodes.DataNotCaptured).Should().Be(needed, licence);
        diagnosis.Verdict.Should().Be(needed ? Verdict.Indeterminate : Verdict.Available);
    }

    [Fact]
    public void APW090_fires_for_missing_memberships_when_an_enabled_policy_scopes_by_groups()
    {
        var fixture = WithPolicies(new CaPolicy { IncludeUsers = [], IncludeGroups = ["1f0c2e55-2f5a-4d7c-9a55-3d4f8c1b7a01"] })
            .With(root => root.UserNotCaptured("transitiveMemberOf"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.DataNotCaptured, Severity.Warning, FindingKind.Data, rootCause: true, "/users/0/sections/transitiveMemberOf", Upn, "transitiveMemberOf");
        diagnosis.Plan.Steps[0].RequiredPermissions.Should().Equal("GroupMember.Read.All", "RoleManagement.Read.Directory");
    }

    [Fact]
    public void APW090_fires_for_missing_memberships_when_an_enabled_policy_scopes_by_roles()
    {
        var fixture = WithPolicies(new CaPolicy { IncludeUsers = [], IncludeRoles = ["62e90394-69f5-4237-9190-012177145e10"], ClientAppTypes = ["browser"] })
            .With(root => root.UserNotCaptured("transitiveMemberOf"));

        Diagnose.User(fixture).Single(DiagnosticCodes.DataNotCaptured).Evidence[0].Path.Should().Be("/users/0/sections/transitiveMemberOf");
    }

    [Theory]
    [InlineData("enabled", false)]
    [InlineData("enabledForReportingButNotEnforced", true)]
    [InlineData("disabled", true)]
    public void Missing_memberships_do_not_matter_without_an_enabled_group_or_role_scoped_policy(string state, bool groupScoped)
    {
        var policy = groupScoped
            ? new CaPolicy { State = state, IncludeUsers = [], IncludeGroups = ["1f0c2e55-2f5a-4d7c-9a55-3d4f8c1b7a01"] }
            : new CaPolicy { State = state, ClientAppTypes = ["browser"] };
        var fixture = WithPolicies(policy).With(root => root.UserNotCaptured("transitiveMemberOf"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldNotFire(DiagnosticCodes.DataNotCaptured);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Theory]
    [InlineData("securityDefaults")]
    [InlineData("conditionalAccessPolicies")]
    public void APW090_fires_for_a_tenant_section_a_blocker_check_needs(string section)
    {
        var fixture = Healthy.With(root => root.TenantNotCaptured(section));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.DataNotCaptured, Severity.Warning, FindingKind.Data, rootCause: true, "/sections/" + section, Upn, section);
        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
    }

    [Fact]
    public void APW090_fires_for_failed_authentication_requirements()
    {
        var fixture = Healthy.With(root => root.User(0)["sections"]!["authenticationRequirements"] = Edit.Failed(403, "Policy.Read.All"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.DataNotCaptured, Severity.Warning, FindingKind.Data, rootCause: true, "/users/0/sections/authenticationRequirements/error", Upn, "authenticationRequirements");
        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
    }

    [Theory]
    [InlineData("authenticationMethods")]
    [InlineData("domains")]
    [InlineData("authenticationMethodsPolicy")]
    public void APW090_stays_silent_for_sections_no_blocker_check_needs(string section)
    {
        var fixture = section == "authenticationMethods"
            ? Healthy.With(root => root.UserNotCaptured(section))
            : Healthy.With(root => root.TenantNotCaptured(section));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldNotFire(DiagnosticCodes.DataNotCaptured);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Fact]
    public void APW090_fires_for_an_unknown_per_user_MFA_state_and_the_plan_grants_no_permission()
    {
        var fixture = Healthy.With(root => root.PerUserMfa("unknownFutureValue"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
        diagnosis.ShouldFire(fixture, DiagnosticCodes.DataNotCaptured, Severity.Warning, FindingKind.Data, rootCause: true, "/users/0/sections/authenticationRequirements/value/perUserMfaState", Upn, "unknownFutureValue");
        diagnosis.ShouldNotFire(DiagnosticCodes.PerUserMfaDisabled);
        var step = diagnosis.Plan.Steps.Single();
        step.RequiredPermissions.Should().BeEmpty("no permission is missing: the value was read and cannot be interpreted");
        step.Instructions.Should().Contain("by hand").And.NotContain("Grant");
    }

    [Fact]
    public void APW090_fires_when_accountEnabled_was_not_selected()
    {
        var fixture = Healthy.With(root => root.User(0)["user"]!.AsObject().Remove("accountEnabled"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.DataNotCaptured, Severity.Warning, FindingKind.Data, rootCause: true, "/users/0/user/accountEnabled", Upn);
        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
    }

    [Fact]
    public void An_availability_blocker_still_wins_over_missing_data()
    {
        var fixture = Healthy.With(root =>
        {
            root.TenantNotCaptured("securityDefaults");
            root.SetUserProperty("accountEnabled", false);
        });

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unavailable);
        diagnosis.Single(DiagnosticCodes.DataNotCaptured).RootCause.Should().BeFalse();
        diagnosis.Single(DiagnosticCodes.AccountDisabled).RootCause.Should().BeTrue();
    }

    [Fact]
    public void APW099_reports_a_host_rule_that_throws_and_the_verdict_is_not_available()
    {
        var options = new AuthDiagnosticsOptions();
        options.Rules.Add(new ThrowingRule(RuleStage.Facts));

        var diagnosis = Diagnose.User(Healthy, options: options);

        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
        var finding = diagnosis.ShouldFire(Healthy, DiagnosticCodes.RuleFailed, Severity.Warning, FindingKind.Data, rootCause: true, FindingAssertions.HostEvidence, ThrowingRule.RuleId, "HOST900", "InvalidOperationException", "boom");
        finding.Explanation.Should().Contain(Upn);
        diagnosis.Counterfactual.ReachesAvailable.Should().BeFalse();
        diagnosis.Plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph);
        diagnosis.Plan.Steps[0].Fixes.Should().Contain(DiagnosticCodes.RuleFailed);
        diagnosis.Plan.Steps[0].RequiredPermissions.Should().BeEmpty();
        diagnosis.Plan.Steps[0].Instructions.Should().Contain(ThrowingRule.RuleId);
    }

    [Fact]
    public void APW099_keeps_an_unavailable_verdict_unavailable()
    {
        var options = new AuthDiagnosticsOptions();
        options.Rules.Add(new ThrowingRule(RuleStage.Facts));

        var diagnosis = Diagnose.User(Healthy.With(root => root.PerUserMfa("disabled")), options: options);

        diagnosis.Verdict.Should().Be(Verdict.Unavailable);
        diagnosis.Codes().Should().Contain(DiagnosticCodes.RuleFailed);
    }

    [Fact]
    public void APW099_from_an_outcome_rule_is_reported_without_claiming_the_verdict_depends_on_it()
    {
        var options = new AuthDiagnosticsOptions();
        options.Rules.Add(new ThrowingRule(RuleStage.Outcome));

        var diagnosis = Diagnose.User(Healthy, options: options);

        var finding = diagnosis.Single(DiagnosticCodes.RuleFailed);
        finding.Kind.Should().Be(FindingKind.Data);
        finding.Explanation.Should().Contain(ThrowingRule.RuleId).And.NotContain("cannot be 'available'");
        finding.Severity.Should().Be(Severity.Info, "outcome rules only add advice; they never decide the verdict");
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Fact]
    public void The_pass_goes_on_after_a_rule_that_throws_in_Assess_and_in_Diagnose_alike()
    {
        // The failing rule is not the last one: the rule after it still decides, once, in both answers.
        var options = new AuthDiagnosticsOptions();
        options.Rules.Add(new ThrowingRule(RuleStage.Facts));
        options.Rules.Add(new ReportingRule());
        var fixture = Healthy.With(root => root.PerUserMfa("disabled"));
        var engine = new DiagnosticEngine(options);
        var snapshot = fixture.Snapshot();

        var diagnosis = engine.Diagnose(snapshot, UserRef.Parse(Upn));
        var assessment = engine.Assess(snapshot, UserRef.Parse(Upn));

        diagnosis.Findings.Select(f => f.Code).Should().Contain([DiagnosticCodes.RuleFailed, ReportingRule.Code, DiagnosticCodes.PerUserMfaDisabled]);
        assessment.Codes.Should().BeEquivalentTo(diagnosis.Findings.Select(f => f.Code).Distinct());
        assessment.Verdict.Should().Be(diagnosis.Verdict).And.Be(Verdict.Unavailable);
        assessment.RootCauses.Should().BeEquivalentTo(diagnosis.Findings.Where(f => f.RootCause).Select(f => f.Code).Distinct());
    }

    private sealed class ReportingRule : IDiagnosticRule
    {
        public const string Code = "HOST901";

        public string Id => "host.reports";

        public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [new(Code, "AlwaysReports", Severity.Info, FindingKind.Advisory, Confidence.Observed, "Always reports.")];

        public RuleStage Stage => RuleStage.Facts;

        public bool NeedsUser => true;

        public void Evaluate(ref RuleContext context) => context.Report(Code, 0, static _ => new FindingText("Reported", "Always.", []));
    }

    private sealed class ThrowingRule(RuleStage stage) : IDiagnosticRule
    {
        public const string RuleId = "host.always-throws";

        public string Id => RuleId;

        public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [new("HOST900", "AlwaysThrows", Severity.Info, FindingKind.Advisory, Confidence.Observed, "Always throws.")];

        public RuleStage Stage => stage;

        public bool NeedsUser => true;

        public void Evaluate(ref RuleContext context) => throw new InvalidOperationException("boom");
    }
}
