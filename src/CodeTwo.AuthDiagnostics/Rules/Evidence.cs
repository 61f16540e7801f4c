using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>One fact behind a finding: where in the snapshot, what it holds, and what would be needed.</summary>
/// <param name="Path">A JSON pointer (RFC 6901) into the snapshot document, for example <c>/users/0/sections/authenticationRequirements/value/perUserMfaState</c>.</param>
/// <param name="ActualJson">The value found there as JSON text (for example <c>"disabled"</c>), or <see langword="null"/> when the place is absent.</param>
/// <param name="Expected">What would be needed there, in words or as a JSON value.</param>
public sealed record Evidence(string Path, string? ActualJson, string Expected);
