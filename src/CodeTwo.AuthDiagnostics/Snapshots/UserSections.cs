using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>The per-user sections of a snapshot's user entry.</summary>
internal sealed record UserSections
{
    /// <summary>Every section not captured.</summary>
    public static UserSections NotCaptured { get; } = new();

    /// <summary><c>authenticationRequirements</c>: <c>GET /beta/users/{id}/authentication/requirements</c>.</summary>
    public Section<AuthenticationRequirements> AuthenticationRequirements { get; internal init; } = Section<AuthenticationRequirements>.Absent;

    /// <summary><c>authenticationMethods</c>: <c>GET /v1.0/users/{id}/authentication/methods</c>.</summary>
    public Section<IReadOnlyList<AuthenticationMethod>> AuthenticationMethods { get; internal init; } = Section<IReadOnlyList<AuthenticationMethod>>.Absent;

    /// <summary><c>transitiveMemberOf</c>: <c>GET /v1.0/users/{id}/transitiveMemberOf</c> (all pages).</summary>
    public Section<IReadOnlyList<DirectoryObject>> TransitiveMemberOf { get; internal init; } = Section<IReadOnlyList<DirectoryObject>>.Absent;

    /// <summary>
    /// <c>conditionalAccessEvaluation</c> (optional; catalog v1.2): Microsoft's What-If answers for the user's
    /// app-password sign-ins and security-info registration. Absent from a document means not captured.
    /// </summary>
    public Section<IReadOnlyList<ConditionalAccessEvaluation>> ConditionalAccessEvaluation { get; internal init; } = Section<IReadOnlyList<ConditionalAccessEvaluation>>.Absent;

    /// <summary>
    /// <c>signIns</c> (optional; catalog v1.2): the user's legacy-client sign-ins of the 7 days before the capture,
    /// newest first. Absent from a document means not captured.
    /// </summary>
    public Section<SignInList> SignIns { get; internal init; } = Section<SignInList>.Absent;
}
