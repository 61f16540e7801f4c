using RulesEngine.Models;

namespace CodeTwo.AuthDiagnostics.Benchmarks.Comparison;

/// <summary>
/// The nine app-password checks as a Microsoft RulesEngine workflow of lambda-expression rules over
/// <see cref="UserInput"/> (parameter <c>user</c>) and <see cref="TenantInput"/> (parameter <c>tenant</c>).
/// A pass/fail per check, nothing more: no evidence, no root causes, no plan, no counterfactual.
/// </summary>
internal static class RulesEngineChecks
{
    public const string WorkflowName = "AppPasswordChecks";

    public const string UserPresent = "1-UserPresent";
    public const string AccountEnabled = "2-AccountEnabled";
    public const string NotGuest = "3-NotGuest";
    public const string PerUserMfaEnforced = "4-PerUserMfaEnforced";
    public const string AppPasswordsAllowed = "5-AppPasswordsAllowed";
    public const string SecurityDefaultsOff = "6-SecurityDefaultsOff";
    public const string NoBlockingPolicy = "7-NoBlockingConditionalAccessPolicy";
    public const string NoUnsatisfiableGrantPolicy = "8-NoUnsatisfiableGrantConditionalAccessPolicy";
    public const string MfaMethodRegistered = "9-MfaCapableMethodRegistered";

    private const string ExchangeOnline = "00000002-0000-0ff1-ce00-000000000000";

    // An enabled policy that applies to the user: exclusions (users, guests, groups, roles) win over inclusions.
    private const string AppliesToUser =
        "p.State == \"enabled\""
        + " && !(p.ExcludeUsers.Contains(user.Id) || (p.ExcludeGuests && user.IsGuest)"
        + " || p.ExcludeGroups.Any(g => user.GroupIds.Contains(g)) || p.ExcludeRoles.Any(r => user.RoleTemplateIds.Contains(r)))"
        + " && (p.IncludeUsers.Contains(\"All\") || p.IncludeUsers.Contains(user.Id) || (p.IncludeGuests && user.IsGuest)"
        + " || p.IncludeGroups.Any(g => user.GroupIds.Contains(g)) || p.IncludeRoles.Any(r => user.RoleTemplateIds.Contains(r)))";

    // ... that targets Exchange Online (All, Office365 or the app id, not excluded), covers legacy clients and does
    // not depend on the sign-in (no location/platform/device/risk condition, not limited to authentication flows).
    private const string HitsLegacyExchangeSignIns =
        " && (p.IncludeApplications.Contains(\"All\") || p.IncludeApplications.Contains(\"Office365\") || p.IncludeApplications.Contains(\"" + ExchangeOnline + "\"))"
        + " && !(p.ExcludeApplications.Contains(\"Office365\") || p.ExcludeApplications.Contains(\"" + ExchangeOnline + "\"))"
        + " && (p.ClientAppTypes.Count == 0 || p.ClientAppTypes.Contains(\"all\") || p.ClientAppTypes.Contains(\"other\") || p.ClientAppTypes.Contains(\"exchangeActiveSync\"))"
        + " && p.SignInDependentConditions == 0 && !p.LimitedToAuthenticationFlows";

    private const string Blocks = " && p.BuiltInControls.Contains(\"block\")";

    private const string RequiresWhatLegacyCannotSatisfy =
        " && (p.BuiltInControls.Contains(\"mfa\") || p.BuiltInControls.Contains(\"compliantDevice\") || p.BuiltInControls.Contains(\"domainJoinedDevice\")"
        + " || p.HasAuthenticationStrength || p.HasTermsOfUse)";

    public static Workflow Workflow() => new()
    {
        WorkflowName = WorkflowName,
        Rules =
        [
            Lambda(UserPresent, "user.Exists"),
            Lambda(AccountEnabled, "user.AccountEnabled == true"),
            Lambda(NotGuest, "user.UserType != \"Guest\""),
            Lambda(PerUserMfaEnforced, "user.PerUserMfaState == \"enforced\""),
            Lambda(AppPasswordsAllowed, "tenant.AllowAppPasswords == true"),
            Lambda(SecurityDefaultsOff, "tenant.SecurityDefaultsEnabled == false"),
            Lambda(NoBlockingPolicy, "!tenant.Policies.Any(p => " + AppliesToUser + HitsLegacyExchangeSignIns + Blocks + ")"),
            Lambda(NoUnsatisfiableGrantPolicy, "!tenant.Policies.Any(p => " + AppliesToUser + HitsLegacyExchangeSignIns + RequiresWhatLegacyCannotSatisfy + ")"),
            Lambda(MfaMethodRegistered, "user.MethodTypes.Any(m => m != \"#microsoft.graph.passwordAuthenticationMethod\" && m != \"#microsoft.graph.emailAuthenticationMethod\")"),
        ],
    };

    /// <summary>
    /// A RulesEngine with the workflow, set up for speed: no formatted messages, no scoped params (the rules use none),
    /// exceptions thrown rather than turned into messages (a broken expression must fail the benchmark, not pass as "false").
    /// </summary>
    public static global::RulesEngine.RulesEngine Create() => new(
        [Workflow()],
        new ReSettings
        {
            EnableFormattedErrorMessage = false,
            EnableScopedParams = false,
            EnableExceptionAsErrorMessage = false,
            IgnoreException = false,
        });

    /// <summary>The rule parameters for one user (built once per user, outside the measured code).</summary>
    public static RuleParameter[] Parameters(UserInput user, TenantInput tenant) =>
        [new RuleParameter("user", user), new RuleParameter("tenant", tenant)];

    private static Rule Lambda(string name, string expression) => new()
    {
        RuleName = name,
        RuleExpressionType = RuleExpressionType.LambdaExpression,
        Expression = expression,
        ErrorMessage = name + " failed",
    };
}
