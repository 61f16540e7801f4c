using CodeTwo.AuthDiagnostics.Graph.Fakes;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;

namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>
/// A fake Graph on 127.0.0.1 behind a real <see cref="GraphServiceClient"/> (plain HttpClient, fixed bearer token,
/// base URL <c>http://127.0.0.1:PORT/v1.0</c>), with the adapter's source and executor on a clock that never waits.
/// </summary>
public sealed class GraphTestHost : IAsyncDisposable
{
    private readonly HttpClient http;

    private GraphTestHost(FakeGraphServer server, TimeProvider clock, MicrosoftGraphOptions options, string? clientBaseUrl)
    {
        Server = server;
        Clock = clock;
        Options = options;
        http = new HttpClient();
        Client = new GraphServiceClient(http, new FixedTokenAuthenticationProvider(FakeGraphServer.DefaultToken), clientBaseUrl ?? server.Root + "/v1.0");
        Logs = new CapturingLoggerProvider();
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Source = new GraphSnapshotSource(Client, options, clock, LoggerFactory.CreateLogger<GraphSnapshotSource>());
        Executor = new GraphExecutor(Client, options, clock, LoggerFactory.CreateLogger<GraphExecutor>());
    }

    public FakeGraphServer Server { get; }

    public TimeProvider Clock { get; }

    public FastForwardTimeProvider? FastForward => Clock as FastForwardTimeProvider;

    public MicrosoftGraphOptions Options { get; }

    public GraphServiceClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public ILoggerFactory LoggerFactory { get; }

    public GraphSnapshotSource Source { get; }

    public GraphExecutor Executor { get; }

    /// <summary>
    /// Starts a host. By default the clock fast-forwards through every wait, so request timeouts are off (a timer that
    /// fires at once would time every request out); timeout tests pass a <see cref="HeldTimeoutTimeProvider"/>.
    /// </summary>
    public static async Task<GraphTestHost> StartAsync(FakeTenant tenant, Action<MicrosoftGraphOptions>? configure = null, TimeProvider? clock = null, int pageSize = 100, string? clientBaseUrl = null, Action<FakeGraphServer>? server = null)
    {
        clock ??= new FastForwardTimeProvider();
        var fake = await FakeGraphServer.StartAsync(tenant, clock);
        fake.PageSize = pageSize;
        server?.Invoke(fake);
        var options = new MicrosoftGraphOptions { Cloud = CloudEnvironment.Global, RequestTimeout = Timeout.InfiniteTimeSpan };
        configure?.Invoke(options);
        if (clientBaseUrl is not null && options.BaseUrl is null)
        {
            options.BaseUrl = new Uri(fake.Root);
        }

        return new GraphTestHost(fake, clock, options, clientBaseUrl);
    }

    public static Task<GraphTestHost> StartAsync(string fixture, Action<MicrosoftGraphOptions>? configure = null, TimeProvider? clock = null, int pageSize = 100) =>
        StartAsync(FakeTenant.FromFixture(fixture), configure, clock, pageSize);

    public async ValueTask DisposeAsync()
    {
        LoggerFactory.Dispose();
        Client.Dispose();
        http.Dispose();
        await Server.DisposeAsync();
    }
}
