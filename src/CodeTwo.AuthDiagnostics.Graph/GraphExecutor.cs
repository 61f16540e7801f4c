using System.Text;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Graph.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using GraphServiceClient = Microsoft.Graph.GraphServiceClient;

namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>
/// Sends the Graph requests of a remediation plan (for <see cref="PlanRunner"/>) through the host's
/// <see cref="GraphServiceClient"/> request adapter: the plan's absolute URL (re-based onto
/// <see cref="MicrosoftGraphOptions.BaseUrl"/> when one is set), its JSON body, and back Graph's status, headers and
/// body. HTTP error statuses are returned, never thrown; the plan runner decides about retries, so this executor sends
/// each request exactly once (the client's own retry handler is switched off for it). Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var executor = new GraphExecutor(graphClient);
/// var source = new GraphSnapshotSource(graphClient);
/// var runner = new PlanRunner(executor, diagnostics, TimeProvider.System, source);
/// PlanRun run = await runner.RunAsync(diagnosis, new PlanRunOptions { Mode = RunMode.Apply, Approver = PlanApprovers.All }, cancellationToken);
/// </code>
/// </example>
public sealed partial class GraphExecutor : IGraphExecutor
{
    private readonly GraphTransport transport;
    private readonly ILogger logger;

    /// <summary>Creates an executor on the host's Graph client.</summary>
    /// <param name="client">The host's client (authentication, base URL and HTTP pipeline come from it).</param>
    /// <param name="options">Cloud, base-URL override and timeout; <see langword="null"/> for the defaults.</param>
    /// <param name="time">The clock for the request timeout; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">The logger; it never receives tokens, headers, bodies or query strings.</param>
    public GraphExecutor(GraphServiceClient client, MicrosoftGraphOptions? options = null, TimeProvider? time = null, ILogger<GraphExecutor>? logger = null)
        : this(new GraphTransport((client ?? throw new ArgumentNullException(nameof(client))).RequestAdapter, options ?? new MicrosoftGraphOptions(), time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance))
    {
    }

    internal GraphExecutor(GraphTransport transport)
    {
        this.transport = transport;
        logger = transport.Logger;
    }

    /// <summary>
    /// Sends <paramref name="request"/> once and returns Graph's answer, whatever its status.
    /// </summary>
    /// <param name="request">The method, the absolute URL on the tenant's cloud (or on the configured base URL) and the JSON body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException">The URL is not on the Graph endpoint of the configured cloud nor on the base URL in use (the access token is never sent elsewhere).</exception>
    /// <exception cref="HttpRequestException">The request did not get through, or got no answer within <see cref="MicrosoftGraphOptions.RequestTimeout"/>; whether a write took effect is then unknown.</exception>
    public async Task<GraphResponse> SendAsync(GraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!transport.Endpoints.TryRebase(request.Url, out var url))
        {
            throw new ArgumentException(
                $"'{request.Url}' is not a Microsoft Graph URL of the {transport.Endpoints.Cloud} cloud ({transport.Endpoints.CloudGraphBase}) nor of the endpoint in use ({transport.Endpoints.Root}); it was not sent.",
                nameof(request));
        }

        RawResponse response;
        try
        {
            response = await transport.SendOnceAsync(request.Method, url, request.Body is null ? null : Encoding.UTF8.GetBytes(request.Body), null, cancellationToken).ConfigureAwait(false);
        }
        catch (GraphTimeoutException e)
        {
            LogFailed(request.Method, GraphEndpoints.PathOf(url), "timeout");
            throw new HttpRequestException(HttpRequestError.Unknown, e.Message, e);
        }
        catch (HttpRequestException e)
        {
            LogFailed(request.Method, GraphEndpoints.PathOf(url), e.HttpRequestError.ToString());
            throw;
        }

        LogSent(request.Method, GraphEndpoints.PathOf(url), response.Status);
        var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase);
        return new GraphResponse(response.Status, headers, response.Body.IsEmpty ? null : Encoding.UTF8.GetString(response.Body.Span));
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "{Method} {Path} answered {Status}")]
    private partial void LogSent(string method, string path, int status);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "{Method} {Path} did not complete ({Error}); its outcome is unknown")]
    private partial void LogFailed(string method, string path, string error);
}
