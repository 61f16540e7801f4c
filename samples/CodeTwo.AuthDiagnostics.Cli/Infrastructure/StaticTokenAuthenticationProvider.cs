using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace CodeTwo.AuthDiagnostics.Cli.Infrastructure;

/// <summary>
/// Sends a caller-supplied access token (<c>--access-token</c>) to one Graph host only, so the token can never leave
/// for another address. The token is never written to output or logs.
/// </summary>
internal sealed class StaticTokenAuthenticationProvider(string token, string allowedHost) : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.URI.Host, allowedHost, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"refusing to send the access token to '{request.URI.Host}'; it is only for '{allowedHost}'");
        }

        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", "Bearer " + token);
        return Task.CompletedTask;
    }
}
