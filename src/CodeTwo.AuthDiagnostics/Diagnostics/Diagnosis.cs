using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Diagnostics;

/// <summary>
/// Everything a host needs to explain and fix one user's App password situation: the verdict, the findings (root
/// causes first, each with evidence), the counterfactual, and the plan. Immutable.
/// </summary>
public sealed record Diagnosis
{
    /// <summary>The version of the diagnosis JSON contract (see <c>docs/diagnosis-format.md</c>).</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The user as asked for.</summary>
    public required string RequestedUser { get; init; }

    /// <summary>The user's object id, when the user is in the snapshot.</summary>
    public string? UserId { get; init; }

    /// <summary>The user's principal name, when the user is in the snapshot.</summary>
    public string? UserPrincipalName { get; init; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; init; }

    /// <summary>The snapshot's capture time.</summary>
    public DateTimeOffset CapturedAt { get; init; }

    /// <summary>The snapshot's cloud.</summary>
    public Snapshots.CloudEnvironment Cloud { get; init; }

    /// <summary>The answer.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Root causes first, then by severity and code.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>What the plan's changes would achieve.</summary>
    public Counterfactual Counterfactual { get; init; } = new();

    /// <summary>The remediation plan.</summary>
    public RemediationPlan Plan { get; init; } = RemediationPlan.Empty;

    /// <summary>The root-cause findings.</summary>
    public IEnumerable<Finding> RootCauses => Findings.Where(f => f.RootCause);
}
