using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Baseline;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>
/// Catalog v1.1: the calendar, plans that never weaken the tenant for nothing, role scope the capture could not see,
/// authentication flows and who may make each change. Each case has its near miss.
/// </summary>
public sealed class CatalogV11Tests
{
    private const string ExchangeAdministrator = "29232cdf-9323-42fd-ade2-1d097af3e4de";
    private const string RoleObjectId = "f1260ebc-7d56-4b56-b714-dc919b27dbdf";

    private static readonly CaPolicy RequireMfaForAdmins = new()
    {
        DisplayName = "Require MFA for administrators",
        IncludeUsers = [],
        IncludeRoles = [ExchangeAdministrator],
        BuiltInControls = ["mfa"],
    };

    private static Fixture CapturedOn(Fixture fixture, string capturedAt) => fixture.With(root => root["capturedAt"] = capturedAt);

    private static JsonObject RoleWithoutTemplate() => new()
    {
        ["@odata.type"] = "#microsoft.graph.directoryRole",
        ["id"] = RoleObjectId,
    };

    // ---- §3: roles the capture could not see -------------------------------------------------------------------

    [Fact]
    public void A_role_without_roleTemplateId_under_a_role_scoped_MFA_policy_is_indeterminate_never_available()
    {
        var fixture = WithPolicies(RequireMfaForAdmins).With(root => root.MemberOf(0, RoleWithoutTemplate()));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.DataNotCaptured, Severity.Warning, FindingKind.Data, rootCause: true, "/users/0/sections/transitiveMemberOf/value/0/roleTemplateId", Upn, "'Require MFA for administrators'", "RoleManagement.Read.Directory");
        finding.Evidence[0].Expected.Should().Be("captured (RoleManagement.Read.Directory)");
        finding.Evidence.Select(e => e.Path).Should().Contain("/sections/conditionalAccessPolicies/value/0/conditions/users/includeRoles");
        var step = diagnosis.Plan.FindStep(PlanStepIds.GrantPermissionsAndRecapture)!;
        step.RequiredPermissions.Should().Contain("RoleManagement.Read.Directory");
        diagnosis.Plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph);
    }

    [Fact]
    public void The_same_role_with_its_roleTemplateId_is_a_blocker_and_another_role_is_out_of_scope()
    {
        var known = Diagnose.User(WithPolicies(RequireMfaForAdmins).With(root => root.MemberOf(0, Edit.Role(RoleObjectId, ExchangeAdministrator, "Exchange Administrator"))));
        var other = Diagnose.User(WithPolicies(RequireMfaForAdmins).With(root => root.MemberOf(0, Edit.Role(RoleObjectId, "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator"))));

        known.Verdict.Should().Be(Verdict.Unusable);
        known.Codes().Should().Contain(DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients).And.NotContain(DiagnosticCodes.DataNotCaptured);
        other.Verdict.Should().Be(Verdict.Available);
        other.ShouldNotFire(DiagnosticCodes.DataNotCaptured);
    }

    [Fact]
    public void A_role_without_roleTemplateId_is_still_unknown_under_a_policy_that_excludes_roles()
    {
        var fixture = WithPolicies(new CaPolicy { ExcludeRoles = [ExchangeAdministrator] }).With(root => root.MemberOf(0, RoleWithoutTemplate()));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Indeterminate, "the exclusion may or may not match the unknown role");
        diagnosis.ShouldNotFire(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
    }

    public static TheoryData<string, CaPolicy, Action<JsonObject>?> UnknownRoleNearMisses => new()
    {
        { "report-only", RequireMfaForAdmins with { State = "enabledForReportingButNotEnforced" }, null },
        { "browser and modern clients only", RequireMfaForAdmins with { ClientAppTypes = ["browser", "mobileAppsAndDesktopClients"] }, null },
        { "another resource", RequireMfaForAdmins with { IncludeApplications = ["797f4846-ba00-4fd7-ba43-dac1f8f63013"] }, null },
        { "device code flow only", RequireMfaForAdmins with { Conditions = new Dictionary<string, string> { ["authenticationFlows"] = """{"transferMethods":"deviceCodeFlow"}""" } }, null },
        { "sign-in dependent", RequireMfaForAdmins with { Conditions = new Dictionary<string, string> { ["locations"] = CaPolicy.OutsideTrustedLocations } }, null },
        { "not role-scoped", new CaPolicy { IncludeUsers = ["00000000-0000-0000-0000-000000000001"] }, null },
        { "no Entra ID P1/P2", RequireMfaForAdmins, root => root.Skus("Enabled", ("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "Success")) },
    };

    [Theory]
    [MemberData(nameof(UnknownRoleNearMisses))]
    public void A_role_without_roleTemplateId_matters_only_where_it_could_decide_a_blocker(string because, CaPolicy policy, Action<JsonObject>? edit)
    {
        var fixture = WithPolicies(policy).With(root =>
        {
            root.MemberOf(0, RoleWithoutTemplate());
            edit?.Invoke(root);
        });

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldNotFire(DiagnosticCodes.DataNotCaptured);
        diagnosis.Verdict.Should().Be(Verdict.Available, because);
    }

    [Fact]
    public void A_role_without_roleTemplateId_still_counts_as_a_role_for_APW061_and_the_sensitive_steps()
    {
        var fixture = Healthy.With(root =>
        {
            root.PerUserMfa("disabled");
            root.MemberOf(0, RoleWithoutTemplate());
        });

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Codes().Should().Contain(DiagnosticCodes.PrivilegedAdminAccount);
        diagnosis.Plan.FindStep(PlanStepIds.RevokeSignInSessions)!.RequiredRole.Should().Be("Privileged Authentication Administrator");
    }

    // ---- §4: who may make each change -------------------------------------------------------------------------

    [Fact]
    public void Revoke_and_enable_need_User_Administrator_for_a_user_without_roles_and_PAA_for_one_with_a_role()
    {
        var plain = Healthy.With(root =>
        {
            root.PerUserMfa("disabled");
            root.SetUserProperty("accountEnabled", false);
            root.MemberOf(0);
        });
        var admin = plain.With(root => root.MemberOf(0, Edit.Role(RoleObjectId, ExchangeAdministrator)));
        var unknownMembership = plain.With(root => root.UserNotCaptured("transitiveMemberOf"));

        foreach (var (fixture, role) in new[] { (plain, "User Administrator"), (admin, "Privileged Authentication Administrator"), (unknownMembership, "Privileged Authentication Administrator") })
        {
            var plan = Diagnose.User(fixture).Plan;
            plan.FindStep(PlanStepIds.RevokeSignInSessions)!.RequiredRole.Should().Be(role);
            plan.FindStep(PlanStepIds.EnableAccount)!.RequiredRole.Should().Be(role);
            plan.FindStep(PlanStepIds.EnforcePerUserMfa)!.RequiredRole.Should().Be("Authentication Policy Administrator");
        }
    }

    // ---- §3: authentication flows ------------------------------------------------------------------------------

    [Theory]
    [InlineData("deviceCodeFlow")]
    [InlineData("authenticationTransfer")]
    [InlineData("deviceCodeFlow,authenticationTransfer")]
    public void A_policy_limited_to_authentication_flows_never_applies_to_app_password_sign_ins(string methods)
    {
        var policy = new CaPolicy { DisplayName = "Block device code flow", Conditions = new Dictionary<string, string> { ["authenticationFlows"] = $$"""{"transferMethods":"{{methods}}"}""" } };

        var diagnosis = Diagnose.User(WithPolicies(policy));

        foreach (string code in new[] { DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients, DiagnosticCodes.ReportOnlyPolicyWouldBlock, DiagnosticCodes.ConditionalAccessPolicyMayApply })
        {
            diagnosis.ShouldNotFire(code);
        }

        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Theory]
    [InlineData("""{"transferMethods":"none"}""")]
    [InlineData("""{"transferMethods":""}""")]
    [InlineData("""{}""")]
    [InlineData("null")]
    public void An_empty_authenticationFlows_condition_does_not_limit_the_policy(string flows)
    {
        var policy = new CaPolicy { Conditions = new Dictionary<string, string> { ["authenticationFlows"] = flows } };

        var diagnosis = Diagnose.User(WithPolicies(policy));

        diagnosis.Codes().Should().Contain(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess).And.NotContain(DiagnosticCodes.ConditionalAccessPolicyMayApply);
    }

    // ---- §2: plans never weaken the tenant for nothing ---------------------------------------------------------

    [Fact]
    public void With_every_declared_protocol_retired_no_step_weakens_the_tenant()
    {
        var fixture = Fixture.Load("seed-security-defaults.json");

        var diagnosis = Diagnose.User(fixture, options => options.LegacyProtocols = LegacyProtocols.Imap | LegacyProtocols.Ews);

        diagnosis.Plan.Steps.Select(s => s.Id).Should().NotContain(id => id.Contains("security-defaults", StringComparison.Ordinal) || id.Contains("exclu", StringComparison.Ordinal));
        diagnosis.Plan.FindStep(PlanStepIds.EnforcePerUserMfa).Should().NotBeNull("the per-user steps make the option appear, which is the question asked");
        diagnosis.Single(DiagnosticCodes.LegacyProtocolRetired).Severity.Should().Be(Severity.Blocker);
        diagnosis.Counterfactual.ReachesAvailable.Should().BeFalse();
        diagnosis.Counterfactual.Remaining.Should().Contain(DiagnosticCodes.LegacyProtocolRetired);
        diagnosis.Plan.Alternatives[0].Title.Should().Contain("Microsoft Graph");
    }

    [Fact]
    public void Every_retired_protocol_is_a_root_cause_when_nothing_else_blocks()
    {
        var diagnosis = Diagnose.User(Healthy, options => options.LegacyProtocols = LegacyProtocols.Pop);

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        diagnosis.Single(DiagnosticCodes.LegacyProtocolRetired).RootCause.Should().BeTrue();
    }

    [Fact]
    public void With_SMTP_declared_beside_a_retired_protocol_the_tenant_steps_are_Graph_requests()
    {
        var diagnosis = Diagnose.User(Fixture.Load("seed-security-defaults.json"), options => options.LegacyProtocols = LegacyProtocols.Imap | LegacyProtocols.SmtpAuth);

        var step = diagnosis.Plan.FindStep(PlanStepIds.DisableSecurityDefaults)!;
        step.Kind.Should().Be(PlanStepKind.Graph);
        step.Explanation.Should().Contain("SMTP AUTH");
        diagnosis.Single(DiagnosticCodes.LegacyProtocolRetired).Severity.Should().Be(Severity.Warning);
        diagnosis.Plan.FindStep(PlanStepIds.DecideSecurityDefaults).Should().BeNull();
    }

    [Fact]
    public void Decision_steps_are_manual_high_risk_approved_and_apply_pauses_at_them()
    {
        var plan = Diagnose.User(Fixture.Load("ca-legacy-auth-block.json")).Plan;

        var decision = plan.Steps.Single(s => s.Id.StartsWith(PlanStepIds.DecideCaExclusionPrefix, StringComparison.Ordinal));
        decision.Kind.Should().Be(PlanStepKind.Manual);
        decision.Risk.Should().Be(Risk.High);
        decision.RequiresApproval.Should().BeTrue();
        decision.Request.Should().BeNull();
        decision.Fixes.Should().Equal(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
        decision.RequiredRole.Should().Be("Conditional Access Administrator");
        decision.Explanation.Should().Contain("SMTP AUTH only").And.Contain("weakens the tenant for nothing");
        decision.Instructions.Should().Contain("--legacy-protocol SMTP");
        plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph && s.Request!.Url.Contains("conditionalAccess", StringComparison.Ordinal));
    }

    // ---- §1 and §6.7: the calendar -----------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-12-31T23:59:59Z", false)]
    [InlineData("2027-01-01T00:30:00+01:00", false)] // 2026-12-31 in UTC
    [InlineData("2027-01-01T00:00:00Z", true)]
    [InlineData("2027-03-15T08:00:00Z", true)]
    public void SMTP_without_Exchange_settings_gives_APW092_and_from_2027_APW062_with_one_check_step(string capturedAt, bool offByDefault)
    {
        var fixture = CapturedOn(Healthy, capturedAt);

        var diagnosis = Diagnose.User(fixture, options => options.LegacyProtocols = LegacyProtocols.SmtpAuth);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.ExchangeSettingsNotCaptured, Severity.Warning, FindingKind.Data, rootCause: false, "/sections/exchangeOnline", Upn);
        diagnosis.Verdict.Should().Be(Verdict.Available, "APW092 never downgrades the verdict");
        diagnosis.Codes().Contains(DiagnosticCodes.SmtpAuthBasicOffByDefault).Should().Be(offByDefault);
        if (offByDefault)
        {
            diagnosis.Single(DiagnosticCodes.SmtpAuthBasicOffByDefault).Severity.Should().Be(Severity.Warning);
        }

        var check = diagnosis.Plan.Steps.Should().ContainSingle(s => s.Id == PlanStepIds.CheckSmtpAuth).Which;
        check.Kind.Should().Be(PlanStepKind.Manual);
        check.Fixes.Should().Equal(offByDefault ? [DiagnosticCodes.SmtpAuthBasicOffByDefault, DiagnosticCodes.ExchangeSettingsNotCaptured] : [DiagnosticCodes.ExchangeSettingsNotCaptured]);
        check.Instructions.Should().Contain("Get-CASMailbox -Identity 'backup@contoso.com'");
    }

    [Fact]
    public void Without_SMTP_declared_no_Exchange_code_fires()
    {
        var diagnosis = Diagnose.User(CapturedOn(Healthy, "2027-02-01T00:00:00Z"), options => options.LegacyProtocols = LegacyProtocols.ExchangeActiveSync);

        diagnosis.Codes().Should().NotContain([DiagnosticCodes.ExchangeSettingsNotCaptured, DiagnosticCodes.SmtpAuthBasicOffByDefault, DiagnosticCodes.SmtpAuthDisabledForMailbox]);
    }

    [Theory]
    [InlineData("2026-04-30T23:59:59Z", false)]
    [InlineData("2026-05-01T00:00:00Z", true)]
    public void SharePoint_IDCRL_is_retired_from_2026_05_01(string capturedAt, bool retired)
    {
        var fixture = CapturedOn(Fixture.Load("seed-security-defaults.json"), capturedAt);

        var diagnosis = Diagnose.User(fixture, options => options.LegacyProtocols = LegacyProtocols.SharePointIdcrl);

        diagnosis.Codes().Contains(DiagnosticCodes.LegacyProtocolRetired).Should().Be(retired);
        (diagnosis.Plan.FindStep(PlanStepIds.DisableSecurityDefaults) is not null).Should().Be(!retired, "a protocol that still accepts app passwords justifies the Graph step");
    }

    [Fact]
    public void The_no_protocol_advisory_reads_the_table_on_the_capture_date_and_says_every_cloud()
    {
        var before = Diagnose.User(CapturedOn(Healthy, "2026-04-01T00:00:00Z")).Single(DiagnosticCodes.LegacyProtocolRetired);
        var after = Diagnose.User(CapturedOn(Healthy, "2027-01-02T00:00:00Z")).Single(DiagnosticCodes.LegacyProtocolRetired);

        before.Explanation.Should().Contain("SharePoint IDCRL: app passwords stop working on 2026-05-01").And.Contain("off by default from 2027-01-01");
        after.Explanation.Should().Contain("SharePoint IDCRL: app passwords stopped working on 2026-05-01").And.Contain("off by default since 2027-01-01");
        after.Evidence.Should().Contain(e => e.Path == "/capturedAt" && e.Expected.Contains("every cloud", StringComparison.Ordinal));
        after.Explanation.Should().Contain("Microsoft Graph with OAuth").And.NotContain("EWS application");
    }

    [Fact]
    public void The_same_input_gives_the_same_diagnosis_whatever_the_wall_clock()
    {
        var fixture = CapturedOn(Healthy, "2027-01-01T00:00:00Z");
        var first = CodeTwo.AuthDiagnostics.Rendering.DiagnosisJson.Serialize(Diagnose.User(fixture, options => options.LegacyProtocols = LegacyProtocols.SmtpAuth));
        var second = CodeTwo.AuthDiagnostics.Rendering.DiagnosisJson.Serialize(Diagnose.User(fixture, options => options.LegacyProtocols = LegacyProtocols.SmtpAuth));

        second.Should().Be(first);
    }

    [Fact]
    public void A_protocol_value_outside_the_named_flags_is_refused_when_the_engine_is_built()
    {
        var build = () => new DiagnosticEngine(new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.SmtpAuth | (LegacyProtocols)256 });

        build.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*not a known protocol (256)*");
    }

    // ---- the retirement table as data --------------------------------------------------------------------------

    [Fact]
    public void The_retirement_table_has_one_row_per_protocol_with_a_source()
    {
        var rows = CodeTwo.AuthDiagnostics.Rules.LegacyProtocolRetirements.All;

        rows.Select(r => r.Protocol).Should().OnlyHaveUniqueItems();
        rows.Aggregate(LegacyProtocols.None, (all, r) => all | r.Protocol).Should().Be(Enum.GetValues<LegacyProtocols>().Aggregate(LegacyProtocols.None, (all, p) => all | p));
        rows.Select(r => r.CliName).Should().Equal("EWS", "EAS", "IMAP", "POP", "SMTP", "RPS", "MAPI", "IDCRL");
        rows.Should().OnlyContain(r => r.Source.Length > 0 && r.Note.Length > 0);
        rows.Single(r => r.Protocol == LegacyProtocols.SmtpAuth).AppPasswordSignInsStop.Should().BeNull("no removal date is announced");
    }
}
