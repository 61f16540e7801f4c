namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>One entry of <c>GET /v1.0/identity/conditionalAccess/policies</c>.</summary>
internal sealed record ConditionalAccessPolicy : GraphObject
{
    /// <summary>The policy id.</summary>
    public string Id { get; internal init; } = string.Empty;

    /// <summary>The display name.</summary>
    public string? DisplayName { get; internal init; }

    /// <summary>Enabled, disabled or report-only.</summary>
    public ConditionalAccessPolicyState State { get; internal init; }

    /// <summary>The value of <c>state</c> as written in the snapshot.</summary>
    public string StateValue { get; internal init; } = string.Empty;

    /// <summary>The conditions that decide when the policy applies.</summary>
    public ConditionalAccessConditions Conditions { get; internal init; } = ConditionalAccessConditions.Empty;

    /// <summary>The grant controls; <see langword="null"/> for a policy with session controls only.</summary>
    public ConditionalAccessGrantControls? GrantControls { get; internal init; }

    /// <summary>The position of this policy in the section's array.</summary>
    public int Index { get; internal init; }
}

/// <summary>The <c>conditions</c> of a Conditional Access policy, with the members the diagnosis reads.</summary>
internal sealed record ConditionalAccessConditions
{
    internal static ConditionalAccessConditions Empty { get; } = new();

    /// <summary>Which users the policy targets.</summary>
    public ConditionalAccessUsers Users { get; internal init; } = ConditionalAccessUsers.Empty;

    /// <summary>Which resources (applications) and user actions the policy targets.</summary>
    public ConditionalAccessApplications Applications { get; internal init; } = ConditionalAccessApplications.Empty;

    /// <summary>The client app types; empty means all of them.</summary>
    public IReadOnlyList<ClientAppType> ClientAppTypes { get; internal init; } = [];

    /// <summary>The conditions present that depend on the sign-in itself (<c>locations</c>, <c>platforms</c>, <c>devices</c>, risk levels, <c>applications.applicationFilter</c>), by their JSON names.</summary>
    public IReadOnlyList<string> SignInDependentConditions { get; internal init; } = [];

    /// <summary>
    /// Whether <c>authenticationFlows</c> is present (an object whose <c>transferMethods</c> is neither empty nor
    /// <c>none</c>): the policy then applies only to device code flow and authentication transfer, never to an
    /// app-password sign-in.
    /// </summary>
    public bool LimitedToAuthenticationFlows { get; internal init; }
}

/// <summary>Graph's <c>conditionalAccessUsers</c>.</summary>
internal sealed record ConditionalAccessUsers
{
    internal static ConditionalAccessUsers Empty { get; } = new();

    /// <summary>User ids, or the literals <c>All</c>, <c>None</c>, <c>GuestsOrExternalUsers</c>.</summary>
    public IReadOnlyList<string> IncludeUsers { get; internal init; } = [];

    /// <summary>User ids, or <c>GuestsOrExternalUsers</c>. Exclusions win over inclusions.</summary>
    public IReadOnlyList<string> ExcludeUsers { get; internal init; } = [];

    /// <summary>Group ids (or <c>All</c>).</summary>
    public IReadOnlyList<string> IncludeGroups { get; internal init; } = [];

    /// <summary>Group ids.</summary>
    public IReadOnlyList<string> ExcludeGroups { get; internal init; } = [];

    /// <summary>Directory role template ids (or <c>All</c>).</summary>
    public IReadOnlyList<string> IncludeRoles { get; internal init; } = [];

    /// <summary>Directory role template ids.</summary>
    public IReadOnlyList<string> ExcludeRoles { get; internal init; } = [];

    /// <summary>Whether <c>includeGuestsOrExternalUsers</c> is set (an object that matches guests).</summary>
    public bool IncludeGuestsOrExternalUsers { get; internal init; }

    /// <summary>Whether <c>excludeGuestsOrExternalUsers</c> is set (an object that matches guests).</summary>
    public bool ExcludeGuestsOrExternalUsers { get; internal init; }
}

/// <summary>Graph's <c>conditionalAccessApplications</c>.</summary>
internal sealed record ConditionalAccessApplications
{
    internal static ConditionalAccessApplications Empty { get; } = new();

    /// <summary>App ids, or <c>All</c>, <c>None</c>, <c>Office365</c>, <c>MicrosoftAdminPortals</c>.</summary>
    public IReadOnlyList<string> IncludeApplications { get; internal init; } = [];

    /// <summary>App ids, or <c>Office365</c>, <c>MicrosoftAdminPortals</c>.</summary>
    public IReadOnlyList<string> ExcludeApplications { get; internal init; } = [];

    /// <summary>User actions, for example <c>urn:user:registersecurityinfo</c>.</summary>
    public IReadOnlyList<string> IncludeUserActions { get; internal init; } = [];

    /// <summary>Authentication context class references.</summary>
    public IReadOnlyList<string> IncludeAuthenticationContextClassReferences { get; internal init; } = [];
}

/// <summary>Graph's <c>conditionalAccessGrantControls</c>.</summary>
internal sealed record ConditionalAccessGrantControls
{
    /// <summary><c>AND</c> or <c>OR</c>.</summary>
    public string? Operator { get; internal init; }

    /// <summary>The built-in controls.</summary>
    public IReadOnlyList<BuiltInControl> BuiltInControls { get; internal init; } = [];

    /// <summary>The built-in controls as written in the snapshot.</summary>
    public IReadOnlyList<string> BuiltInControlValues { get; internal init; } = [];

    /// <summary>Terms of use ids.</summary>
    public IReadOnlyList<string> TermsOfUse { get; internal init; } = [];

    /// <summary>Custom authentication factors.</summary>
    public IReadOnlyList<string> CustomAuthenticationFactors { get; internal init; } = [];

    /// <summary>Whether an authentication strength is required.</summary>
    public bool HasAuthenticationStrength { get; internal init; }

    /// <summary>The authentication strength's display name, when present.</summary>
    public string? AuthenticationStrengthName { get; internal init; }
}
