using CodeTwo.AuthDiagnostics.Testing.Internal;

namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>
/// Configures one Conditional Access policy of a <see cref="SnapshotBuilder"/>, written exactly as
/// <c>GET /v1.0/identity/conditionalAccess/policies</c> returns it. Obtain one through
/// <see cref="SnapshotBuilder.WithConditionalAccessPolicy"/>; every method returns the same builder.
/// </summary>
/// <remarks>
/// <para>
/// Defaults (the classic "Require MFA for all users"): state <c>enabled</c>; when no user, group, role or guest is
/// included, <c>includeUsers: ["All"]</c>; when no application, user action or authentication context is included,
/// <c>includeApplications: ["All"]</c>; <c>clientAppTypes: ["all"]</c>; grant <c>mfa</c> with operator <c>OR</c>
/// until any grant method is called. Sign-in conditions (locations, platforms, devices, risk levels, authentication
/// flows, application filter) are absent (<c>null</c> or <c>[]</c>, as Graph writes them) until set.
/// </para>
/// <para>
/// Include/exclude lists accumulate (duplicates are dropped). Users may be given by id, by the UPN of a user of the
/// builder (resolved to its id when the snapshot is built) or as the literals <c>All</c>, <c>None</c>,
/// <c>GuestsOrExternalUsers</c>; groups by id or by the display name of a group the builder knows.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var snapshot = new SnapshotBuilder()
///     .WithEntraIdP1()
///     .WithUser("backup@contoso.com")
///     .WithConditionalAccessPolicy("Block legacy authentication", p => p
///         .IncludeUsers(KnownUsers.All)
///         .ExcludeUsers("breakglass@contoso.com")
///         .ClientAppTypes(ClientAppType.ExchangeActiveSync, ClientAppType.Other)
///         .Block())
///     .WithUser("breakglass@contoso.com")
///     .Build();
/// </code>
/// </example>
public sealed class ConditionalAccessPolicyBuilder
{
    /// <summary>Every kind of guest or external user, as Graph writes it in <c>guestOrExternalUserTypes</c>.</summary>
    public const string AllGuestOrExternalUserTypes = "internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider";

    internal ConditionalAccessPolicyBuilder(string displayName) => DisplayNameValue = displayName;

    private ConditionalAccessPolicyBuilder(ConditionalAccessPolicyBuilder o)
    {
        DisplayNameValue = o.DisplayNameValue;
        IdOverride = o.IdOverride;
        TemplateIdValue = o.TemplateIdValue;
        StateValue = o.StateValue;
        CreatedValue = o.CreatedValue;
        ModifiedValue = o.ModifiedValue;
        ModifiedSet = o.ModifiedSet;
        IncludeUserList.AddRange(o.IncludeUserList);
        ExcludeUserList.AddRange(o.ExcludeUserList);
        IncludeGroupList.AddRange(o.IncludeGroupList);
        ExcludeGroupList.AddRange(o.ExcludeGroupList);
        IncludeRoleList.AddRange(o.IncludeRoleList);
        ExcludeRoleList.AddRange(o.ExcludeRoleList);
        IncludeGuestTypes = o.IncludeGuestTypes;
        ExcludeGuestTypes = o.ExcludeGuestTypes;
        IncludeApplicationList.AddRange(o.IncludeApplicationList);
        ExcludeApplicationList.AddRange(o.ExcludeApplicationList);
        UserActionList.AddRange(o.UserActionList);
        AuthenticationContextList.AddRange(o.AuthenticationContextList);
        ApplicationFilterValue = o.ApplicationFilterValue;
        ClientAppTypeList = o.ClientAppTypeList is null ? null : [.. o.ClientAppTypeList];
        IncludeLocationList = o.IncludeLocationList is null ? null : [.. o.IncludeLocationList];
        ExcludeLocationList = o.ExcludeLocationList is null ? null : [.. o.ExcludeLocationList];
        IncludePlatformList = o.IncludePlatformList is null ? null : [.. o.IncludePlatformList];
        ExcludePlatformList = o.ExcludePlatformList is null ? null : [.. o.ExcludePlatformList];
        DeviceFilterValue = o.DeviceFilterValue;
        UserRiskList.AddRange(o.UserRiskList);
        SignInRiskList.AddRange(o.SignInRiskList);
        InsiderRiskValue = o.InsiderRiskValue;
        AuthenticationFlowsValue = o.AuthenticationFlowsValue;
        GrantSet = o.GrantSet;
        NoGrant = o.NoGrant;
        BuiltInControlList.AddRange(o.BuiltInControlList);
        OperatorValue = o.OperatorValue;
        AuthenticationStrengthName = o.AuthenticationStrengthName;
        TermsOfUseList.AddRange(o.TermsOfUseList);
        CustomFactorList.AddRange(o.CustomFactorList);
        SignInFrequencyHours = o.SignInFrequencyHours;
        ExtraProperties.AddRange(o.ExtraProperties);
    }

    internal string DisplayNameValue { get; }

    internal string? IdOverride { get; private set; }

    internal string? TemplateIdValue { get; private set; }

    internal string StateValue { get; private set; } = "enabled";

    internal DateTimeOffset? CreatedValue { get; private set; }

    internal DateTimeOffset? ModifiedValue { get; private set; }

    internal bool ModifiedSet { get; private set; }

    internal List<string> IncludeUserList { get; } = [];

    internal List<string> ExcludeUserList { get; } = [];

    internal List<string> IncludeGroupList { get; } = [];

    internal List<string> ExcludeGroupList { get; } = [];

    internal List<string> IncludeRoleList { get; } = [];

    internal List<string> ExcludeRoleList { get; } = [];

    internal string? IncludeGuestTypes { get; private set; }

    internal string? ExcludeGuestTypes { get; private set; }

    internal List<string> IncludeApplicationList { get; } = [];

    internal List<string> ExcludeApplicationList { get; } = [];

    internal List<string> UserActionList { get; } = [];

    internal List<string> AuthenticationContextList { get; } = [];

    internal (FilterMode Mode, string Rule)? ApplicationFilterValue { get; private set; }

    internal List<string>? ClientAppTypeList { get; private set; }

    internal List<string>? IncludeLocationList { get; private set; }

    internal List<string>? ExcludeLocationList { get; private set; }

    internal List<string>? IncludePlatformList { get; private set; }

    internal List<string>? ExcludePlatformList { get; private set; }

    internal (FilterMode Mode, string Rule)? DeviceFilterValue { get; private set; }

    internal List<string> UserRiskList { get; } = [];

    internal List<string> SignInRiskList { get; } = [];

    internal string? InsiderRiskValue { get; private set; }

    internal string? AuthenticationFlowsValue { get; private set; }

    internal bool GrantSet { get; private set; }

    internal bool NoGrant { get; private set; }

    internal List<string> BuiltInControlList { get; } = [];

    internal string OperatorValue { get; private set; } = "OR";

    internal string? AuthenticationStrengthName { get; private set; }

    internal List<string> TermsOfUseList { get; } = [];

    internal List<string> CustomFactorList { get; } = [];

    internal int? SignInFrequencyHours { get; private set; }

    internal List<(string Name, byte[] Utf8Json)> ExtraProperties { get; } = [];

    // ----- identity and state -----

    /// <summary>Sets the policy id instead of the one derived from the display name.</summary>
    /// <param name="id">The policy id (a GUID).</param>
    public ConditionalAccessPolicyBuilder Id(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        IdOverride = DeterministicIds.IsGuid(id) ? id.ToLowerInvariant() : throw new ArgumentException($"A policy id is a GUID; got \"{id}\".", nameof(id));
        return this;
    }

    /// <summary>Sets <c>templateId</c> (the Microsoft template the policy was created from; <c>null</c> by default).</summary>
    /// <param name="templateId">The template id, for example <c>0b2282f9-2862-4178-88b5-d79340b36cb8</c> (Block legacy authentication).</param>
    public ConditionalAccessPolicyBuilder TemplateId(string? templateId)
    {
        TemplateIdValue = templateId;
        return this;
    }

    /// <summary>Sets <c>createdDateTime</c> (by default a stable instant before the capture).</summary>
    /// <param name="instant">When the policy was created.</param>
    public ConditionalAccessPolicyBuilder Created(DateTimeOffset instant)
    {
        CreatedValue = instant;
        return this;
    }

    /// <summary>Sets <c>modifiedDateTime</c>; <see langword="null"/> writes <c>null</c> (never modified).</summary>
    /// <param name="instant">When the policy was last modified.</param>
    public ConditionalAccessPolicyBuilder Modified(DateTimeOffset? instant)
    {
        ModifiedValue = instant;
        ModifiedSet = true;
        return this;
    }

    /// <summary>Sets <c>state</c>. <see cref="ConditionalAccessPolicyState.Unknown"/> writes <c>unknownFutureValue</c>.</summary>
    /// <param name="state">The state.</param>
    public ConditionalAccessPolicyBuilder State(ConditionalAccessPolicyState state)
    {
        StateValue = GraphText.Of(state);
        return this;
    }

    /// <summary>Sets <c>state</c> to any string (for values the library does not know).</summary>
    /// <param name="state">The string Graph returned.</param>
    public ConditionalAccessPolicyBuilder StateRaw(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        StateValue = state;
        return this;
    }

    /// <summary><c>state: "enabled"</c> (the default).</summary>
    public ConditionalAccessPolicyBuilder Enabled() => State(ConditionalAccessPolicyState.Enabled);

    /// <summary><c>state: "disabled"</c>.</summary>
    public ConditionalAccessPolicyBuilder Disabled() => State(ConditionalAccessPolicyState.Disabled);

    /// <summary><c>state: "enabledForReportingButNotEnforced"</c> (report-only).</summary>
    public ConditionalAccessPolicyBuilder ReportOnly() => State(ConditionalAccessPolicyState.EnabledForReportingButNotEnforced);

    // ----- users -----

    /// <summary>Adds to <c>conditions.users.includeUsers</c>: ids, UPNs of the builder's users, or <c>All</c>, <c>None</c>, <c>GuestsOrExternalUsers</c>.</summary>
    /// <param name="users">The users.</param>
    public ConditionalAccessPolicyBuilder IncludeUsers(params string[] users) => Add(IncludeUserList, users, nameof(users));

    /// <summary>Adds to <c>conditions.users.excludeUsers</c>: ids, UPNs of the builder's users, or <c>GuestsOrExternalUsers</c>.</summary>
    /// <param name="users">The users.</param>
    public ConditionalAccessPolicyBuilder ExcludeUsers(params string[] users) => Add(ExcludeUserList, users, nameof(users));

    /// <summary>Adds to <c>conditions.users.includeGroups</c>: group ids, or display names of groups the builder knows.</summary>
    /// <param name="groups">The groups.</param>
    public ConditionalAccessPolicyBuilder IncludeGroups(params string[] groups) => Add(IncludeGroupList, groups, nameof(groups));

    /// <summary>Adds to <c>conditions.users.excludeGroups</c>: group ids, or display names of groups the builder knows.</summary>
    /// <param name="groups">The groups.</param>
    public ConditionalAccessPolicyBuilder ExcludeGroups(params string[] groups) => Add(ExcludeGroupList, groups, nameof(groups));

    /// <summary>Adds to <c>conditions.users.includeRoles</c>: role template ids (see <see cref="KnownRoles"/>).</summary>
    /// <param name="roleTemplateIds">The role template ids.</param>
    public ConditionalAccessPolicyBuilder IncludeRoles(params string[] roleTemplateIds) => AddRoles(IncludeRoleList, roleTemplateIds);

    /// <summary>Adds to <c>conditions.users.excludeRoles</c>: role template ids (see <see cref="KnownRoles"/>).</summary>
    /// <param name="roleTemplateIds">The role template ids.</param>
    public ConditionalAccessPolicyBuilder ExcludeRoles(params string[] roleTemplateIds) => AddRoles(ExcludeRoleList, roleTemplateIds);

    /// <summary>Sets <c>conditions.users.includeGuestsOrExternalUsers</c> (an object that matches guests), for every external tenant.</summary>
    /// <param name="guestOrExternalUserTypes">Graph's comma-separated <c>guestOrExternalUserTypes</c>; every type by default.</param>
    public ConditionalAccessPolicyBuilder IncludeGuestsOrExternalUsers(string guestOrExternalUserTypes = AllGuestOrExternalUserTypes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guestOrExternalUserTypes);
        IncludeGuestTypes = guestOrExternalUserTypes;
        return this;
    }

    /// <summary>Sets <c>conditions.users.excludeGuestsOrExternalUsers</c> (an object that matches guests), for every external tenant.</summary>
    /// <param name="guestOrExternalUserTypes">Graph's comma-separated <c>guestOrExternalUserTypes</c>; every type by default.</param>
    public ConditionalAccessPolicyBuilder ExcludeGuestsOrExternalUsers(string guestOrExternalUserTypes = AllGuestOrExternalUserTypes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guestOrExternalUserTypes);
        ExcludeGuestTypes = guestOrExternalUserTypes;
        return this;
    }

    // ----- applications -----

    /// <summary>Adds to <c>conditions.applications.includeApplications</c>: app ids (see <see cref="KnownApps"/>) or <c>All</c>, <c>None</c>, <c>Office365</c>, <c>MicrosoftAdminPortals</c>.</summary>
    /// <param name="applications">The applications.</param>
    public ConditionalAccessPolicyBuilder IncludeApplications(params string[] applications) => Add(IncludeApplicationList, applications, nameof(applications));

    /// <summary>Adds to <c>conditions.applications.excludeApplications</c>: app ids or <c>Office365</c>, <c>MicrosoftAdminPortals</c>.</summary>
    /// <param name="applications">The applications.</param>
    public ConditionalAccessPolicyBuilder ExcludeApplications(params string[] applications) => Add(ExcludeApplicationList, applications, nameof(applications));

    /// <summary>Adds to <c>conditions.applications.includeUserActions</c> (see <see cref="KnownUserActions"/>).</summary>
    /// <param name="userActions">The user actions.</param>
    public ConditionalAccessPolicyBuilder IncludeUserActions(params string[] userActions) => Add(UserActionList, userActions, nameof(userActions));

    /// <summary>Adds to <c>conditions.applications.includeAuthenticationContextClassReferences</c> (for example <c>c1</c>).</summary>
    /// <param name="classReferences">The authentication context class references.</param>
    public ConditionalAccessPolicyBuilder IncludeAuthenticationContexts(params string[] classReferences) => Add(AuthenticationContextList, classReferences, nameof(classReferences));

    /// <summary>Sets <c>conditions.applications.applicationFilter</c> (a sign-in-dependent condition).</summary>
    /// <param name="rule">The filter rule, for example <c>CustomSecurityAttribute.Dept_Name -eq "Sales"</c>.</param>
    /// <param name="mode">Whether the rule includes or excludes applications.</param>
    public ConditionalAccessPolicyBuilder ApplicationFilter(string rule, FilterMode mode = FilterMode.Include)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ApplicationFilterValue = (GraphText.Checked(mode), rule);
        return this;
    }

    // ----- other conditions -----

    /// <summary>Replaces <c>conditions.clientAppTypes</c> (default <c>["all"]</c>). No argument writes <c>[]</c>, which Graph treats as all.</summary>
    /// <param name="types">The client app types; <see cref="ClientAppType.Unknown"/> writes <c>unknownFutureValue</c>.</param>
    public ConditionalAccessPolicyBuilder ClientAppTypes(params ClientAppType[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        ClientAppTypeList = types.Select(GraphText.Of).Distinct(StringComparer.Ordinal).ToList();
        return this;
    }

    /// <summary>Replaces <c>conditions.clientAppTypes</c> with any strings (for values the library does not know).</summary>
    /// <param name="types">The strings Graph returned.</param>
    public ConditionalAccessPolicyBuilder ClientAppTypesRaw(params string[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        ClientAppTypeList = [.. types];
        return this;
    }

    /// <summary>Adds to <c>conditions.locations.includeLocations</c>: named-location ids or <c>All</c>, <c>AllTrusted</c> (see <see cref="KnownLocations"/>).</summary>
    /// <param name="locations">The locations.</param>
    public ConditionalAccessPolicyBuilder IncludeLocations(params string[] locations) => Add(IncludeLocationList ??= [], locations, nameof(locations));

    /// <summary>Adds to <c>conditions.locations.excludeLocations</c>: named-location ids or <c>AllTrusted</c>.</summary>
    /// <param name="locations">The locations.</param>
    public ConditionalAccessPolicyBuilder ExcludeLocations(params string[] locations) => Add(ExcludeLocationList ??= [], locations, nameof(locations));

    /// <summary>Applies the policy only outside trusted locations: <c>includeLocations ["All"]</c>, <c>excludeLocations ["AllTrusted"]</c>.</summary>
    public ConditionalAccessPolicyBuilder OutsideTrustedLocations() => IncludeLocations(KnownLocations.All).ExcludeLocations(KnownLocations.AllTrusted);

    /// <summary>Adds to <c>conditions.platforms.includePlatforms</c>.</summary>
    /// <param name="platforms">The device platforms.</param>
    public ConditionalAccessPolicyBuilder IncludePlatforms(params DevicePlatform[] platforms) => AddPlatforms(IncludePlatformList ??= [], platforms);

    /// <summary>Adds to <c>conditions.platforms.excludePlatforms</c>.</summary>
    /// <param name="platforms">The device platforms.</param>
    public ConditionalAccessPolicyBuilder ExcludePlatforms(params DevicePlatform[] platforms) => AddPlatforms(ExcludePlatformList ??= [], platforms);

    /// <summary>Sets <c>conditions.devices.deviceFilter</c>.</summary>
    /// <param name="rule">The filter rule, for example <c>device.isCompliant -eq True</c>.</param>
    /// <param name="mode">Whether the rule includes or excludes devices.</param>
    public ConditionalAccessPolicyBuilder DeviceFilter(string rule, FilterMode mode = FilterMode.Exclude)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        DeviceFilterValue = (GraphText.Checked(mode), rule);
        return this;
    }

    /// <summary>Adds to <c>conditions.userRiskLevels</c>.</summary>
    /// <param name="levels">The user risk levels.</param>
    public ConditionalAccessPolicyBuilder UserRiskLevels(params RiskLevel[] levels) => AddRisk(UserRiskList, levels);

    /// <summary>Adds to <c>conditions.signInRiskLevels</c>.</summary>
    /// <param name="levels">The sign-in risk levels.</param>
    public ConditionalAccessPolicyBuilder SignInRiskLevels(params RiskLevel[] levels) => AddRisk(SignInRiskList, levels);

    /// <summary>Sets <c>conditions.insiderRiskLevels</c> (for example <c>"moderate,elevated"</c>).</summary>
    /// <param name="levels">One or more levels.</param>
    public ConditionalAccessPolicyBuilder InsiderRiskLevels(InsiderRiskLevels levels)
    {
        InsiderRiskValue = GraphText.Of(levels);
        return this;
    }

    /// <summary>Sets <c>conditions.authenticationFlows.transferMethods</c>.</summary>
    /// <param name="transferMethods">One or both transfer methods.</param>
    public ConditionalAccessPolicyBuilder AuthenticationFlows(AuthenticationFlowTransferMethods transferMethods)
    {
        AuthenticationFlowsValue = GraphText.Of(transferMethods);
        return this;
    }

    // ----- grant and session controls -----

    /// <summary>Blocks access: replaces every grant control with <c>block</c>.</summary>
    public ConditionalAccessPolicyBuilder Block()
    {
        StartGrant();
        BuiltInControlList.Clear();
        AuthenticationStrengthName = null;
        TermsOfUseList.Clear();
        CustomFactorList.Clear();
        BuiltInControlList.Add("block");
        return this;
    }

    /// <summary>Adds the grant control <c>mfa</c>.</summary>
    public ConditionalAccessPolicyBuilder RequireMfa() => Grant(BuiltInControl.Mfa);

    /// <summary>Adds the grant control <c>compliantDevice</c>.</summary>
    public ConditionalAccessPolicyBuilder RequireCompliantDevice() => Grant(BuiltInControl.CompliantDevice);

    /// <summary>Adds the grant control <c>domainJoinedDevice</c> (hybrid joined device).</summary>
    public ConditionalAccessPolicyBuilder RequireDomainJoinedDevice() => Grant(BuiltInControl.DomainJoinedDevice);

    /// <summary>Adds the grant control <c>approvedApplication</c>.</summary>
    public ConditionalAccessPolicyBuilder RequireApprovedApplication() => Grant(BuiltInControl.ApprovedApplication);

    /// <summary>Adds the grant control <c>compliantApplication</c> (app protection policy).</summary>
    public ConditionalAccessPolicyBuilder RequireCompliantApplication() => Grant(BuiltInControl.CompliantApplication);

    /// <summary>Adds the grant control <c>passwordChange</c>.</summary>
    public ConditionalAccessPolicyBuilder RequirePasswordChange() => Grant(BuiltInControl.PasswordChange);

    /// <summary>Adds the grant control <c>riskRemediation</c>.</summary>
    public ConditionalAccessPolicyBuilder RequireRiskRemediation() => Grant(BuiltInControl.RiskRemediation);

    /// <summary>Adds built-in grant controls. <see cref="BuiltInControl.Unknown"/> writes <c>unknownFutureValue</c>.</summary>
    /// <param name="controls">The controls.</param>
    public ConditionalAccessPolicyBuilder Grant(params BuiltInControl[] controls)
    {
        ArgumentNullException.ThrowIfNull(controls);
        return GrantRaw(controls.Select(GraphText.Of).ToArray());
    }

    /// <summary>Adds built-in grant controls as any strings (for values the library does not know).</summary>
    /// <param name="controls">The strings Graph returned.</param>
    public ConditionalAccessPolicyBuilder GrantRaw(params string[] controls)
    {
        ArgumentNullException.ThrowIfNull(controls);
        StartGrant();
        return Add(BuiltInControlList, controls, nameof(controls));
    }

    /// <summary>Sets <c>grantControls.operator</c>.</summary>
    /// <param name="grantOperator">How the controls combine.</param>
    public ConditionalAccessPolicyBuilder Operator(GrantOperator grantOperator)
    {
        OperatorValue = GraphText.Of(grantOperator);
        return this;
    }

    /// <summary>Every grant control is required (<c>operator: "AND"</c>).</summary>
    public ConditionalAccessPolicyBuilder RequireAll() => Operator(GrantOperator.And);

    /// <summary>Any one grant control is enough (<c>operator: "OR"</c>, the default).</summary>
    public ConditionalAccessPolicyBuilder RequireOneOf() => Operator(GrantOperator.Or);

    /// <summary>
    /// Requires an authentication strength (<c>grantControls.authenticationStrength</c>). The built-in strengths
    /// (<see cref="KnownAuthenticationStrengths"/>) get their real ids and combinations; other names make a custom strength.
    /// </summary>
    /// <param name="displayName">The strength's display name.</param>
    public ConditionalAccessPolicyBuilder RequireAuthenticationStrength(string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        StartGrant();
        BuiltInControlList.Remove("block");
        AuthenticationStrengthName = displayName;
        return this;
    }

    /// <summary>Requires accepting terms of use (<c>grantControls.termsOfUse</c>).</summary>
    /// <param name="termsOfUse">An agreement id (GUID), or a name from which a stable id is derived.</param>
    public ConditionalAccessPolicyBuilder RequireTermsOfUse(string termsOfUse)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(termsOfUse);
        StartGrant();
        BuiltInControlList.Remove("block");
        string id = DeterministicIds.IsGuid(termsOfUse) ? termsOfUse.ToLowerInvariant() : DeterministicIds.Guid("termsOfUse", termsOfUse);
        if (!TermsOfUseList.Contains(id))
        {
            TermsOfUseList.Add(id);
        }

        return this;
    }

    /// <summary>Requires a custom authentication factor (<c>grantControls.customAuthenticationFactors</c>).</summary>
    /// <param name="factor">The factor's id.</param>
    public ConditionalAccessPolicyBuilder RequireCustomAuthenticationFactor(string factor)
    {
        StartGrant();
        BuiltInControlList.Remove("block");
        return Add(CustomFactorList, [factor], nameof(factor));
    }

    /// <summary>Writes <c>grantControls: null</c>: a policy with session controls only.</summary>
    public ConditionalAccessPolicyBuilder NoGrantControls()
    {
        StartGrant();
        NoGrant = true;
        return this;
    }

    /// <summary>Sets the session control <c>signInFrequency</c> (every <paramref name="hours"/> hours).</summary>
    /// <param name="hours">Hours between reauthentications (1 to 8760).</param>
    public ConditionalAccessPolicyBuilder SignInFrequency(int hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, 8760);
        SignInFrequencyHours = hours;
        return this;
    }

    /// <summary>Adds (or replaces) a top-level property the library does not read, as Graph would return it.</summary>
    /// <param name="name">The property name, for example <c>description</c>.</param>
    /// <param name="json">The property's value as JSON.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not one JSON value, or <paramref name="name"/> is one the builder writes.</exception>
    public ConditionalAccessPolicyBuilder Property(string name, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(json);
        if (SnapshotDocumentWriter.PolicyPropertyNames.Contains(name))
        {
            throw new ArgumentException($"\"{name}\" is written by the builder; use its own method.", nameof(name));
        }

        ExtraProperties.RemoveAll(p => p.Name == name);
        ExtraProperties.Add((name, JsonValidation.Utf8Value(json, nameof(json))));
        return this;
    }

    internal ConditionalAccessPolicyBuilder Clone() => new(this);

    private void StartGrant()
    {
        if (!GrantSet)
        {
            GrantSet = true;
            BuiltInControlList.Clear();
        }

        NoGrant = false;
    }

    private ConditionalAccessPolicyBuilder Add(List<string> list, string[] values, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(values, parameterName);
        foreach (string value in values)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
            if (!list.Contains(value, StringComparer.Ordinal))
            {
                list.Add(value);
            }
        }

        return this;
    }

    private ConditionalAccessPolicyBuilder AddRoles(List<string> list, string[] roleTemplateIds)
    {
        ArgumentNullException.ThrowIfNull(roleTemplateIds);
        foreach (string id in roleTemplateIds)
        {
            if (id is null || !DeterministicIds.IsGuid(id))
            {
                throw new ArgumentException($"A role template id is a GUID (see KnownRoles); got \"{id}\".", nameof(roleTemplateIds));
            }
        }

        return Add(list, roleTemplateIds.Select(id => id.ToLowerInvariant()).ToArray(), nameof(roleTemplateIds));
    }

    private ConditionalAccessPolicyBuilder AddPlatforms(List<string> list, DevicePlatform[] platforms)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        return Add(list, platforms.Select(GraphText.Of).ToArray(), nameof(platforms));
    }

    private ConditionalAccessPolicyBuilder AddRisk(List<string> list, RiskLevel[] levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return Add(list, levels.Select(GraphText.Of).ToArray(), nameof(levels));
    }
}
