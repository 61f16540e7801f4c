using System.Collections.Immutable;

namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>Why a section could not be read: the Graph error response, and the permissions that reading it needs.</summary>
/// <param name="HttpStatus">The HTTP status Graph answered with (for example 403).</param>
/// <param name="Code">Graph's error code (for example <c>Authorization_RequestDenied</c>), when known.</param>
/// <param name="Message">Graph's error message, when known.</param>
/// <param name="RequiredPermissions">The Graph permissions that reading the section needs (for example <c>Policy.Read.All</c>).</param>
internal sealed record SectionError(int HttpStatus, string? Code, string? Message, ImmutableArray<string> RequiredPermissions);
