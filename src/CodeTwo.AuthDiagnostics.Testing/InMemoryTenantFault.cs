using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>A fault the <see cref="InMemoryTenant"/> injects into matching requests.</summary>
/// <param name="Matches">Which requests it applies to.</param>
/// <param name="StatusCode">The status to answer with.</param>
/// <param name="Times">How many matching requests it hits (then it is spent); <see langword="null"/> for all.</param>
/// <param name="RetryAfterSeconds">A <c>Retry-After</c> header to send, if any.</param>
/// <param name="ErrorCode">The Graph error code in the body.</param>
/// <param name="Message">The Graph error message in the body.</param>
public sealed record InMemoryTenantFault(Func<GraphRequest, bool> Matches, int StatusCode, int? Times = null, int? RetryAfterSeconds = null, string? ErrorCode = null, string? Message = null);
