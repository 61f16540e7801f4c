using BenchmarkDotNet.Attributes;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Graph.Fakes;
using CodeTwo.AuthDiagnostics.Snapshots;
using Microsoft.Graph;

namespace CodeTwo.AuthDiagnostics.Graph.Benchmarks;

/// <summary>
/// Captures against the fake Graph on 127.0.0.1 with 50 ms of latency on every HTTP request, with and without
/// throttling (one 429 with <c>Retry-After: 1</c> inside the first beta batch, and one 429 without <c>Retry-After</c>
/// on Conditional Access, per capture). Default adapter options: 8 requests in flight, 1 s first back-off. No memory
/// diagnoser: the fake runs in the same process, so its allocations would be counted as the capture's.
/// </summary>
public class CaptureBenchmarks
{
    private CaptureScenario scenario = null!;

    [Params(false, true)]
    public bool Throttled { get; set; }

    [GlobalSetup]
    public void Setup() => scenario = CaptureScenario.StartAsync(1000, TimeSpan.FromMilliseconds(50)).GetAwaiter().GetResult();

    [IterationSetup]
    public void ArmThrottling()
    {
        if (Throttled)
        {
            scenario.ArmThrottling();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => scenario.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "1 user")]
    public Task<TenantSnapshot> OneUser() => scenario.Source.CaptureAsync(SnapshotRequest.ForUser(scenario.FirstUser), CancellationToken.None);

    [Benchmark(Description = "1,000 users by UPN")]
    public Task<TenantSnapshot> ThousandUsers() => scenario.Source.CaptureAsync(SnapshotRequest.ForUsers(scenario.AllUsers), CancellationToken.None);

    [Benchmark(Description = "1,000 users, tenant-wide stream")]
    public Task<TenantCaptureResult> TenantWide() => scenario.Source.CaptureTenantAsync(Stream.Null, null, CancellationToken.None);
}

/// <summary>
/// Issue #18: a tenant-wide capture of 10,000 users whose sign-in log holds 26,000 legacy sign-ins (two per user, sixty
/// for every hundredth user), 50 ms of latency, default options (sign-ins read, What-If not). The sign-in log is read
/// once, in pages of 1,000, however many users there are; <c>--signins</c> prints the request count per endpoint.
/// </summary>
public class SignInCaptureBenchmarks
{
    private CaptureScenario scenario = null!;

    [GlobalSetup]
    public void Setup() => scenario = CaptureScenario.StartWithSignInsAsync(10_000, TimeSpan.FromMilliseconds(50)).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => scenario.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "10,000 users with sign-ins, tenant-wide stream")]
    public Task<TenantCaptureResult> TenantWide() => scenario.Source.CaptureTenantAsync(Stream.Null, null, CancellationToken.None);
}

/// <summary>The fake Graph, a real GraphServiceClient on a plain HttpClient, and the adapter's snapshot source.</summary>
public sealed class CaptureScenario : IAsyncDisposable
{
    private readonly HttpClient http;

    private CaptureScenario(FakeGraphServer server)
    {
        Server = server;
        http = new HttpClient();
        Client = new GraphServiceClient(http, new FixedTokenAuthenticationProvider(FakeGraphServer.DefaultToken), server.Root + "/v1.0");
        Source = new GraphSnapshotSource(Client, new MicrosoftGraphOptions { Cloud = CloudEnvironment.Global });
        AllUsers = server.Tenant.Users.Select(u => u.UserPrincipalName).ToArray();
    }

    public FakeGraphServer Server { get; }

    public GraphServiceClient Client { get; }

    public GraphSnapshotSource Source { get; }

    public string[] AllUsers { get; }

    public string FirstUser => AllUsers[0];

    public static async Task<CaptureScenario> StartAsync(int users, TimeSpan latency)
    {
        var server = await FakeGraphServer.StartAsync(FakeTenant.Generate(users));
        server.Latency = latency;
        server.PageSize = 999;
        return new CaptureScenario(server);
    }

    /// <summary>
    /// A tenant of <paramref name="users"/> users with legacy sign-ins in the last days: an SMTP sign-in that asked for
    /// MFA and an older IMAP one per user, and sixty POP sign-ins for every hundredth user (more than the 50 kept).
    /// </summary>
    public static async Task<CaptureScenario> StartWithSignInsAsync(int users, TimeSpan latency)
    {
        var tenant = FakeTenant.Generate(users);
        var now = DateTimeOffset.UtcNow;
        for (int i = 0; i < tenant.Users.Count; i++)
        {
            var user = tenant.Users[i];
            var at = now.AddMinutes(-1 - (i % 5000));
            tenant.SignIns.Add(FakeTenant.SignIn(user, "Authenticated SMTP", at, 50076));
            tenant.SignIns.Add(FakeTenant.SignIn(user, "IMAP4", at.AddDays(-1), eventType: "nonInteractiveUser"));
            if (i % 100 == 0)
            {
                for (int n = 0; n < 60; n++)
                {
                    tenant.SignIns.Add(FakeTenant.SignIn(user, "POP3", at.AddHours(-2).AddSeconds(-n), 50126));
                }
            }
        }

        var server = await FakeGraphServer.StartAsync(tenant);
        server.Latency = latency;
        server.PageSize = 999;
        return new CaptureScenario(server);
    }

    /// <summary>One throttled request inside the first beta batch and one on Conditional Access, for the next capture.</summary>
    public void ArmThrottling()
    {
        Server.Fail(r => r.InBatch && r.Version == "beta", 429, times: 1, code: "TooManyRequests", retryAfterSeconds: 1);
        Server.Fail(r => r.Path == "/identity/conditionalAccess/policies", 429, times: 1, code: "TooManyRequests");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        http.Dispose();
        await Server.DisposeAsync();
    }
}
