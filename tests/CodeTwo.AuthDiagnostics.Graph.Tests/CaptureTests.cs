using System.Text.Json;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Graph.Fakes;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Graph;

public sealed class CaptureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_route_of_the_contract_is_read_and_recorded()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);

        snapshot.TenantId.Should().Be(host.Server.Tenant.TenantId);
        snapshot.Cloud.Should().Be(CloudEnvironment.Global);
        snapshot.Sections.SecurityDefaults.IsCaptured.Should().BeTrue();
        snapshot.Sections.ConditionalAccessPolicies.Value.Should().HaveCount(2);
        snapshot.Sections.AuthenticationMethodsPolicy.IsCaptured.Should().BeTrue();
        snapshot.Sections.MfaServicePolicy.Value!.AllowAppPasswords.Should().BeTrue();
        snapshot.Sections.Domains.Value.Should().HaveCount(2);
        snapshot.Sections.SubscribedSkus.Value.Should().HaveCount(1);
        var user = snapshot.Users.Should().ContainSingle().Subject;
        user.User.UserPrincipalName.Should().Be("backup@contoso.com");
        user.User.AccountEnabled.Should().BeTrue();
        user.Sections.AuthenticationRequirements.Value!.PerUserMfaState.Should().Be(PerUserMfaState.Enforced);
        user.Sections.AuthenticationMethods.Value.Should().HaveCount(3);
        user.Sections.TransitiveMemberOf.IsCaptured.Should().BeTrue();
        snapshot.MissingUsers.Should().BeEmpty();

        var direct = host.Server.Requests(r => !r.InBatch).Select(r => $"{r.Method} /{r.Version}{r.Path}").ToArray();
        direct.Should().BeEquivalentTo(
        [
            "GET /v1.0/policies/identitySecurityDefaultsEnforcementPolicy",
            "GET /v1.0/identity/conditionalAccess/policies",
            "GET /v1.0/policies/authenticationMethodsPolicy",
            "GET /beta/policies/mfaServicePolicy",
            "GET /v1.0/domains",
            "GET /v1.0/subscribedSkus",
            "POST /v1.0/$batch",
            "POST /beta/$batch",
            "GET /beta/auditLogs/signIns",
            "POST /v1.0/$batch", // What-If, after the sign-ins
        ]);
        var batched = host.Server.Requests(r => r.InBatch).ToArray();
        batched.Select(r => $"{r.Method} /{r.Version}{r.Path}").Should().BeEquivalentTo(
        [
            "GET /v1.0/organization",
            "GET /v1.0/users/backup@contoso.com",
            "GET /beta/users/backup@contoso.com/authentication/requirements",
            "GET /v1.0/users/backup@contoso.com/authentication/methods",
            "GET /v1.0/users/backup@contoso.com/transitiveMemberOf",
            "POST /v1.0/identity/conditionalAccess/evaluate",
            "POST /v1.0/identity/conditionalAccess/evaluate",
            "POST /v1.0/identity/conditionalAccess/evaluate",
        ]);
        batched.Single(r => r.Path == "/users/backup@contoso.com").Param("$select").Should()
            .Be("id,userPrincipalName,displayName,accountEnabled,userType,onPremisesSyncEnabled,signInSessionsValidFromDateTime");
        host.Server.Log.Should().OnlyContain(e => e.Status < 400);
    }

    [Fact]
    public async Task Collections_are_followed_to_their_last_page()
    {
        await using var host = await GraphTestHost.StartAsync("multi-user-tenant.json", pageSize: 1);

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUsers("backup@contoso.com", "admin@contoso.com"), Ct);

        snapshot.Sections.ConditionalAccessPolicies.Value!.Select(p => p.DisplayName).Should().Equal(
            host.Server.Tenant.ConditionalAccessPolicies!.Select(p => (string)p!["displayName"]!));
        snapshot.Sections.Domains.Value.Should().HaveCount(2);
        var admin = snapshot.FindUser("admin@contoso.com")!;
        admin.Sections.TransitiveMemberOf.Value.Should().HaveCount(2);
        admin.Sections.AuthenticationMethods.Value.Should().HaveCount(3);
        admin.Sections.TransitiveMemberOf.Value!.Select(g => g.Id).Should().Equal(host.Server.Tenant.FindUser("admin@contoso.com")!.MemberOf!.Select(g => (string)g!["id"]!));

        // Next pages are separate GETs of the whole nextLink (skip token and $top kept).
        var caPages = host.Server.Requests(r => r.Path == "/identity/conditionalAccess/policies");
        caPages.Should().HaveCount(4);
        caPages.Skip(1).Should().OnlyContain(r => r.Param("$skiptoken") != null && !r.InBatch);
        host.Server.Requests(r => r.Path.EndsWith("/transitiveMemberOf", StringComparison.Ordinal) && r.Param("$skiptoken") != null)
            .Should().NotBeEmpty().And.OnlyContain(r => r.Param("$top") == "999");
    }

    [Fact]
    public async Task Batches_hold_at_most_twenty_requests_and_beta_goes_through_the_beta_batch()
    {
        var tenant = FakeTenant.Generate(30);
        await using var host = await GraphTestHost.StartAsync(tenant);

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUsers(tenant.Users.Select(u => u.UserPrincipalName).ToArray()), Ct);

        snapshot.Users.Should().HaveCount(30);
        var batches = host.Server.Log.Where(e => e.BatchSize is not null).ToArray();
        batches.Should().OnlyContain(b => b.BatchSize <= 20);
        batches.Where(b => b.Request.Version == "v1.0").Select(b => b.BatchSize!.Value).Should().BeEquivalentTo([20, 20, 20, 20, 11, 20, 20, 20, 20, 10]); // 1 + 30 × 3, then 30 × 3 What-If evaluations
        batches.Where(b => b.Request.Version == "beta").Select(b => b.BatchSize!.Value).Should().BeEquivalentTo([20, 10]);
        host.Server.Requests(r => r.InBatch && r.Version == "beta").Should().OnlyContain(r => r.Path.EndsWith("/authentication/requirements", StringComparison.Ordinal));
        host.Server.Requests(r => r.InBatch && r.Version == "v1.0").Should().NotContain(r => r.Path.EndsWith("/authentication/requirements", StringComparison.Ordinal));
        snapshot.Users.Select(u => u.User.UserPrincipalName).Should().Equal(tenant.Users.Select(u => u.UserPrincipalName), "users keep the order they were asked in");
    }

    [Fact]
    public async Task An_unknown_user_goes_to_missingUsers()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUsers("nobody@contoso.com", "backup@contoso.com", "00000000-1111-2222-3333-444444444444"), Ct);

        snapshot.MissingUsers.Should().Equal("nobody@contoso.com", "00000000-1111-2222-3333-444444444444");
        snapshot.Users.Should().ContainSingle().Which.User.UserPrincipalName.Should().Be("backup@contoso.com");
    }

    [Fact]
    public async Task A_malformed_id_is_missing_but_another_bad_request_is_an_error()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        host.Server.Fail(r => r.Path == "/users/not-an-id", 400, code: "Request_BadRequest", message: "Invalid object identifier 'not-an-id'.");
        host.Server.Fail(r => r.Path == "/users/backup@contoso.com", 400, code: "BadRequest", message: "Parsing OData Select and Expand failed.");

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("not-an-id"), Ct);
        var act = () => host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);

        snapshot.MissingUsers.Should().Equal("not-an-id");
        (await act.Should().ThrowAsync<GraphCaptureException>()).Which.HttpStatus.Should().Be(400);
    }

    [Fact]
    public async Task A_user_asked_for_by_upn_and_by_id_is_captured_once()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        string id = host.Server.Tenant.Users[0].Id;

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUsers("backup@contoso.com", id), Ct);

        snapshot.Users.Should().ContainSingle().Which.User.Id.Should().Be(id);
    }

    [Fact]
    public async Task Guest_upns_are_escaped_in_urls()
    {
        await using var host = await GraphTestHost.StartAsync("guest-user.json");
        string upn = host.Server.Tenant.Users[0].UserPrincipalName;

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser(upn), Ct);

        upn.Should().Contain("#EXT#");
        snapshot.Users.Should().ContainSingle().Which.User.UserPrincipalName.Should().Be(upn);
        snapshot.Users[0].Sections.AuthenticationRequirements.IsCaptured.Should().BeTrue();
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    public async Task MfaServicePolicy_is_best_effort_when_the_endpoint_is_not_there(int status)
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        host.Server.Fail(r => r.Path == "/policies/mfaServicePolicy", status, code: status == 400 ? "BadRequest" : "Request_ResourceNotFound");

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);

        snapshot.Sections.MfaServicePolicy.Status.Should().Be(SectionStatus.NotCaptured);
        snapshot.Sections.MfaServicePolicy.Reason.Should().Contain("undocumented").And.Contain($"HTTP {status}").And.Contain("Allow users to create app passwords");
    }

    [Fact]
    public async Task MfaServicePolicy_refused_is_failed_and_can_be_switched_off()
    {
        await using (var host = await GraphTestHost.StartAsync("healthy-enforced.json"))
        {
            host.Server.Fail(r => r.Path == "/policies/mfaServicePolicy", 403, code: "Authorization_RequestDenied");
            var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);
            snapshot.Sections.MfaServicePolicy.Status.Should().Be(SectionStatus.Failed);
            snapshot.Sections.MfaServicePolicy.Error!.RequiredPermissions.Should().Equal("Policy.Read.All");
        }

        await using (var host = await GraphTestHost.StartAsync("healthy-enforced.json", o => o.CaptureMfaServicePolicy = false))
        {
            var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);
            snapshot.Sections.MfaServicePolicy.Status.Should().Be(SectionStatus.NotCaptured);
            host.Server.Requests(r => r.Path == "/policies/mfaServicePolicy").Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("securityDefaults", "/policies/identitySecurityDefaultsEnforcementPolicy", 403, "Policy.Read.All")]
    [InlineData("conditionalAccessPolicies", "/identity/conditionalAccess/policies", 403, "Policy.Read.All")]
    [InlineData("authenticationMethodsPolicy", "/policies/authenticationMethodsPolicy", 500, "Policy.Read.All")]
    [InlineData("domains", "/domains", 404, "Domain.Read.All")]
    [InlineData("subscribedSkus", "/subscribedSkus", 403, "LicenseAssignment.Read.All")]
    [InlineData("authenticationRequirements", "/users/backup@contoso.com/authentication/requirements", 403, "Policy.Read.All")]
    [InlineData("authenticationMethods", "/users/backup@contoso.com/authentication/methods", 403, "UserAuthenticationMethod.Read.All")]
    [InlineData("transitiveMemberOf", "/users/backup@contoso.com/transitiveMemberOf", 500, "GroupMember.Read.All", "RoleManagement.Read.Directory")]
    public async Task A_refused_section_is_failed_with_status_error_and_permission(string section, string path, int status, params string[] permissions)
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        host.Server.Fail(r => r.Path == path, status, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.");

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);

        var error = SectionOf(snapshot, section);
        error.Should().NotBeNull();
        error!.HttpStatus.Should().Be(status);
        error.Code.Should().Be("Authorization_RequestDenied");
        error.Message.Should().Be("Insufficient privileges to complete the operation.");
        error.RequiredPermissions.Should().Equal(permissions);
        snapshot.Users.Should().ContainSingle("a failed section never drops the user");
        snapshot.MissingUsers.Should().BeEmpty();
    }

    [Fact]
    public async Task A_user_object_that_cannot_be_read_throws_a_capture_exception()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        host.Server.Fail(r => r.Path == "/users/backup@contoso.com", 403, code: "Authorization_RequestDenied");

        var act = () => host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);

        var thrown = await act.Should().ThrowAsync<GraphCaptureException>();
        thrown.Which.HttpStatus.Should().Be(403);
        thrown.Which.RequiredPermissions.Should().Equal("User.Read.All");
        thrown.Which.Message.Should().Contain("backup@contoso.com").And.Contain("User.Read.All");
    }

    [Fact]
    public async Task Chosen_user_sections_only_are_read()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json", o => o.UserSections = UserSectionSelection.None);

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);

        var user = snapshot.Users.Single();
        user.Sections.AuthenticationRequirements.IsCaptured.Should().BeTrue("the per-user MFA state is always read");
        user.Sections.AuthenticationMethods.Status.Should().Be(SectionStatus.NotCaptured);
        user.Sections.AuthenticationMethods.Reason.Should().Contain("Not requested");
        user.Sections.TransitiveMemberOf.Status.Should().Be(SectionStatus.NotCaptured);
        host.Server.Requests(r => r.Path.EndsWith("/methods", StringComparison.Ordinal) || r.Path.EndsWith("/transitiveMemberOf", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_tenant_id_option_skips_the_organization_read()
    {
        var id = Guid.Parse("11111111-2222-3333-4444-555555555555");
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json", o => o.TenantId = id);

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);

        snapshot.TenantId.Should().Be(id);
        host.Server.Requests(r => r.Path == "/organization").Should().BeEmpty();
    }

    [Fact]
    public async Task Without_organization_access_the_tenant_id_comes_from_the_subscribed_skus()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        host.Server.Fail(r => r.Path == "/organization", 403, code: "Authorization_RequestDenied");
        string accountId = (string)host.Server.Tenant.SubscribedSkus![0]!["accountId"]!;

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);

        snapshot.TenantId.Should().Be(Guid.Parse(accountId));
    }

    [Fact]
    public async Task A_source_copies_its_options_when_it_is_built()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        host.Options.UserSections = UserSectionSelection.None;
        host.Options.MaxAttempts = 1;
        host.Server.Fail(r => r.Path == "/domains", 503, times: 1, code: "ServiceUnavailable");

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);

        snapshot.Users.Single().Sections.AuthenticationMethods.IsCaptured.Should().BeTrue("the source read every section, as its options said when it was built");
        snapshot.Sections.Domains.IsCaptured.Should().BeTrue("the transport kept its six attempts");
    }

    [Fact]
    public async Task Progress_reports_each_phase()
    {
        await using var host = await GraphTestHost.StartAsync("multi-user-tenant.json");
        var reports = new List<CaptureProgress>();
        var progress = new SynchronousProgress<CaptureProgress>(reports.Add);

        await host.Source.CaptureAsync(SnapshotRequest.ForUsers("backup@contoso.com", "alice@contoso.com"), progress, Ct);

        reports.Select(r => r.Phase).Should().Equal(CapturePhase.TenantSections, CapturePhase.Users, CapturePhase.Completed);
        reports[^1].UsersCaptured.Should().Be(2);
        reports[^1].UsersTotal.Should().Be(2);
        reports[^1].Requests.Should().Be(11, "six tenant reads, one batch per version, each user's sign-ins and one What-If batch");
        reports[^1].EstimatedRemaining.Should().Be(TimeSpan.Zero);
    }

    internal static SectionError? SectionOf(TenantSnapshot snapshot, string section) => section switch
    {
        "securityDefaults" => snapshot.Sections.SecurityDefaults.Error,
        "conditionalAccessPolicies" => snapshot.Sections.ConditionalAccessPolicies.Error,
        "authenticationMethodsPolicy" => snapshot.Sections.AuthenticationMethodsPolicy.Error,
        "mfaServicePolicy" => snapshot.Sections.MfaServicePolicy.Error,
        "domains" => snapshot.Sections.Domains.Error,
        "subscribedSkus" => snapshot.Sections.SubscribedSkus.Error,
        "authenticationRequirements" => snapshot.Users[0].Sections.AuthenticationRequirements.Error,
        "authenticationMethods" => snapshot.Users[0].Sections.AuthenticationMethods.Error,
        "transitiveMemberOf" => snapshot.Users[0].Sections.TransitiveMemberOf.Error,
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };
}

/// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, which makes assertions racy).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly object gate = new();

    public void Report(T value)
    {
        lock (gate)
        {
            report(value);
        }
    }
}
