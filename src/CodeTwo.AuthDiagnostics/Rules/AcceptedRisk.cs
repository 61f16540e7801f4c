using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// A finding an administrator has accepted: by code, optionally narrowed to one user and/or one Conditional Access
/// policy, with the reason, who accepted it and until when. An accepted finding stays in the diagnosis, marked
/// (<see cref="Finding.Acceptance"/>), but no longer drives the verdict, the root causes or the plan.
/// </summary>
/// <param name="Code">The catalog code accepted, for example <c>APW010</c>.</param>
/// <param name="Reason">Why the risk is accepted (shown next to the finding).</param>
/// <param name="AcceptedBy">Who accepted it (a name or an address).</param>
/// <param name="Expires">
/// The last day the acceptance is in force, compared with the UTC calendar date of the snapshot's <c>capturedAt</c> (never
/// the wall clock): in force while that date is on or before <paramref name="Expires"/>. An expired acceptance changes
/// nothing and is reported (<see cref="Diagnosis.ExpiredAcceptances"/>).
/// </param>
/// <example>
/// <code>
/// options.AcceptedRisks.Add(new AcceptedRisk("APW010", "Backup appliance until the Graph migration", "it@contoso.com", new DateOnly(2027, 6, 30))
/// {
///     User = "backup@contoso.com",
/// });
/// </code>
/// </example>
public sealed record AcceptedRisk(string Code, string Reason, string AcceptedBy, DateOnly Expires)
{
    /// <summary>Narrows the acceptance to one user (UPN or object id, case-insensitive); <see langword="null"/> for every user.</summary>
    public string? User { get; init; }

    /// <summary>
    /// Narrows the acceptance to the findings about one Conditional Access policy (its id, case-insensitive);
    /// <see langword="null"/> for every finding with <see cref="Code"/>.
    /// </summary>
    public string? PolicyId { get; init; }

    /// <summary>Whether the acceptance is in force for a snapshot captured at <paramref name="capturedAt"/> (its UTC date on or before <see cref="Expires"/>).</summary>
    internal bool InForceAt(DateTimeOffset capturedAt) => DateOnly.FromDateTime(capturedAt.UtcDateTime) <= Expires;

    /// <summary>Whether the acceptance covers the user of a diagnosis (its object id, its UPN, or as it was asked for).</summary>
    internal bool Covers(string? userId, string? userPrincipalName, string requestedUser) =>
        User is not { } user
        || string.Equals(user, userId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(user, userPrincipalName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(user, requestedUser, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the acceptance covers a finding of the diagnosis's user (same code; same policy when narrowed to one).</summary>
    internal bool Covers(Finding finding) =>
        string.Equals(Code, finding.Code, StringComparison.Ordinal)
        && (PolicyId is null || string.Equals(PolicyId, finding.PolicyId, StringComparison.OrdinalIgnoreCase));
}
