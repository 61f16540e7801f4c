using CodeTwo.AuthDiagnostics.Graph.Fakes;
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Graph;

public sealed class ExecutorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_plan_write_on_the_cloud_host_is_rebased_onto_the_endpoint_in_use_and_applied()
    {
        await using var host = await GraphTestHost.StartAsync("per-user-enabled.json");
        var user = host.Server.Tenant.Users[0];
        string url = $"https://graph.microsoft.com/beta/users/{user.Id}/authentication/requirements";

        var response = await host.Executor.SendAsync(new GraphRequest("PATCH", url, "{\"perUserMfaState\":\"enforced\"}"), Ct);

        response.StatusCode.Should().Be(204);
        response.Body.Should().BeNull();
        var write = host.Server.Log.Should().ContainSingle().Subject;
        write.Request.Method.Should().Be("PATCH");
        write.Request.Version.Should().Be("beta");
        write.Request.Path.Should().Be($"/users/{user.Id}/authentication/requirements");
        write.Request.Body.Should().Be("{\"perUserMfaState\":\"enforced\"}");
        write.Request.Headers["Content-Type"].Should().StartWith("application/json");
        write.Request.Headers["Authorization"].Should().Be("Bearer " + FakeGraphServer.DefaultToken);
        ((string)user.Requirements!["perUserMfaState"]!).Should().Be("enforced");
    }

    [Fact]
    public async Task Every_kind_of_plan_write_reaches_the_tenant()
    {
        await using var host = await GraphTestHost.StartAsync("multi-user-tenant.json");
        var tenant = host.Server.Tenant;
        var user = tenant.FindUser("backup@contoso.com")!;
        string policy = (string)tenant.ConditionalAccessPolicies![0]!["id"]!;
        string graph = "https://graph.microsoft.com";

        (await host.Executor.SendAsync(new GraphRequest("POST", $"{graph}/v1.0/users/{user.Id}/revokeSignInSessions", null), Ct)).StatusCode.Should().Be(200);
        (await host.Executor.SendAsync(new GraphRequest("PATCH", $"{graph}/v1.0/users/{user.Id}", "{\"accountEnabled\":false}"), Ct)).StatusCode.Should().Be(204);
        (await host.Executor.SendAsync(new GraphRequest("PATCH", $"{graph}/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", "{\"isEnabled\":true}"), Ct)).StatusCode.Should().Be(204);
        (await host.Executor.SendAsync(new GraphRequest("PATCH", $"{graph}/v1.0/identity/conditionalAccess/policies/{policy}", $"{{\"conditions\":{{\"users\":{{\"excludeUsers\":[\"{user.Id}\"]}}}}}}"), Ct)).StatusCode.Should().Be(204);
        var read = await host.Executor.SendAsync(new GraphRequest("GET", $"{graph}/v1.0/users/{user.Id}?$select=signInSessionsValidFromDateTime", null), Ct);

        read.StatusCode.Should().Be(200);
        read.Headers["Content-Type"].Should().StartWith("application/json");
        read.Body.Should().Contain("\"signInSessionsValidFromDateTime\":\"2026-11-24T10:00:00Z\"");
        ((bool)user.User["accountEnabled"]!).Should().BeFalse();
        ((bool)tenant.SecurityDefaults!["isEnabled"]!).Should().BeTrue();
        tenant.ConditionalAccessPolicies![0]!["conditions"]!["users"]!["excludeUsers"]!.AsArray().Select(n => (string)n!).Should().Equal(user.Id);
        tenant.ConditionalAccessPolicies![0]!["conditions"]!["clientAppTypes"].Should().NotBeNull("a merge patch keeps the members it does not name");
        host.Server.Log.Select(e => $"{e.Request.Method} {e.Request.Path} {e.Status}").Should().Equal(
            $"POST /users/{user.Id}/revokeSignInSessions 200",
            $"PATCH /users/{user.Id} 204",
            "PATCH /policies/identitySecurityDefaultsEnforcementPolicy 204",
            $"PATCH /identity/conditionalAccess/policies/{policy} 204",
            $"GET /users/{user.Id} 200");
    }

    [Fact]
    public async Task Error_statuses_are_returned_with_headers_and_body_and_sent_once()
    {
        await using var host = await GraphTestHost.StartAsync("per-user-enabled.json");
        var user = host.Server.Tenant.Users[0];
        host.Server.Fail(r => r.Method == "POST", 429, times: 1, code: "TooManyRequests", retryAfterSeconds: 5);

        var invalid = await host.Executor.SendAsync(new GraphRequest("PATCH", $"{host.Server.Root}/beta/users/{user.Id}/authentication/requirements", "{\"perUserMfaState\":\"sometimes\"}"), Ct);
        var throttled = await host.Executor.SendAsync(new GraphRequest("POST", $"{host.Server.Root}/v1.0/users/{user.Id}/revokeSignInSessions", null), Ct);
        var missing = await host.Executor.SendAsync(new GraphRequest("GET", $"{host.Server.Root}/v1.0/users/nobody@contoso.com", null), Ct);

        invalid.StatusCode.Should().Be(400);
        invalid.Body.Should().Contain("perUserMfaState");
        throttled.StatusCode.Should().Be(429);
        throttled.Headers["Retry-After"].Should().Be("5");
        missing.StatusCode.Should().Be(404);
        missing.Body.Should().Contain("Request_ResourceNotFound");
        host.Server.Requests(r => r.Method == "POST").Should().ContainSingle("the plan runner owns retries of writes");
        ((string)user.Requirements!["perUserMfaState"]!).Should().Be("enabled");
    }

    [Theory]
    [InlineData("https://evil.example.com/v1.0/users/x")]
    [InlineData("https://graph.microsoft.us/v1.0/users/x")]
    [InlineData("/v1.0/users/x")]
    [InlineData("ftp://graph.microsoft.com/v1.0/users/x")]
    public async Task A_url_outside_the_cloud_and_the_endpoint_in_use_is_refused_before_sending(string url)
    {
        await using var host = await GraphTestHost.StartAsync("per-user-enabled.json");

        var act = () => host.Executor.SendAsync(new GraphRequest("PATCH", url, "{}"), Ct);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*not a Microsoft Graph URL of the Global cloud*");
        host.Server.Log.Should().BeEmpty();
    }

    [Fact]
    public async Task A_write_that_times_out_has_an_unknown_outcome()
    {
        var clock = new HeldTimeoutTimeProvider(TimeSpan.FromMinutes(5));
        await using var host = await GraphTestHost.StartAsync("per-user-enabled.json", o => o.RequestTimeout = TimeSpan.FromMinutes(5), clock);
        host.Server.Hang(r => r.Method == "POST");
        var user = host.Server.Tenant.Users[0];

        var send = host.Executor.SendAsync(new GraphRequest("POST", $"https://graph.microsoft.com/v1.0/users/{user.Id}/revokeSignInSessions", null), Ct);
        await host.Server.WaitForRequestAsync(r => r.Method == "POST");
        clock.FireHeld();

        (await send.Invoking(t => t).Should().ThrowAsync<HttpRequestException>()).WithInnerException<TimeoutException>();
    }

    [Fact]
    public async Task A_national_cloud_plan_goes_to_the_override_and_keeps_its_cloud()
    {
        // The host's client points at GCC High; the override sends everything to the fake instead.
        await using var host = await GraphTestHost.StartAsync(FakeTenant.FromFixture("national-cloud-usgov.json"), o => o.Cloud = null, clientBaseUrl: "https://graph.microsoft.us/v1.0");
        var user = host.Server.Tenant.Users[0];

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser(user.UserPrincipalName), Ct);
        var response = await host.Executor.SendAsync(new GraphRequest("PATCH", $"{CloudEndpoints.UsGov.GraphBaseUrl}/beta/users/{user.Id}/authentication/requirements", "{\"perUserMfaState\":\"enforced\"}"), Ct);

        host.Source.Cloud.Should().Be(CloudEnvironment.UsGov);
        snapshot.Cloud.Should().Be(CloudEnvironment.UsGov);
        response.StatusCode.Should().Be(204);
        await host.Executor.Invoking(e => e.SendAsync(new GraphRequest("GET", "https://graph.microsoft.com/v1.0/domains", null), Ct))
            .Should().ThrowAsync<ArgumentException>("a global-cloud URL does not belong to a GCC High tenant");
    }
}
