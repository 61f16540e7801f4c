
namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>A request the <see cref="InMemoryTenant"/> received, and what it answered.</summary>
/// <param name="Request">The request.</param>
/// <param name="StatusCode">The status it answered with.</param>
/// <param name="At">When (on the tenant's clock).</param>
public sealed record RecordedRequest(GraphRequest Request, int StatusCode, DateTimeOffset At)
{
    /// <summary>Whether the request is a write (anything but GET).</summary>
    public bool IsWrite => !string.Equals(Request.Method, "GET", StringComparison.OrdinalIgnoreCase);
}
