using System.Globalization;
using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// The fast answer for one user: the verdict and the codes that fired (root causes marked), with no text, no evidence
/// and no plan. Agrees with <see cref="IAuthDiagnostics.Diagnose"/> on the verdict, the codes and the root causes; use it
/// to audit a whole tenant, then diagnose the users that need an explanation.
/// </summary>
/// <remarks>
/// A small immutable value: assessing allocates nothing beyond it. <see cref="Codes"/> and <see cref="RootCauses"/> are
/// read-only lists shared by every assessment with the same codes; <see cref="Has"/> and <see cref="IsRootCause"/>
/// answer without building them. A struct always has a default value: <c>default(Assessment)</c> assesses nobody and
/// claims nothing — its <see cref="RequestedUser"/> is empty, it has no codes, and its verdict is
/// <see cref="Verdict.Indeterminate"/>, never <see cref="Verdict.Available"/>.
/// </remarks>
public readonly struct Assessment : IEquatable<Assessment>
{
    private readonly CodeTable? table;
    private readonly ulong codes;
    private readonly ulong roots;
    private readonly string? requestedUser;
    private readonly Verdict verdict;

    internal Assessment(string requestedUser, string? userId, string? userPrincipalName, Verdict verdict, CodeTable table, ulong codes, ulong roots)
    {
        this.requestedUser = requestedUser;
        UserId = userId;
        UserPrincipalName = userPrincipalName;
        this.verdict = verdict;
        this.table = table;
        this.codes = codes;
        this.roots = roots;
    }

    /// <summary>The user as asked for (UPN or object id).</summary>
    public string RequestedUser => requestedUser ?? string.Empty;

    /// <summary>The user's object id; <see langword="null"/> when the user is not in the snapshot.</summary>
    public string? UserId { get; }

    /// <summary>The user's UPN; <see langword="null"/> when the user is not in the snapshot.</summary>
    public string? UserPrincipalName { get; }

    /// <summary>Whether App password is available and usable for the user.</summary>
    public Verdict Verdict => table is null ? Verdict.Indeterminate : verdict;

    /// <summary>The codes that fired, in code order (each once).</summary>
    public IReadOnlyList<string> Codes => table?.Names(codes) ?? [];

    /// <summary>The codes of the root causes (the findings that decide the verdict), in code order.</summary>
    public IReadOnlyList<string> RootCauses => table?.Names(roots) ?? [];

    /// <summary>Whether <paramref name="code"/> fired.</summary>
    /// <param name="code">A diagnostic code, such as <c>APW011</c>.</param>
    public bool Has(string code) => table is not null && (codes & table.Mask(code)) != 0;

    /// <summary>Whether <paramref name="code"/> fired as a root cause.</summary>
    /// <param name="code">A diagnostic code, such as <c>APW011</c>.</param>
    public bool IsRootCause(string code) => table is not null && (roots & table.Mask(code)) != 0;

    /// <summary>Whether two assessments are of the same user, with the same verdict, codes and root causes.</summary>
    public static bool operator ==(Assessment left, Assessment right) => left.Equals(right);

    /// <summary>Whether two assessments differ.</summary>
    public static bool operator !=(Assessment left, Assessment right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Assessment other) =>
        string.Equals(RequestedUser, other.RequestedUser, StringComparison.Ordinal)
        && string.Equals(UserId, other.UserId, StringComparison.Ordinal)
        && string.Equals(UserPrincipalName, other.UserPrincipalName, StringComparison.Ordinal)
        && Verdict == other.Verdict
        && Codes.SequenceEqual(other.Codes, StringComparer.Ordinal)
        && RootCauses.SequenceEqual(other.RootCauses, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Assessment other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RequestedUser, UserId, Verdict, Codes.Count, RootCauses.Count);

    /// <summary>One line: the user, the verdict and the codes (root causes marked with <c>*</c>).</summary>
    public override string ToString()
    {
        var self = this;
        string list = string.Join(", ", Codes.Select(c => self.IsRootCause(c) ? c + "*" : c));
        return string.Create(CultureInfo.InvariantCulture, $"{UserPrincipalName ?? RequestedUser}: {Verdict.ToString().ToLowerInvariant()} ({list})");
    }
}
