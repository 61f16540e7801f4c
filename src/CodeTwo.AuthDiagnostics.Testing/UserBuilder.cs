using System.Text.Json;
using CodeTwo.AuthDiagnostics.Testing.Internal;

namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>
/// Configures one user of a <see cref="SnapshotBuilder"/>: the user object (<c>GET /v1.0/users/{id}</c>), the user's
/// three sections and the two optional sections of catalog v1.2 (<c>conditionalAccessEvaluation</c>, <c>signIns</c>). Obtain one through <see cref="SnapshotBuilder.WithUser"/>; every method returns the same builder.
/// </summary>
/// <remarks>
/// Defaults: a cloud-only (<c>onPremisesSyncEnabled</c> null), enabled <c>Member</c> whose id is derived from the UPN,
/// whose display name is derived from the UPN's local part, per-user MFA <c>disabled</c>, methods password and Microsoft
/// Authenticator, member of no group and holding no role, the three sections captured, the optional
/// <c>conditionalAccessEvaluation</c> and <c>signIns</c> absent from the document (see <see cref="UserSectionName"/>).
/// </remarks>
/// <example>
/// <code>
/// var snapshot = new SnapshotBuilder()
///     .WithGroup("Backup Operators")
///     .WithUser("backup@contoso.com", u => u
///         .PerUserMfa(PerUserMfaState.Enforced)
///         .Methods(AuthenticationMethodKind.Password, AuthenticationMethodKind.Phone)
///         .MemberOf("Backup Operators")
///         .WithRole(KnownRoles.ExchangeAdministrator))
///     .Build();
/// </code>
/// </example>
public sealed class UserBuilder
{
    internal static readonly AuthenticationMethodKind[] DefaultMethods = [AuthenticationMethodKind.Password, AuthenticationMethodKind.MicrosoftAuthenticator];

    internal UserBuilder(string userPrincipalName)
    {
        UserPrincipalNameValue = userPrincipalName;
        foreach (var kind in DefaultMethods)
        {
            MethodList.Add(new MethodSpec(kind, null));
        }
    }

    private UserBuilder(UserBuilder other)
    {
        UserPrincipalNameValue = other.UserPrincipalNameValue;
        IdOverride = other.IdOverride;
        DisplayNameValue = other.DisplayNameValue;
        DisplayNameSet = other.DisplayNameSet;
        AccountEnabledValue = other.AccountEnabledValue;
        UserTypeValue = other.UserTypeValue;
        OnPremisesSyncEnabledValue = other.OnPremisesSyncEnabledValue;
        SignInSessionsValidFromValue = other.SignInSessionsValidFromValue;
        PerUserMfaValue = other.PerUserMfaValue;
        MethodList.AddRange(other.MethodList);
        GroupList.AddRange(other.GroupList);
        RoleList.AddRange(other.RoleList);
        ExtraProperties.AddRange(other.ExtraProperties);
        Array.Copy(other.SectionOverrides, SectionOverrides, SectionOverrides.Length);
        Array.Copy(other.OptionalSectionNamed, OptionalSectionNamed, OptionalSectionNamed.Length);
        SignInList.AddRange(other.SignInList);
        WhatIfList.AddRange(other.WhatIfList);
    }

    internal string UserPrincipalNameValue { get; }

    internal string? IdOverride { get; private set; }

    internal string? DisplayNameValue { get; private set; }

    internal bool DisplayNameSet { get; private set; }

    internal bool? AccountEnabledValue { get; private set; } = true;

    internal string UserTypeValue { get; private set; } = "Member";

    internal bool? OnPremisesSyncEnabledValue { get; private set; }

    internal DateTimeOffset? SignInSessionsValidFromValue { get; private set; }

    internal string PerUserMfaValue { get; private set; } = "disabled";

    internal List<MethodSpec> MethodList { get; } = [];

    internal List<string> GroupList { get; } = [];

    internal List<(string TemplateId, string DisplayName)> RoleList { get; } = [];

    internal List<(string Name, byte[] Utf8Json)> ExtraProperties { get; } = [];

    internal SectionOverride?[] SectionOverrides { get; } = new SectionOverride?[5];

    /// <summary>Whether each section is written: always for the three required ones, once named for the optional ones.</summary>
    internal bool[] OptionalSectionNamed { get; } = [true, true, true, false, false];

    internal List<SignInBuilder> SignInList { get; } = [];

    internal List<WhatIfSpec> WhatIfList { get; } = [];

    /// <summary>Whether <paramref name="section"/> goes into the document.</summary>
    internal bool Writes(UserSectionName section) => OptionalSectionNamed[(int)section];

    /// <summary>Sets the object id (a GUID) instead of the one derived from the UPN.</summary>
    /// <param name="id">The user's object id, for example <c>4260ce86-ca96-4d78-ba56-9ee452a5d423</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a GUID.</exception>
    public UserBuilder Id(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!DeterministicIds.IsGuid(id))
        {
            throw new ArgumentException($"A user id is a GUID such as 4260ce86-ca96-4d78-ba56-9ee452a5d423; got \"{id}\".", nameof(id));
        }

        IdOverride = id.ToLowerInvariant();
        return this;
    }

    /// <summary>Sets <c>displayName</c> (<see langword="null"/> writes <c>null</c>).</summary>
    /// <param name="displayName">The display name.</param>
    public UserBuilder DisplayName(string? displayName)
    {
        DisplayNameValue = displayName;
        DisplayNameSet = true;
        return this;
    }

    /// <summary>Sets <c>accountEnabled</c>; <see langword="null"/> writes <c>null</c> (as when the property was not readable).</summary>
    /// <param name="enabled">Whether the account can sign in.</param>
    public UserBuilder AccountEnabled(bool? enabled)
    {
        AccountEnabledValue = enabled;
        return this;
    }

    /// <summary>Makes the account disabled (<c>accountEnabled: false</c>).</summary>
    public UserBuilder Disabled() => AccountEnabled(false);

    /// <summary>Makes the user a B2B guest (<c>userType: "Guest"</c>).</summary>
    public UserBuilder Guest()
    {
        UserTypeValue = "Guest";
        return this;
    }

    /// <summary>Makes the user a member (<c>userType: "Member"</c>, the default).</summary>
    public UserBuilder Member()
    {
        UserTypeValue = "Member";
        return this;
    }

    /// <summary>Marks the account as synchronized from on-premises Active Directory (<c>onPremisesSyncEnabled: true</c>), or as cloud-only (<c>null</c>, what Graph returns for cloud accounts).</summary>
    /// <param name="synced">True for a synced account.</param>
    public UserBuilder Synced(bool synced = true)
    {
        OnPremisesSyncEnabledValue = synced ? true : null;
        return this;
    }

    /// <summary>Sets <c>signInSessionsValidFromDateTime</c> (by default a stable instant before the capture).</summary>
    /// <param name="instant">Sessions issued before this instant are invalid.</param>
    public UserBuilder SignInSessionsValidFrom(DateTimeOffset instant)
    {
        SignInSessionsValidFromValue = instant;
        return this;
    }

    /// <summary>Sets the legacy per-user MFA state (<c>authenticationRequirements.perUserMfaState</c>). <see cref="PerUserMfaState.Unknown"/> writes <c>unknownFutureValue</c>.</summary>
    /// <param name="state">The state.</param>
    public UserBuilder PerUserMfa(PerUserMfaState state)
    {
        PerUserMfaValue = GraphText.Of(state);
        ClearOverride(UserSectionName.AuthenticationRequirements);
        return this;
    }

    /// <summary>Sets <c>perUserMfaState</c> to any string, for values the library does not know (for example <c>unknownFutureValue</c>).</summary>
    /// <param name="value">The string Graph returned.</param>
    public UserBuilder PerUserMfaRaw(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        PerUserMfaValue = value;
        ClearOverride(UserSectionName.AuthenticationRequirements);
        return this;
    }

    /// <summary>
    /// Replaces the registered authentication methods with one realistic Graph payload per kind, in this order (the
    /// password method has Graph's fixed id <c>28c10230-6103-485e-b985-444c60001490</c>). No argument registers none.
    /// </summary>
    /// <param name="kinds">The method kinds; <see cref="AuthenticationMethodKind.Unknown"/> is not allowed (use <see cref="AddMethod(string)"/>).</param>
    public UserBuilder Methods(params AuthenticationMethodKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        foreach (var kind in kinds)
        {
            CheckKind(kind);
        }

        MethodList.Clear();
        foreach (var kind in kinds)
        {
            MethodList.Add(new MethodSpec(kind, null));
        }

        ClearOverride(UserSectionName.AuthenticationMethods);
        return this;
    }

    /// <summary>Adds one method of <paramref name="kind"/> after the current ones.</summary>
    /// <param name="kind">The method kind (not <see cref="AuthenticationMethodKind.Unknown"/>).</param>
    public UserBuilder AddMethod(AuthenticationMethodKind kind)
    {
        CheckKind(kind);
        MethodList.Add(new MethodSpec(kind, null));
        ClearOverride(UserSectionName.AuthenticationMethods);
        return this;
    }

    /// <summary>Adds a method with any <c>@odata.type</c>, for kinds the library does not know (for example <c>#microsoft.graph.futureAuthenticationMethod</c>).</summary>
    /// <param name="odataType">The <c>@odata.type</c>.</param>
    public UserBuilder AddMethod(string odataType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(odataType);
        MethodList.Add(new MethodSpec(AuthenticationMethodKind.Unknown, odataType));
        ClearOverride(UserSectionName.AuthenticationMethods);
        return this;
    }

    /// <summary>Registers only the password: the user has no method that can serve as a second factor.</summary>
    public UserBuilder NoMfaMethods() => Methods(AuthenticationMethodKind.Password);

    /// <summary>
    /// Makes the user a (transitive) member of groups, by display name (declared with <see cref="SnapshotBuilder.WithGroup"/>
    /// or not: a name used here declares the group) or by the id of a declared group.
    /// </summary>
    /// <param name="groups">Group display names or ids.</param>
    public UserBuilder MemberOf(params string[] groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        foreach (string group in groups)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(group, nameof(groups));
            if (!GroupList.Contains(group, StringComparer.OrdinalIgnoreCase))
            {
                GroupList.Add(group);
            }
        }

        ClearOverride(UserSectionName.TransitiveMemberOf);
        return this;
    }

    /// <summary>Gives the user a directory role (a <c>#microsoft.graph.directoryRole</c> in <c>transitiveMemberOf</c>).</summary>
    /// <param name="roleTemplateId">The role template id, for example <see cref="KnownRoles.GlobalAdministrator"/>.</param>
    /// <param name="displayName">The role's display name; by default Graph's name for the roles in <see cref="KnownRoles"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="roleTemplateId"/> is not a GUID, or no display name is known for it.</exception>
    public UserBuilder WithRole(string roleTemplateId, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(roleTemplateId);
        if (!DeterministicIds.IsGuid(roleTemplateId))
        {
            throw new ArgumentException($"A role template id is a GUID (see KnownRoles); got \"{roleTemplateId}\".", nameof(roleTemplateId));
        }

        string templateId = roleTemplateId.ToLowerInvariant();
        string name = displayName ?? KnownRoles.DisplayNameOf(templateId)
            ?? throw new ArgumentException($"No display name is known for role template {templateId}; pass one.", nameof(displayName));
        RoleList.RemoveAll(r => r.TemplateId == templateId);
        RoleList.Add((templateId, name));
        ClearOverride(UserSectionName.TransitiveMemberOf);
        return this;
    }

    /// <summary>Adds (or replaces) a property of the user object that the library does not read, as Graph would return it.</summary>
    /// <param name="name">The property name, for example <c>employeeHireDate</c>.</param>
    /// <param name="json">The property's value as JSON, for example <c>"\"2024-03-01T00:00:00Z\""</c> or <c>null</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not one JSON value, or <paramref name="name"/> is one the builder writes.</exception>
    public UserBuilder Property(string name, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(json);
        if (SnapshotDocumentWriter.UserPropertyNames.Contains(name))
        {
            throw new ArgumentException($"\"{name}\" is written by the builder; use its own method.", nameof(name));
        }

        ExtraProperties.RemoveAll(p => p.Name == name);
        ExtraProperties.Add((name, JsonValidation.Utf8Value(json, nameof(json))));
        return this;
    }

    /// <summary>
    /// Adds a sign-in to the <c>signIns</c> section (which it puts into the document): a Graph beta <c>signIn</c> of this
    /// user. The section lists sign-ins newest first, as Graph returns them (equal instants in call order).
    /// </summary>
    /// <param name="createdDateTime">When the sign-in happened.</param>
    /// <param name="clientAppUsed">The client app as the log names it: <c>Authenticated SMTP</c>, <c>IMAP4</c>, <c>POP3</c>, <c>Exchange ActiveSync</c>, <c>Other clients</c>, <c>Browser</c>, …</param>
    /// <param name="errorCode"><c>status.errorCode</c>: 0 for success, else Microsoft Entra's code (53003, 530035, 50076, 50126, …).</param>
    /// <param name="configure">Sets the policies it met, its IP address, location, device, id, ….</param>
    public UserBuilder SignIn(DateTimeOffset createdDateTime, string clientAppUsed, int errorCode, Action<SignInBuilder>? configure) =>
        AddSignIn(new SignInBuilder(createdDateTime.ToUniversalTime(), TimeSpan.Zero, clientAppUsed, errorCode), configure);

    /// <summary>Adds a sign-in with the defaults of <see cref="SignInBuilder"/>. See <see cref="SignIn(DateTimeOffset, string, int, Action{SignInBuilder}?)"/>.</summary>
    /// <param name="createdDateTime">When the sign-in happened.</param>
    /// <param name="clientAppUsed">The client app as the log names it.</param>
    /// <param name="errorCode"><c>status.errorCode</c>.</param>
    public UserBuilder SignIn(DateTimeOffset createdDateTime, string clientAppUsed, int errorCode) =>
        SignIn(createdDateTime, clientAppUsed, errorCode, null);

    /// <summary>
    /// Adds a sign-in that happened <paramref name="before"/> the snapshot's <c>capturedAt</c> (whatever
    /// <see cref="SnapshotBuilder.WithCapturedAt"/> sets, before or after this call). See
    /// <see cref="SignIn(DateTimeOffset, string, int, Action{SignInBuilder}?)"/>.
    /// </summary>
    /// <param name="before">How long before the capture, for example <c>TimeSpan.FromHours(3)</c> (negative: after it).</param>
    /// <param name="clientAppUsed">The client app as the log names it.</param>
    /// <param name="errorCode"><c>status.errorCode</c>.</param>
    /// <param name="configure">Sets the policies it met, its IP address, location, device, id, ….</param>
    public UserBuilder SignIn(TimeSpan before, string clientAppUsed, int errorCode, Action<SignInBuilder>? configure) =>
        AddSignIn(new SignInBuilder(null, before, clientAppUsed, errorCode), configure);

    /// <summary>
    /// Adds a sign-in with the defaults of <see cref="SignInBuilder"/> that happened <paramref name="before"/> the
    /// snapshot's <c>capturedAt</c>. See <see cref="SignIn(TimeSpan, string, int, Action{SignInBuilder}?)"/>.
    /// </summary>
    /// <param name="before">How long before the capture (negative: after it).</param>
    /// <param name="clientAppUsed">The client app as the log names it.</param>
    /// <param name="errorCode"><c>status.errorCode</c>.</param>
    public UserBuilder SignIn(TimeSpan before, string clientAppUsed, int errorCode) =>
        SignIn(before, clientAppUsed, errorCode, null);

    /// <summary>
    /// Adds a What-If evaluation to the <c>conditionalAccessEvaluation</c> section (which it puts into the document): the
    /// request for an <c>#microsoft.graph.applicationContext</c> sign-in of this user to Exchange Online
    /// (<c>00000002-0000-0ff1-ce00-000000000000</c>) with <paramref name="clientAppType"/>, <c>appliedPoliciesOnly</c>
    /// false, and Microsoft's answer. Evaluations are written in call order; several for one client type are allowed.
    /// </summary>
    /// <param name="clientAppType"><c>signInConditions.clientAppType</c>: <see cref="ClientAppType.Other"/> for SMTP, IMAP, POP, EWS, RPS and MAPI, <see cref="ClientAppType.ExchangeActiveSync"/> for EAS.</param>
    /// <param name="results">Adds the answer's <c>whatIfAnalysisResult</c>s.</param>
    public UserBuilder WhatIf(ClientAppType clientAppType, Action<WhatIfBuilder> results) =>
        WhatIf(clientAppType, KnownApps.ExchangeOnline, results);

    /// <summary>As <see cref="WhatIf(ClientAppType, Action{WhatIfBuilder})"/>, for the application <paramref name="applicationId"/>.</summary>
    /// <param name="clientAppType"><c>signInConditions.clientAppType</c>.</param>
    /// <param name="applicationId">The app in <c>signInContext.includeApplications</c>, for example <see cref="KnownApps.ExchangeOnline"/>.</param>
    /// <param name="results">Adds the answer's <c>whatIfAnalysisResult</c>s.</param>
    public UserBuilder WhatIf(ClientAppType clientAppType, string applicationId, Action<WhatIfBuilder> results)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        return AddWhatIf(WhatIfSpec.ApplicationContext, applicationId, null, GraphText.Of(clientAppType), results);
    }

    /// <summary>
    /// Adds the What-If evaluation of security-info registration to the <c>conditionalAccessEvaluation</c> section: an
    /// <c>#microsoft.graph.userActionContext</c> with <c>userAction</c> <c>registerSecurityInformation</c> and
    /// <c>clientAppType</c> <c>browser</c> (Security info is a web page), and Microsoft's answer.
    /// </summary>
    /// <param name="results">Adds the answer's <c>whatIfAnalysisResult</c>s.</param>
    public UserBuilder WhatIfRegisterSecurityInfo(Action<WhatIfBuilder> results) =>
        AddWhatIf(WhatIfSpec.UserActionContext, null, "registerSecurityInformation", GraphText.Of(ClientAppType.Browser), results);

    /// <summary>Records the section as failed with the Graph error (for example 403 <c>Authorization_RequestDenied</c>).</summary>
    /// <param name="section">The section.</param>
    /// <param name="httpStatus">The HTTP status Graph answered with (100 to 599).</param>
    /// <param name="code">Graph's error code.</param>
    /// <param name="message">Graph's error message.</param>
    /// <param name="requiredPermissions">The Graph permissions reading the section needs.</param>
    public UserBuilder SectionFailed(UserSectionName section, int httpStatus, string? code = null, string? message = null, params string[] requiredPermissions)
    {
        SectionOverrides[Index(section)] = SectionOverride.Failed(httpStatus, code, message, requiredPermissions);
        OptionalSectionNamed[(int)section] = true;
        return this;
    }

    /// <summary>Records the section as not captured, with an optional reason.</summary>
    /// <param name="section">The section.</param>
    /// <param name="reason">Why nobody read it.</param>
    public UserBuilder SectionNotCaptured(UserSectionName section, string? reason = null)
    {
        SectionOverrides[Index(section)] = SectionOverride.NotCaptured(reason);
        OptionalSectionNamed[(int)section] = true;
        return this;
    }

    /// <summary>
    /// Records the section as captured again (undoes <see cref="SectionFailed"/> and <see cref="SectionNotCaptured"/>).
    /// An optional section named here is written, with what was added to it (an empty array when nothing was).
    /// </summary>
    /// <param name="section">The section.</param>
    public UserBuilder SectionCaptured(UserSectionName section)
    {
        ClearOverride(section);
        OptionalSectionNamed[(int)section] = true;
        return this;
    }

    internal UserBuilder Clone() => new(this);

    private UserBuilder AddSignIn(SignInBuilder signIn, Action<SignInBuilder>? configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signIn.ClientAppUsedValue, "clientAppUsed");
        configure?.Invoke(signIn);
        SignInList.Add(signIn);
        return SectionCaptured(UserSectionName.SignIns);
    }

    private UserBuilder AddWhatIf(string contextType, string? applicationId, string? userAction, string clientAppType, Action<WhatIfBuilder> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var answer = new WhatIfBuilder();
        results(answer);
        WhatIfList.Add(new WhatIfSpec(contextType, applicationId, userAction, clientAppType, answer));
        return SectionCaptured(UserSectionName.ConditionalAccessEvaluation);
    }

    private void ClearOverride(UserSectionName section) => SectionOverrides[Index(section)] = null;

    private static int Index(UserSectionName section) => (int)GraphText.Checked(section);

    private static void CheckKind(AuthenticationMethodKind kind)
    {
        GraphText.Checked(kind);
        if (kind == AuthenticationMethodKind.Unknown)
        {
            throw new ArgumentException("AuthenticationMethodKind.Unknown has no @odata.type; use AddMethod(string odataType) for a kind the library does not know.", nameof(kind));
        }
    }
}

/// <summary>One registered method: a known kind, or an unknown <c>@odata.type</c>.</summary>
internal readonly record struct MethodSpec(AuthenticationMethodKind Kind, string? ODataType);

/// <summary>Checks JSON fragments given as text.</summary>
internal static class JsonValidation
{
    public static byte[] Utf8Value(string json, string parameterName)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return System.Text.Encoding.UTF8.GetBytes(document.RootElement.GetRawText());
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Expected one JSON value: {e.Message}", parameterName, e);
        }
    }
}
