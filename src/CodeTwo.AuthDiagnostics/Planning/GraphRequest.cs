using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics;

/// <summary>One Microsoft Graph request of a plan.</summary>
/// <param name="Method">The HTTP method (<c>GET</c>, <c>PATCH</c>, <c>POST</c>).</param>
/// <param name="Url">The absolute URL, on the snapshot's cloud.</param>
/// <param name="Body">The JSON body (compact, deterministic), or <see langword="null"/> for none.</param>
public sealed record GraphRequest(string Method, string Url, string? Body);
