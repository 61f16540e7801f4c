using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>
/// Sends one Microsoft Graph request for the plan runner. The core never references Microsoft.Graph: the
/// <c>CodeTwo.AuthDiagnostics.Graph</c> package implements this on a <c>GraphServiceClient</c>, and
/// <c>CodeTwo.AuthDiagnostics.Testing</c> on an in-memory tenant. Implementations authenticate the request
/// themselves and must not throw for HTTP error statuses (return them); they may throw on transport failures.
/// </summary>
public interface IGraphExecutor
{
    /// <summary>Sends <paramref name="request"/> and returns Graph's answer.</summary>
    /// <param name="request">Method, absolute URL, JSON body and extra headers.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<GraphResponse> SendAsync(GraphRequest request, CancellationToken cancellationToken);
}
