using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// Everything a host needs to explain and fix one user's App password situation: the verdict, the findings (root
/// causes first, each with evidence), the counterfactual, and the plan. Immutable.
/// </summary>
public sealed class Diagnosis
{
    /// <summary>The version of the diagnosis JSON contract (see <c>docs/diagnosis-format.md</c>).</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The user as asked for.</summary>
    public string RequestedUser { get; internal init; } = string.Empty;

    /// <summary>The user's object id, when the user is in the snapshot.</summary>
    public string? UserId { get; internal init; }

    /// <summary>The user's principal name, when the user is in the snapshot.</summary>
    public string? UserPrincipalName { get; internal init; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; internal init; }

    /// <summary>The snapshot's capture time.</summary>
    public DateTimeOffset CapturedAt { get; internal init; }

    /// <summary>The snapshot's cloud.</summary>
    public CloudEnvironment Cloud { get; internal init; }

    /// <summary>The answer.</summary>
    public Verdict Verdict { get; internal init; }

    /// <summary>Root causes first, then by severity and code.</summary>
    public IReadOnlyList<Finding> Findings { get; internal init; } = [];

    /// <summary>What the plan's changes would achieve.</summary>
    public Counterfactual Counterfactual { get; internal init; } = new();

    /// <summary>The remediation plan.</summary>
    public RemediationPlan Plan { get; internal init; } = RemediationPlan.Empty;

    /// <summary>
    /// The host's acceptances for this user (not narrowed to another user) that had expired on the capture date: they
    /// accept nothing, so the findings they name drive the verdict and the plan as usual. Empty when there are none.
    /// </summary>
    public IReadOnlyList<AcceptedRisk> ExpiredAcceptances { get; internal init; } = [];

    /// <summary>
    /// The host's acceptances for this user that were in force but covered no finding (the risk is gone, or the code,
    /// user or policy is wrong). Empty when there are none.
    /// </summary>
    public IReadOnlyList<AcceptedRisk> UnusedAcceptances { get; internal init; } = [];

    /// <summary>The root-cause findings.</summary>
    public IEnumerable<Finding> RootCauses => Findings.Where(f => f.RootCause);

    internal Diagnosis()
    {
    }

    /// <summary>A copy of <paramref name="other"/>, for the library's non-destructive changes.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    internal Diagnosis(Diagnosis other)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequestedUser = other.RequestedUser;
        UserId = other.UserId;
        UserPrincipalName = other.UserPrincipalName;
        TenantId = other.TenantId;
        CapturedAt = other.CapturedAt;
        Cloud = other.Cloud;
        Verdict = other.Verdict;
        Findings = other.Findings;
        Counterfactual = other.Counterfactual;
        Plan = other.Plan;
        ExpiredAcceptances = other.ExpiredAcceptances;
        UnusedAcceptances = other.UnusedAcceptances;
    }
}
