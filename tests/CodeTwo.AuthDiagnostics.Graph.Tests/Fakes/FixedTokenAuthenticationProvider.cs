using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace CodeTwo.AuthDiagnostics.Graph.Fakes;

/// <summary>Adds a fixed bearer token to every request, as a real credential would (tests only).</summary>
public sealed class FixedTokenAuthenticationProvider(string token) : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", "Bearer " + token);
        return Task.CompletedTask;
    }
}
