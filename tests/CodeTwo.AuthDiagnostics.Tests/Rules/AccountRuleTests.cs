using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Baseline;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>APW001, APW002, APW003, APW030, APW040, APW041, APW061: facts about the account itself.</summary>
public sealed class AccountRuleTests
{
    [Fact]
    public void Baseline_is_available_with_the_retirement_advisory_only()
    {
        var diagnosis = Diagnose.User(Healthy);

        diagnosis.Verdict.Should().Be(Verdict.Available);
        diagnosis.Codes().Should().Equal(DiagnosticCodes.LegacyProtocolRetired);
    }

    [Fact]
    public void APW001_fires_for_a_user_the_snapshot_does_not_hold()
    {
        var diagnosis = Diagnose.User(Healthy, "nobody@contoso.com");

        diagnosis.Verdict.Should().Be(Verdict.Unavailable);
        diagnosis.ShouldFire(Healthy, DiagnosticCodes.UserNotFound, Severity.Blocker, FindingKind.Availability, rootCause: true, "/users", "nobody@contoso.com");
        diagnosis.UserId.Should().BeNull();
        diagnosis.Plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph);
    }

    [Fact]
    public void APW001_fires_for_a_user_listed_in_missingUsers_and_points_at_the_entry()
    {
        var fixture = Fixture.Load("multi-user-tenant.json");

        var diagnosis = Diagnose.User(fixture, "Former.Employee@contoso.com");

        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.UserNotFound, Severity.Blocker, FindingKind.Availability, rootCause: true, "/missingUsers/0", "Former.Employee@contoso.com");
        finding.Explanation.Should().Contain("no such user exists");
    }

    [Theory]
    [InlineData(Upn)]
    [InlineData("BACKUP@CONTOSO.COM")]
    [InlineData(UserId)]
    public void APW001_stays_silent_for_a_user_found_by_name_or_id(string user)
    {
        var diagnosis = Diagnose.User(Healthy, user);

        diagnosis.ShouldNotFire(DiagnosticCodes.UserNotFound);
        diagnosis.UserId.Should().Be(UserId);
    }

    [Fact]
    public void APW002_fires_for_a_disabled_cloud_account_and_plans_the_Graph_change()
    {
        var fixture = Healthy.With(root => root.SetUserProperty("accountEnabled", false));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.AccountDisabled, Severity.Blocker, FindingKind.Availability, rootCause: true, "/users/0/user/accountEnabled", Upn);
        var step = diagnosis.Plan.FindStep(PlanStepIds.EnableAccount);
        step.Should().NotBeNull();
        step!.Kind.Should().Be(PlanStepKind.Graph);
        step.Fixes.Should().Equal(DiagnosticCodes.AccountDisabled);
        step.Request.Should().Be(new GraphRequest("PATCH", $"https://graph.microsoft.com/v1.0/users/{UserId}", """{"accountEnabled":true}"""));
        step.Rollback.Should().Be(new GraphRequest("PATCH", $"https://graph.microsoft.com/v1.0/users/{UserId}", """{"accountEnabled":false}"""));
        diagnosis.Plan.FindStep(PlanStepIds.EnableAccountOnPremises).Should().BeNull();
    }

    [Fact]
    public void APW002_fires_for_a_disabled_synced_account_and_plans_a_manual_step_on_premises()
    {
        var fixture = Healthy.With(root =>
        {
            root.SetUserProperty("accountEnabled", false);
            root.SetUserProperty("onPremisesSyncEnabled", true);
        });

        var diagnosis = Diagnose.User(fixture);

        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.AccountDisabled, Severity.Blocker, FindingKind.Availability, rootCause: true, "/users/0/user/accountEnabled", Upn);
        finding.Explanation.Should().Contain("on-premises");
        diagnosis.Plan.FindStep(PlanStepIds.EnableAccount).Should().BeNull("a cloud change to a synced account is overwritten");
        var step = diagnosis.Plan.FindStep(PlanStepIds.EnableAccountOnPremises);
        step.Should().NotBeNull();
        step!.Kind.Should().Be(PlanStepKind.Manual);
        step.Request.Should().BeNull();
        step.Instructions.Should().NotBeNullOrWhiteSpace();
        diagnosis.Plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph);
    }

    [Fact]
    public void APW002_stays_silent_for_an_enabled_account()
    {
        var diagnosis = Diagnose.User(Healthy.With(root => root.SetUserProperty("accountEnabled", true)));

        diagnosis.ShouldNotFire(DiagnosticCodes.AccountDisabled);
    }

    [Fact]
    public void APW003_fires_for_a_guest()
    {
        var fixture = Healthy.With(root => root.SetUserProperty("userType", "Guest"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.GuestAccount, Severity.Blocker, FindingKind.Availability, rootCause: true, "/users/0/user/userType", Upn);
        diagnosis.Plan.Steps.Should().ContainSingle().Which.Id.Should().Be(PlanStepIds.UseMemberAccount);
    }

    [Fact]
    public void APW003_stays_silent_for_a_member()
    {
        Diagnose.User(Healthy.With(root => root.SetUserProperty("userType", "Member"))).ShouldNotFire(DiagnosticCodes.GuestAccount);
    }

    [Theory]
    [InlineData("passwordAuthenticationMethod,emailAuthenticationMethod")]
    [InlineData("passwordAuthenticationMethod")]
    [InlineData("")]
    public void APW030_fires_when_only_password_and_email_are_registered(string registered)
    {
        string[] methods = registered.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var fixture = Healthy.With(root => root.Methods(0, methods));

        var diagnosis = Diagnose.User(fixture);

        string path = methods.Length == 0 ? "/users/0/sections/authenticationMethods/value" : "/users/0/sections/authenticationMethods/value/0/@odata.type";
        diagnosis.ShouldFire(fixture, DiagnosticCodes.NoMfaMethodRegistered, Severity.Info, FindingKind.Advisory, rootCause: false, path, Upn);
        diagnosis.Verdict.Should().Be(Verdict.Available, "an advisory does not move the verdict");
    }

    [Theory]
    [InlineData("phoneAuthenticationMethod")]
    [InlineData("microsoftAuthenticatorAuthenticationMethod")]
    [InlineData("fido2AuthenticationMethod")]
    public void APW030_stays_silent_when_an_MFA_method_is_registered(string method)
    {
        Diagnose.User(Healthy.With(root => root.Methods(0, "passwordAuthenticationMethod", "emailAuthenticationMethod", method)))
            .ShouldNotFire(DiagnosticCodes.NoMfaMethodRegistered);
    }

    [Fact]
    public void APW040_fires_when_the_UPN_domain_is_federated()
    {
        var fixture = Healthy.With(root => root.TenantSection("domains")["value"]![0]!["authenticationType"] = "Federated");

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.FederatedDomain, Severity.Info, FindingKind.Advisory, rootCause: false, "/sections/domains/value/0/authenticationType", Upn);
    }

    [Fact]
    public void APW040_stays_silent_when_only_another_domain_is_federated()
    {
        var fixture = Healthy.With(root => root.TenantSection("domains")["value"]![1]!["authenticationType"] = "Federated");

        Diagnose.User(fixture).ShouldNotFire(DiagnosticCodes.FederatedDomain);
    }

    [Fact]
    public void APW041_fires_for_a_synced_account()
    {
        var fixture = Healthy.With(root => root.SetUserProperty("onPremisesSyncEnabled", true));

        Diagnose.User(fixture).ShouldFire(fixture, DiagnosticCodes.SyncedFromOnPremises, Severity.Info, FindingKind.Advisory, rootCause: false, "/users/0/user/onPremisesSyncEnabled", Upn);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void APW041_stays_silent_for_a_cloud_account(bool? synced)
    {
        Diagnose.User(Healthy.With(root => root.SetUserProperty("onPremisesSyncEnabled", synced is null ? null : JsonValue.Create(synced.Value))))
            .ShouldNotFire(DiagnosticCodes.SyncedFromOnPremises);
    }

    [Fact]
    public void APW061_fires_for_a_directory_role_and_names_it()
    {
        var fixture = Healthy.With(root => root.MemberOf(0, Edit.Group("0c0d0e0f-0000-4000-8000-000000000001", "All Staff"), Edit.Role("0c0d0e0f-0000-4000-8000-000000000002", "29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator")));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.PrivilegedAdminAccount, Severity.Info, FindingKind.Advisory, rootCause: false, "/users/0/sections/transitiveMemberOf/value/1/roleTemplateId", Upn, "Exchange Administrator");
    }

    [Fact]
    public void APW061_stays_silent_for_group_memberships_only()
    {
        var fixture = Healthy.With(root => root.MemberOf(0, Edit.Group("0c0d0e0f-0000-4000-8000-000000000001", "Global Administrators (a group, not a role)")));

        Diagnose.User(fixture).ShouldNotFire(DiagnosticCodes.PrivilegedAdminAccount);
    }
}
