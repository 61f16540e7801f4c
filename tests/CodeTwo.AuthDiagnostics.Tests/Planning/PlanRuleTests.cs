using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Tests.Diagnostics;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Baseline;

namespace CodeTwo.AuthDiagnostics.Tests.Planning;

/// <summary>The catalog's plan step rules.</summary>
public sealed class PlanRuleTests
{
    private const string SeedUserId = "cbf27734-ac10-4525-8b66-402800e03d2c";

    [Fact]
    public void Seed_plan_enforces_per_user_MFA_first_then_the_decision_on_security_defaults_then_wait_user_and_verify()
    {
        var plan = Diagnose.User(Fixture.Load("seed-security-defaults.json")).Plan;

        plan.Steps.Select(s => s.Id).Should().Equal(
            PlanStepIds.EnforcePerUserMfa,
            PlanStepIds.RevokeSignInSessions,
            PlanStepIds.DecideSecurityDefaults,
            PlanStepIds.AppPasswordSwitch,
            PlanStepIds.WaitForPropagation,
            PlanStepIds.UserAddsAppPassword,
            PlanStepIds.Verify);
        plan.Steps.Select(s => s.Kind).Should().Equal(PlanStepKind.Graph, PlanStepKind.Graph, PlanStepKind.Manual, PlanStepKind.Manual, PlanStepKind.Wait, PlanStepKind.Manual, PlanStepKind.Verify);
        plan.Steps.Where(s => s.Request is not null).Select(s => s.Request!.Url).Should().NotContain(u => u.Contains("identitySecurityDefaultsEnforcementPolicy", StringComparison.Ordinal), "no protocol is declared, so no request weakens the tenant");

        var enforce = plan.Steps[0];
        string requirements = $"https://graph.microsoft.com/beta/users/{SeedUserId}/authentication/requirements";
        enforce.Request.Should().Be(new GraphRequest("PATCH", requirements, """{"perUserMfaState":"enforced"}"""));
        enforce.Rollback.Should().Be(new GraphRequest("PATCH", requirements, """{"perUserMfaState":"disabled"}"""), "the rollback restores the captured state");
        enforce.Risk.Should().Be(Risk.Medium);
        enforce.Fixes.Should().Equal(DiagnosticCodes.PerUserMfaDisabled);

        var revoke = plan.Steps[1];
        revoke.Request.Should().Be(new GraphRequest("POST", $"https://graph.microsoft.com/v1.0/users/{SeedUserId}/revokeSignInSessions", null));
        revoke.DependsOn.Should().Equal(PlanStepIds.EnforcePerUserMfa);
        revoke.Rollback.Should().BeNull();
        revoke.RollbackUnavailableReason.Should().NotBeNullOrWhiteSpace();

        plan.Steps[4].WaitMinutes.Should().Be(15);
        plan.Steps[5].Instructions.Should().Contain("https://mysignins.microsoft.com/security-info").And.Contain("App password");
        plan.Steps[6].Fixes.Should().Equal(DiagnosticCodes.SecurityDefaultsEnabled, DiagnosticCodes.PerUserMfaDisabled);
        plan.Advisories.Should().Equal(DiagnosticCodes.LegacyProtocolRetired, DiagnosticCodes.PrivilegedAdminAccount, DiagnosticCodes.ModernAuthenticationRecommended);
        plan.Alternatives.Should().ContainSingle().Which.Title.Should().Contain("Microsoft Graph").And.Contain("OAuth");
        plan.Alternatives[0].Description.Should().NotContain("EWS");
    }

    [Fact]
    public void Per_user_MFA_enabled_is_rolled_back_to_enabled()
    {
        var plan = Diagnose.User(Fixture.Load("per-user-enabled.json")).Plan;

        plan.Steps[0].Id.Should().Be(PlanStepIds.EnforcePerUserMfa);
        plan.Steps[0].Rollback!.Body.Should().Be("""{"perUserMfaState":"enabled"}""");
        plan.Steps[0].Fixes.Should().Equal(DiagnosticCodes.PerUserMfaEnabledNotEnforced);
    }

    [Fact]
    public void Security_defaults_step_is_high_risk_behind_an_approval_with_a_rollback_and_states_the_trade_off()
    {
        var step = Diagnose.Smtp(Fixture.Load("seed-security-defaults.json")).Plan.FindStep(PlanStepIds.DisableSecurityDefaults)!;

        const string Url = "https://graph.microsoft.com/v1.0/policies/identitySecurityDefaultsEnforcementPolicy";
        step.Kind.Should().Be(PlanStepKind.Graph);
        step.Request.Should().Be(new GraphRequest("PATCH", Url, """{"isEnabled":false}"""));
        step.Rollback.Should().Be(new GraphRequest("PATCH", Url, """{"isEnabled":true}"""));
        step.Risk.Should().Be(Risk.High);
        step.RequiresApproval.Should().BeTrue();
        step.Fixes.Should().Equal(DiagnosticCodes.SecurityDefaultsEnabled);
        step.Explanation.Should().Contain("MFA baseline").And.Contain("Conditional Access").And.Contain("Microsoft Graph with OAuth");
        step.RequiredRole.Should().Be("Security Administrator");
    }

    [Fact]
    public void CA_exclusion_sends_the_whole_excludeUsers_array_plus_the_user_and_rolls_back_to_the_captured_array()
    {
        const string BreakGlass = "d9a3ce9e-cbc1-4674-b12d-1e51dd71029e";
        const string Other = "0d5e4f3a-2b1c-4d0e-8f9a-7b6c5d4e3f2a";
        var second = new CaPolicy { Id = "bbbbbbbb-2222-4222-8222-000000000002", DisplayName = "Require MFA", BuiltInControls = ["mfa"] };
        var fixture = WithPolicies(new CaPolicy { DisplayName = "Block legacy authentication", ExcludeUsers = [BreakGlass, Other] }, second);

        var plan = Diagnose.Smtp(fixture).Plan;

        var steps = plan.Steps.Where(s => s.Id.StartsWith(PlanStepIds.ExcludeFromPolicyPrefix, StringComparison.Ordinal)).ToArray();
        steps.Select(s => s.Id).Should().Equal(PlanStepIds.ExcludeFromPolicyPrefix + CaPolicy.DefaultId, PlanStepIds.ExcludeFromPolicyPrefix + second.Id);
        var first = steps[0];
        string url = $"https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies/{CaPolicy.DefaultId}";
        first.Request.Should().Be(new GraphRequest("PATCH", url, ExcludeUsers(BreakGlass, Other, UserId)));
        first.Rollback.Should().Be(new GraphRequest("PATCH", url, ExcludeUsers(BreakGlass, Other)));
        first.Risk.Should().Be(Risk.High);
        first.RequiresApproval.Should().BeTrue();
        first.Fixes.Should().Equal(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
        first.Check!.CapturedJson.Should().Be($"""["{BreakGlass}","{Other}"]""");
        steps[1].Fixes.Should().Equal(DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients);
        steps[1].Request!.Body.Should().Be(ExcludeUsers(UserId));
        plan.FindStep(PlanStepIds.WaitForPropagation)!.DependsOn.Should().Equal(steps.Select(s => s.Id));
    }

    [Fact]
    public void No_exclusion_is_planned_for_a_policy_that_only_may_apply_or_is_report_only()
    {
        var fixture = WithPolicies(
            new CaPolicy { Conditions = new Dictionary<string, string> { ["locations"] = CaPolicy.OutsideTrustedLocations } },
            new CaPolicy { Id = "bbbbbbbb-2222-4222-8222-000000000002", State = "enabledForReportingButNotEnforced" });

        var plan = Diagnose.User(fixture).Plan;

        plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph);
    }

    [Theory]
    [InlineData("global", "https://graph.microsoft.com")]
    [InlineData("usGov", "https://graph.microsoft.us")]
    [InlineData("usGovDoD", "https://dod-graph.microsoft.us")]
    [InlineData("china", "https://microsoftgraph.chinacloudapi.cn")]
    public void Every_request_is_absolute_on_the_snapshot_cloud(string cloud, string graph)
    {
        var fixture = Fixture.Load("multi-user-tenant.json").With(root => root["cloud"] = cloud);
        var snapshot = fixture.Snapshot();

        foreach (var diagnosis in new DiagnosticEngine().DiagnoseAll(snapshot))
        {
            foreach (var step in diagnosis.Plan.Steps)
            {
                foreach (string url in Urls(step).Where(u => u.Contains("graph", StringComparison.Ordinal)))
                {
                    url.Should().StartWith(graph + "/", $"{diagnosis.RequestedUser} {step.Id}");
                }
            }
        }
    }

    [Fact]
    public void Every_URL_of_the_GCC_High_fixture_is_on_the_US_Government_cloud()
    {
        var diagnosis = Diagnose.User(Fixture.Load("national-cloud-usgov.json"), "backup@contoso.us");

        var urls = diagnosis.Plan.Steps.SelectMany(Urls).ToArray();
        urls.Should().NotBeEmpty();
        urls.Where(u => u.Contains("graph", StringComparison.Ordinal)).Should().NotBeEmpty().And.OnlyContain(u => u.StartsWith("https://graph.microsoft.us/", StringComparison.Ordinal));
        urls.Should().OnlyContain(u => new Uri(u).Host.EndsWith(".us", StringComparison.Ordinal), "portals too are the national cloud's");
    }

    [Theory]
    [MemberData(nameof(FixtureExpectationTests.Rows), MemberType = typeof(FixtureExpectationTests))]
    public void Plan_shape_holds_for_every_fixture(string file, string user, Verdict verdict, string[] blockers, string[] others)
    {
        _ = others;
        var diagnosis = Diagnose.User(Fixture.Load(file), user);
        var plan = diagnosis.Plan;

        plan.Steps.Select(s => s.Id).Should().OnlyHaveUniqueItems();
        var seen = new HashSet<string>();
        foreach (var step in plan.Steps)
        {
            step.DependsOn.Where(d => !seen.Contains(d)).Should().BeEmpty($"{step.Id} depends only on earlier steps");
            seen.Add(step.Id);
            if (step.Risk == Risk.High)
            {
                step.RequiresApproval.Should().BeTrue($"{step.Id} is high risk");
            }

            if (step.Kind == PlanStepKind.Graph)
            {
                step.Request.Should().NotBeNull();
                (step.Rollback is not null || step.RollbackUnavailableReason is not null).Should().BeTrue($"{step.Id} says how to undo it");
            }

            if (step.Kind == PlanStepKind.Manual)
            {
                step.Instructions.Should().NotBeNullOrWhiteSpace();
            }

            step.RequiredPermissions.Should().NotContain(p => string.IsNullOrWhiteSpace(p));
        }

        // No protocol is declared here, so the tenant-weakening fixes are decisions (manual), never Graph requests.
        // Catalog v1.2: the sign-in log's blocks by Conditional Access and security defaults get the same (weakening) steps,
        // and the product's own password (APW073, APW074) is fixed by a manual step only.
        string[] weakening = [DiagnosticCodes.SecurityDefaultsEnabled, DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients, DiagnosticCodes.LegacySignInsBlockedByConditionalAccess, DiagnosticCodes.LegacySignInsBlockedBySecurityDefaults];
        string[] productOnly = [DiagnosticCodes.AccountPasswordUsedByLegacyClient, DiagnosticCodes.LegacySignInCredentialsRejected];
        plan.Steps.Where(s => s.Kind == PlanStepKind.Graph).SelectMany(s => s.Fixes).Should().NotIntersectWith(weakening);
        foreach (var s in plan.Steps.Where(s => s.Id.StartsWith("decide-", StringComparison.Ordinal)))
        {
            s.Kind.Should().Be(PlanStepKind.Manual);
            s.Risk.Should().Be(Risk.High);
            s.RequiresApproval.Should().BeTrue();
            s.Request.Should().BeNull();
        }

        bool changesNothing = verdict == Verdict.Indeterminate || blockers.Intersect([DiagnosticCodes.UserNotFound, DiagnosticCodes.GuestAccount, DiagnosticCodes.AppPasswordsDisabledForTenant]).Any();
        plan.Steps.Where(s => s.Id.StartsWith("decide-", StringComparison.Ordinal)).SelectMany(s => s.Fixes).Should().BeEquivalentTo(changesNothing ? [] : blockers.Intersect(weakening));
        bool noGraphStep = verdict is Verdict.Available or Verdict.Indeterminate
            || blockers.Intersect([DiagnosticCodes.UserNotFound, DiagnosticCodes.GuestAccount, DiagnosticCodes.AppPasswordsDisabledForTenant]).Any()
            || blockers.All(b => weakening.Contains(b) || productOnly.Contains(b));
        if (noGraphStep)
        {
            plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph, $"a {verdict} plan with {string.Join(", ", blockers)} changes nothing through Graph");
        }
        else
        {
            plan.Steps.Should().Contain(s => s.Kind == PlanStepKind.Graph);
            var perUser = plan.Steps.TakeWhile(s => s.Id is PlanStepIds.EnforcePerUserMfa or PlanStepIds.RevokeSignInSessions).Count();
            plan.Steps.Skip(perUser).Should().NotContain(s => s.Id == PlanStepIds.EnforcePerUserMfa || s.Id == PlanStepIds.RevokeSignInSessions, "per-user MFA steps come first");
            plan.Steps[^1].Kind.Should().Be(PlanStepKind.Verify);
        }
    }

    [Theory]
    [InlineData("guest-user.json", "partner_fabrikam.com#EXT#@contoso.onmicrosoft.com", PlanStepIds.UseMemberAccount)]
    [InlineData("multi-user-tenant.json", "former.employee@contoso.com", PlanStepIds.CheckUserAndRecapture)]
    [InlineData("app-passwords-switch-off.json", Upn, PlanStepIds.AppPasswordSwitch)]
    [InlineData("unknown-mfa-state.json", Upn, PlanStepIds.GrantPermissionsAndRecapture)]
    public void Plans_that_change_nothing_through_Graph_hold_the_manual_step(string file, string user, string stepId)
    {
        var plan = Diagnose.User(Fixture.Load(file), user).Plan;

        plan.Steps[0].Id.Should().Be(stepId);
        plan.Steps[0].Kind.Should().Be(PlanStepKind.Manual);
        plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph);
    }

    [Fact]
    public void Indeterminate_plan_names_the_permissions_of_every_failed_section()
    {
        var fixture = WithPolicies(new CaPolicy { IncludeUsers = [], IncludeGroups = ["1f0c2e55-2f5a-4d7c-9a55-3d4f8c1b7a01"] }).With(root =>
        {
            root.TenantFailed("securityDefaults", 403, "Policy.Read.All");
            root.User(0)["sections"]!["transitiveMemberOf"] = Edit.Failed(403, "GroupMember.Read.All", "Directory.Read.All");
        });

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
        var step = diagnosis.Plan.Steps[0];
        step.RequiredPermissions.Should().Equal("Directory.Read.All", "GroupMember.Read.All", "Policy.Read.All");
        step.Instructions.Should().Contain("Directory.Read.All, GroupMember.Read.All, Policy.Read.All");
        step.Fixes.Should().Equal(DiagnosticCodes.DataNotCaptured);
    }

    [Fact]
    public void The_wait_step_follows_the_propagation_option()
    {
        var fixture = Healthy.With(root => root.PerUserMfa("disabled"));

        var plan = Diagnose.User(fixture, options => options.PropagationWait = TimeSpan.FromSeconds(90)).Plan;

        var wait = plan.FindStep(PlanStepIds.WaitForPropagation)!;
        wait.WaitMinutes.Should().Be(2);
        wait.Title.Should().Contain("2 minutes");
    }

    private static string ExcludeUsers(params string[] ids) =>
        "{\"conditions\":{\"users\":{\"excludeUsers\":[" + string.Join(",", ids.Select(id => $"\"{id}\"")) + "]}}}";

    private static IEnumerable<string> Urls(PlanStep step) =>
        new[] { step.Request?.Url, step.Rollback?.Url, step.Check?.ReadUrl, step.PortalUrl, step.SimulatedEffect?.Url }.OfType<string>();
}
