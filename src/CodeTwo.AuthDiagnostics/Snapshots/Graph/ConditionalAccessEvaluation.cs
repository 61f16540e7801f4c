namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>
/// One entry of the <c>conditionalAccessEvaluation</c> user section (catalog v1.2): the body POSTed to
/// <c>/v1.0/identity/conditionalAccess/evaluate</c> (Microsoft's What-If) and the answer's <c>whatIfAnalysisResult</c>
/// list. <see cref="GraphObject.Json"/> is the <c>{ "request": …, "value": […] }</c> entry as written.
/// </summary>
internal sealed record ConditionalAccessEvaluation : GraphObject
{
    /// <summary>What the evaluated sign-in was for, from <c>request.signInContext</c>'s <c>@odata.type</c>.</summary>
    public EvaluationContextKind ContextKind { get; internal init; }

    /// <summary>For a user-action context: <c>userAction</c> (<c>registerSecurityInformation</c>, …).</summary>
    public string? UserAction { get; internal init; }

    /// <summary>For an application context: <c>includeApplications</c>.</summary>
    public IReadOnlyList<string> IncludeApplications { get; internal init; } = [];

    /// <summary><c>request.signInConditions.clientAppType</c>; <see cref="CodeTwo.AuthDiagnostics.ClientAppType.All"/> when not sent (Graph's default).</summary>
    public ClientAppType ClientAppType { get; internal init; } = ClientAppType.All;

    /// <summary>Microsoft's answer: one result per policy evaluated, in answer order.</summary>
    public IReadOnlyList<WhatIfResult> Results { get; internal init; } = [];

    /// <summary>The position of this evaluation in the section's array.</summary>
    public int Index { get; internal init; }

    /// <summary>
    /// Worked out when the snapshot is read: the classified policies (<see cref="ClassifiedPolicies"/>, as bits) Microsoft
    /// says apply; <see langword="null"/> when the tenant's Conditional Access section was not captured.
    /// </summary>
    internal ulong[]? AppliesBits { get; init; }

    /// <summary>The classified policies Microsoft says do not apply for a reason that does not depend on the sign-in (catalog v1.2 §2).</summary>
    internal ulong[]? DoesNotApplyBits { get; init; }

    /// <summary>Whether this is the <c>registerSecurityInformation</c> user-action evaluation (read once, with the snapshot).</summary>
    internal bool IsSecurityInfoRegistration { get; init; }

}

/// <summary>The kinds of <c>signInContext</c> a What-If request can carry.</summary>
internal enum EvaluationContextKind
{
    /// <summary>A context this library does not know.</summary>
    Unknown = 0,

    /// <summary><c>#microsoft.graph.applicationContext</c>: a sign-in to the listed applications.</summary>
    Application,

    /// <summary><c>#microsoft.graph.userActionContext</c>: a user action such as registering security info.</summary>
    UserAction,

    /// <summary><c>#microsoft.graph.authContext</c>: an authentication context.</summary>
    AuthenticationContext,
}

/// <summary>One <c>whatIfAnalysisResult</c>: a Conditional Access policy with Microsoft's answer for the evaluated sign-in.</summary>
internal sealed record WhatIfResult : GraphObject
{
    /// <summary>The policy id.</summary>
    public string Id { get; internal init; } = string.Empty;

    /// <summary>The policy's display name, when returned.</summary>
    public string? DisplayName { get; internal init; }

    /// <summary>Whether the policy applies to the evaluated sign-in.</summary>
    public bool PolicyApplies { get; internal init; }

    /// <summary><c>analysisReasons</c>, split at its commas (Graph's flags enum); empty when absent.</summary>
    public IReadOnlyList<string> AnalysisReasons { get; internal init; } = [];

    /// <summary><c>analysisReasons</c> as written (empty when absent).</summary>
    public string AnalysisReasonsValue { get; internal init; } = string.Empty;

    /// <summary>The position of this result in the evaluation's <c>value</c> array.</summary>
    public int Index { get; internal init; }

    /// <summary>
    /// Whether the answer is an authoritative "does not apply" (catalog v1.2 §2): <see cref="PolicyApplies"/> is false and
    /// every reason is one that does not depend on the sign-in (<c>users</c>, <c>application</c>, <c>clientApps</c>,
    /// <c>userActions</c>, <c>authenticationFlow</c>, <c>policyNotEnabled</c>, <c>emptyPolicy</c>).
    /// </summary>
    internal bool AuthoritativeNo { get; init; }

    private static readonly string[] AuthoritativeReasons =
        ["users", "application", "clientApps", "userActions", "authenticationFlow", "policyNotEnabled", "emptyPolicy"];

    /// <summary>Whether every one of <paramref name="reasons"/> (at least one) is authoritative for "does not apply".</summary>
    internal static bool AllAuthoritative(IReadOnlyList<string> reasons)
    {
        if (reasons.Count == 0)
        {
            return false;
        }

        foreach (string reason in reasons)
        {
            if (Array.FindIndex(AuthoritativeReasons, r => string.Equals(r, reason, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
