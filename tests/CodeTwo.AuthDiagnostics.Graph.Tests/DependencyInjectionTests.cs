using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Graph.Fakes;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace CodeTwo.AuthDiagnostics.Graph;

public sealed class DependencyInjectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddMicrosoftGraph_registers_a_working_source_executor_and_runner()
    {
        await using var server = await FakeGraphServer.StartAsync(FakeTenant.FromFixture("healthy-enforced.json"));
        using var http = new HttpClient();
        using var client = new GraphServiceClient(http, new FixedTokenAuthenticationProvider(FakeGraphServer.DefaultToken), server.Root + "/v1.0");
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(new FastForwardTimeProvider());
        services.AddAuthDiagnostics().AddMicrosoftGraph(client, o => { o.Cloud = CloudEnvironment.UsGov; o.RequestTimeout = Timeout.InfiniteTimeSpan; });
        await using var provider = services.BuildServiceProvider();

        var source = provider.GetRequiredService<ISnapshotSource>();
        var executor = provider.GetRequiredService<IGraphExecutor>();
        source.Should().BeOfType<GraphSnapshotSource>().And.BeSameAs(provider.GetRequiredService<GraphSnapshotSource>());
        executor.Should().BeOfType<GraphExecutor>();
        provider.GetRequiredService<PlanRunner>().Should().NotBeNull();
        provider.GetRequiredService<IOptions<MicrosoftGraphOptions>>().Value.Cloud.Should().Be(CloudEnvironment.UsGov);

        var snapshot = await source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);
        snapshot.Cloud.Should().Be(CloudEnvironment.UsGov);
        snapshot.Users.Should().ContainSingle();
        var response = await executor.SendAsync(new GraphRequest("GET", "https://graph.microsoft.us/v1.0/domains", null), Ct);
        response.StatusCode.Should().Be(200);
        logs.Entries.Should().Contain(e => e.Contains("CodeTwo.AuthDiagnostics.Graph", StringComparison.Ordinal));
    }

    [Fact]
    public void The_client_factory_is_called_once_and_only_when_needed()
    {
        int calls = 0;
        var services = new ServiceCollection();
        services.AddAuthDiagnostics().AddMicrosoftGraph(_ =>
        {
            calls++;
            return new GraphServiceClient(new HttpClient(), new FixedTokenAuthenticationProvider("t"));
        });
        using var provider = services.BuildServiceProvider();
        calls.Should().Be(0);

        provider.GetRequiredService<ISnapshotSource>();
        provider.GetRequiredService<IGraphExecutor>();
        provider.GetRequiredService<PlanRunner>();

        calls.Should().Be(1);
        ((GraphSnapshotSource)provider.GetRequiredService<ISnapshotSource>()).Cloud.Should().Be(CloudEnvironment.Global, "the client's default base URL is graph.microsoft.com");
    }
}
