using CodeTwo.AuthDiagnostics.Testing.Internal;

namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>
/// Builds tenant snapshots for tests, fluently. The builder writes a Graph-native snapshot document (every payload
/// shaped exactly as Microsoft Graph returns it) and reads it back with the core's reader
/// (<see cref="TenantSnapshot.Parse(ReadOnlySpan{byte})"/>), so what it builds is always a valid, realistic document.
/// </summary>
/// <remarks>
/// <para>
/// Without any call, <c>new SnapshotBuilder().WithUser("backup@contoso.com").Build()</c> is a healthy-looking tenant:
/// captured at <see cref="DefaultCapturedAt"/>, tenant <see cref="DefaultTenantId"/>, global cloud; security defaults
/// captured and disabled; Conditional Access captured with no policy; authentication methods policy captured
/// (<c>migrationInProgress</c>); <c>mfaServicePolicy</c> not captured (with the reason a real capture gives); domains
/// <c>contoso.com</c> (managed, default) and the initial <c>contoso.onmicrosoft.com</c>; one Microsoft 365 Business
/// Standard SKU (no Entra ID P1); no <c>exchangeOnline</c> section. Users default as described on <see cref="UserBuilder"/>.
/// </para>
/// <para>
/// Deterministic: the same calls always give byte-identical JSON. Ids are derived from names (users from their UPN,
/// policies from their display name, groups from their display name) through a stable hash; dates are derived from
/// the capture instant. Each <c>With…</c> method changes this builder and returns it; <see cref="Build"/> does not
/// change the builder and can be called any number of times. Use <see cref="Clone"/> to fork a base configuration.
/// A builder is not thread-safe.
/// </para>
/// <para>
/// Calling a section's own method (for example <see cref="WithSecurityDefaults"/>) marks that section captured again
/// after <see cref="WithSectionFailed"/> or <see cref="WithSectionNotCaptured"/>; the last call wins.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// TenantSnapshot snapshot = new SnapshotBuilder()
///     .WithSecurityDefaults(enabled: true)
///     .WithUser("backup@contoso.com", u => u.PerUserMfa(PerUserMfaState.Disabled))
///     .Build();
///
/// string json = new SnapshotBuilder()
///     .WithEntraIdP1()
///     .WithGroup("Backup Operators")
///     .WithUser("backup@contoso.com", u => u.MemberOf("Backup Operators").PerUserMfa(PerUserMfaState.Enforced))
///     .WithConditionalAccessPolicy("Block legacy auth for Backup Operators", p => p
///         .IncludeGroups("Backup Operators")
///         .ClientAppTypes(ClientAppType.Other)
///         .Block())
///     .WithSectionFailed(TenantSectionName.AuthenticationMethodsPolicy, httpStatus: 403,
///         code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.",
///         requiredPermissions: "Policy.Read.All")
///     .BuildJson();
/// </code>
/// </example>
public sealed class SnapshotBuilder
{
    /// <summary>The capture instant used unless <see cref="WithCapturedAt"/> says otherwise: 2026-11-24T09:30:00Z.</summary>
    public static readonly DateTimeOffset DefaultCapturedAt = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The tenant id used unless <see cref="WithTenantId"/> says otherwise.</summary>
    public static readonly Guid DefaultTenantId = new("6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10");

    /// <summary>The reason written for <c>mfaServicePolicy</c> until <see cref="WithMfaServicePolicy"/> is called.</summary>
    public const string DefaultMfaServicePolicyReason =
        "GET /beta/policies/mfaServicePolicy is undocumented; the capture was run without it. The tenant-wide \"Allow users to create app passwords\" switch must be checked in the legacy MFA service settings.";

    private readonly List<ConditionalAccessPolicyBuilder> policies;
    private readonly Dictionary<string, ConditionalAccessPolicyBuilder> policiesByName;
    private readonly List<UserBuilder> users;
    private readonly Dictionary<string, UserBuilder> usersByUpn;
    private readonly List<GroupSpec> groups;
    private readonly List<string> missingUsers;
    private readonly SectionOverride?[] sectionOverrides;
    private List<DomainSpec>? domains;
    private List<SkuBuilder> skus;
    private ExchangeOnlineBuilder? exchangeOnline;

    /// <summary>Creates a builder with the defaults described on <see cref="SnapshotBuilder"/>.</summary>
    public SnapshotBuilder()
    {
        policies = [];
        policiesByName = new Dictionary<string, ConditionalAccessPolicyBuilder>(StringComparer.Ordinal);
        users = [];
        usersByUpn = new Dictionary<string, UserBuilder>(StringComparer.OrdinalIgnoreCase);
        groups = [];
        missingUsers = [];
        sectionOverrides = new SectionOverride?[Enum.GetValues<TenantSectionName>().Length];
        skus = [SkuBuilder.BusinessStandard()];
    }

    private SnapshotBuilder(SnapshotBuilder other)
    {
        CapturedAt = other.CapturedAt;
        TenantId = other.TenantId;
        Cloud = other.Cloud;
        SecurityDefaultsEnabled = other.SecurityDefaultsEnabled;
        MigrationState = other.MigrationState;
        AllowAppPasswords = other.AllowAppPasswords;
        SelectedMembershipProperties = other.SelectedMembershipProperties;
        policies = other.policies.Select(p => p.Clone()).ToList();
        policiesByName = policies.ToDictionary(p => p.DisplayNameValue, StringComparer.Ordinal);
        users = other.users.Select(u => u.Clone()).ToList();
        usersByUpn = users.ToDictionary(u => u.UserPrincipalNameValue, StringComparer.OrdinalIgnoreCase);
        groups = [.. other.groups];
        missingUsers = [.. other.missingUsers];
        sectionOverrides = (SectionOverride?[])other.sectionOverrides.Clone();
        domains = other.domains is null ? null : [.. other.domains];
        skus = other.skus.Select(s => s.Clone()).ToList();
        exchangeOnline = other.exchangeOnline?.Clone();
    }

    internal DateTimeOffset CapturedAt { get; private set; } = DefaultCapturedAt;

    internal Guid TenantId { get; private set; } = DefaultTenantId;

    internal CloudEnvironment Cloud { get; private set; } = CloudEnvironment.Global;

    internal bool SecurityDefaultsEnabled { get; private set; }

    internal PolicyMigrationState? MigrationState { get; private set; } = PolicyMigrationState.MigrationInProgress;

    internal bool? AllowAppPasswords { get; private set; }

    /// <summary>
    /// Writes <c>transitiveMemberOf</c> groups as <c>$select=id,displayName</c> returns them instead of whole group
    /// objects (used by <see cref="LargeTenantGenerator"/> to keep very large documents small).
    /// </summary>
    internal bool SelectedMembershipProperties { get; set; }

    internal IReadOnlyList<ConditionalAccessPolicyBuilder> Policies => policies;

    internal IReadOnlyList<UserBuilder> Users => users;

    internal IReadOnlyList<GroupSpec> Groups => groups;

    internal IReadOnlyList<string> MissingUsers => missingUsers;

    internal IReadOnlyList<SkuBuilder> Skus => skus;

    /// <summary>The <c>exchangeOnline</c> settings to write; <see langword="null"/> until <see cref="WithExchangeOnline"/>.</summary>
    internal ExchangeOnlineBuilder? ExchangeOnline => exchangeOnline;

    internal SectionOverride? OverrideOf(TenantSectionName section) => sectionOverrides[(int)section];

    /// <summary>The domains to write: those set, or the defaults for the cloud.</summary>
    internal IReadOnlyList<DomainSpec> EffectiveDomains => domains ?? DefaultDomains(Cloud);

    // ----- envelope -----

    /// <summary>Sets <c>capturedAt</c> (default <see cref="DefaultCapturedAt"/>). Derived dates (creation, sign-in sessions) move with it.</summary>
    /// <param name="capturedAt">When the snapshot was captured.</param>
    public SnapshotBuilder WithCapturedAt(DateTimeOffset capturedAt)
    {
        CapturedAt = capturedAt.ToUniversalTime();
        return this;
    }

    /// <summary>Sets <c>tenantId</c> (default <see cref="DefaultTenantId"/>).</summary>
    /// <param name="tenantId">The tenant id.</param>
    public SnapshotBuilder WithTenantId(Guid tenantId)
    {
        TenantId = tenantId;
        return this;
    }

    /// <summary>
    /// Sets <c>cloud</c> (default global). Graph hosts in <c>@odata.context</c> annotations follow it, and so does the
    /// default initial domain (<c>contoso.onmicrosoft.us</c>, <c>contoso.partner.onmschina.cn</c>) while it is present.
    /// </summary>
    /// <param name="cloud">The Microsoft cloud.</param>
    public SnapshotBuilder WithCloud(CloudEnvironment cloud)
    {
        GraphText.Checked(cloud);
        if (domains is not null)
        {
            // Move the default initial domain, when it is still there, to the new cloud's suffix.
            string oldInitial = "contoso" + GraphText.InitialDomainSuffix(Cloud);
            string newInitial = "contoso" + GraphText.InitialDomainSuffix(cloud);
            int index = domains.FindIndex(d => d.IsInitial && d.Name == oldInitial);
            if (index >= 0 && !domains.Exists(d => d.Name == newInitial))
            {
                domains[index] = domains[index] with { Name = newInitial };
            }
        }

        Cloud = cloud;
        return this;
    }

    // ----- tenant sections -----

    /// <summary>Captures <c>securityDefaults</c> with <c>isEnabled</c> (default: captured, disabled).</summary>
    /// <param name="enabled">Whether security defaults are on.</param>
    public SnapshotBuilder WithSecurityDefaults(bool enabled)
    {
        SecurityDefaultsEnabled = enabled;
        return Captured(TenantSectionName.SecurityDefaults);
    }

    /// <summary>
    /// Adds a Conditional Access policy, or configures again the policy already added with the same display name.
    /// Its id is derived from the display name unless <see cref="ConditionalAccessPolicyBuilder.Id"/> sets one.
    /// </summary>
    /// <param name="displayName">The policy's display name.</param>
    /// <param name="configure">Configures the policy; see <see cref="ConditionalAccessPolicyBuilder"/> for its defaults.</param>
    /// <example>
    /// <code>
    /// builder.WithConditionalAccessPolicy("Require MFA for admins", p => p
    ///     .IncludeRoles(KnownRoles.GlobalAdministrator, KnownRoles.ExchangeAdministrator)
    ///     .ClientAppTypes(ClientAppType.All)
    ///     .RequireMfa());
    /// </code>
    /// </example>
    public SnapshotBuilder WithConditionalAccessPolicy(string displayName, Action<ConditionalAccessPolicyBuilder>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        if (!policiesByName.TryGetValue(displayName, out var policy))
        {
            policy = new ConditionalAccessPolicyBuilder(displayName);
            policies.Add(policy);
            policiesByName.Add(displayName, policy);
        }

        configure?.Invoke(policy);
        return Captured(TenantSectionName.ConditionalAccessPolicies);
    }

    /// <summary>Removes every Conditional Access policy: the section is captured as an empty array (the default).</summary>
    public SnapshotBuilder WithoutConditionalAccessPolicies()
    {
        policies.Clear();
        policiesByName.Clear();
        return Captured(TenantSectionName.ConditionalAccessPolicies);
    }

    /// <summary>Captures <c>authenticationMethodsPolicy</c> with <c>policyMigrationState</c> (default <c>migrationInProgress</c>).</summary>
    /// <param name="state">The migration state; <see langword="null"/> writes <c>null</c>, <see cref="PolicyMigrationState.Unknown"/> writes <c>unknownFutureValue</c>.</param>
    public SnapshotBuilder WithAuthenticationMethodsPolicy(PolicyMigrationState? state)
    {
        if (state is { } value)
        {
            GraphText.Checked(value);
        }

        MigrationState = state;
        return Captured(TenantSectionName.AuthenticationMethodsPolicy);
    }

    /// <summary>Captures <c>mfaServicePolicy</c> with the tenant-wide "Allow users to create app passwords" switch (default: not captured, with <see cref="DefaultMfaServicePolicyReason"/>).</summary>
    /// <param name="allowAppPasswords">Whether users may create app passwords.</param>
    public SnapshotBuilder WithMfaServicePolicy(bool allowAppPasswords)
    {
        AllowAppPasswords = allowAppPasswords;
        return Captured(TenantSectionName.MfaServicePolicy);
    }

    /// <summary>
    /// Adds a domain, or changes the one with the same name. The default domains (<c>contoso.com</c> managed and
    /// default, and the initial <c>contoso.onmicrosoft.com</c> or its national-cloud equivalent) stay unless
    /// <see cref="WithoutDomains"/> removed them; a new default domain makes the others non-default.
    /// </summary>
    /// <param name="name">The domain name (its <c>id</c>), for example <c>contoso.com</c>.</param>
    /// <param name="type"><c>Managed</c> or <c>Federated</c>; <see cref="DomainAuthenticationType.Unknown"/> writes <c>unknownFutureValue</c>.</param>
    /// <param name="isDefault">Whether it is the tenant's default domain.</param>
    /// <param name="isInitial">Whether it is the initial <c>*.onmicrosoft.com</c> domain.</param>
    public SnapshotBuilder WithDomain(string name, DomainAuthenticationType type = DomainAuthenticationType.Managed, bool isDefault = false, bool isInitial = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var domain = new DomainSpec(name.Trim().ToLowerInvariant(), GraphText.Of(type), isDefault, isInitial);
        var list = domains ??= [.. DefaultDomains(Cloud)];
        if (isDefault)
        {
            for (int i = 0; i < list.Count; i++)
            {
                list[i] = list[i] with { IsDefault = false };
            }
        }

        int index = list.FindIndex(d => d.Name == domain.Name);
        if (index >= 0)
        {
            list[index] = domain;
        }
        else
        {
            list.Add(domain);
        }

        return Captured(TenantSectionName.Domains);
    }

    /// <summary>Removes every domain (the default ones too): <c>domains</c> is captured as an empty array until <see cref="WithDomain"/> adds one.</summary>
    public SnapshotBuilder WithoutDomains()
    {
        domains = [];
        return Captured(TenantSectionName.Domains);
    }

    /// <summary>Adds a subscribed SKU, or configures again the one with the same SKU id. The SKUs already present stay.</summary>
    /// <param name="skuPartNumber">The part number, for example <c>AAD_PREMIUM</c>.</param>
    /// <param name="skuId">The SKU id (a GUID).</param>
    /// <param name="configure">Adds service plans, sets the capability status or units.</param>
    public SnapshotBuilder WithSku(string skuPartNumber, string skuId, Action<SkuBuilder>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(skuPartNumber);
        ArgumentNullException.ThrowIfNull(skuId);
        if (!DeterministicIds.IsGuid(skuId))
        {
            throw new ArgumentException($"A SKU id is a GUID; got \"{skuId}\".", nameof(skuId));
        }

        var sku = skus.Find(s => string.Equals(s.SkuIdValue, skuId, StringComparison.OrdinalIgnoreCase));
        if (sku is null)
        {
            sku = new SkuBuilder(skuPartNumber, skuId.ToLowerInvariant());
            skus.Add(sku);
        }

        configure?.Invoke(sku);
        return Captured(TenantSectionName.SubscribedSkus);
    }

    /// <summary>
    /// Replaces the SKUs with Microsoft 365 Business Premium (<c>SPB</c>), which includes Entra ID P1 (<c>AAD_PREMIUM</c>):
    /// Conditional Access can be in force.
    /// </summary>
    /// <param name="provisioningStatus">The <c>AAD_PREMIUM</c> plan's status; <see cref="ServicePlanProvisioningStatus.Disabled"/> turns P1 off.</param>
    /// <param name="capabilityStatus">The SKU's <c>capabilityStatus</c>.</param>
    public SnapshotBuilder WithEntraIdP1(ServicePlanProvisioningStatus provisioningStatus = ServicePlanProvisioningStatus.Success, SkuCapabilityStatus capabilityStatus = SkuCapabilityStatus.Enabled)
    {
        var sku = SkuBuilder.BusinessPremium()
            .ServicePlanStatus(KnownLicenses.EntraIdP1ServicePlanId, provisioningStatus)
            .CapabilityStatus(capabilityStatus);
        skus = [sku];
        return Captured(TenantSectionName.SubscribedSkus);
    }

    /// <summary>Replaces the SKUs with Microsoft 365 E5 (<c>SPE_E5</c>), which includes Entra ID P1 and P2.</summary>
    /// <param name="provisioningStatus">The status of both the <c>AAD_PREMIUM</c> and <c>AAD_PREMIUM_P2</c> plans.</param>
    /// <param name="capabilityStatus">The SKU's <c>capabilityStatus</c>.</param>
    public SnapshotBuilder WithEntraIdP2(ServicePlanProvisioningStatus provisioningStatus = ServicePlanProvisioningStatus.Success, SkuCapabilityStatus capabilityStatus = SkuCapabilityStatus.Enabled)
    {
        var sku = SkuBuilder.Microsoft365E5()
            .ServicePlanStatus(KnownLicenses.EntraIdP1ServicePlanId, provisioningStatus)
            .ServicePlanStatus(KnownLicenses.EntraIdP2ServicePlanId, provisioningStatus)
            .CapabilityStatus(capabilityStatus);
        skus = [sku];
        return Captured(TenantSectionName.SubscribedSkus);
    }

    /// <summary>Replaces the SKUs with Microsoft 365 Business Standard (<c>O365_BUSINESS_PREMIUM</c>), which has no Entra ID P1 or P2 (the default).</summary>
    public SnapshotBuilder WithoutEntraIdPremium()
    {
        skus = [SkuBuilder.BusinessStandard()];
        return Captured(TenantSectionName.SubscribedSkus);
    }

    /// <summary>Removes every SKU: <c>subscribedSkus</c> is captured as an empty array.</summary>
    public SnapshotBuilder WithoutSkus()
    {
        skus = [];
        return Captured(TenantSectionName.SubscribedSkus);
    }

    /// <summary>
    /// Captures the optional <c>exchangeOnline</c> section (absent by default: the document then has no such member),
    /// or configures it again. See <see cref="ExchangeOnlineBuilder"/> for its defaults.
    /// </summary>
    /// <param name="configure">Sets the tenant switch, the default policy, the policies and the users' mailboxes.</param>
    /// <example>
    /// <code>
    /// builder.WithUser("scanner@contoso.com")
    ///     .WithExchangeOnline(x => x
    ///         .SmtpClientAuthenticationDisabled()
    ///         .Mailbox("scanner@contoso.com", smtpClientAuthenticationDisabled: false));
    /// </code>
    /// </example>
    public SnapshotBuilder WithExchangeOnline(Action<ExchangeOnlineBuilder>? configure = null)
    {
        exchangeOnline ??= new ExchangeOnlineBuilder();
        configure?.Invoke(exchangeOnline);
        return Captured(TenantSectionName.ExchangeOnline);
    }

    /// <summary>Removes the <c>exchangeOnline</c> section altogether (the default): the document has no such member.</summary>
    public SnapshotBuilder WithoutExchangeOnline()
    {
        exchangeOnline = null;
        return Captured(TenantSectionName.ExchangeOnline);
    }

    /// <summary>
    /// Declares a group, so Conditional Access policies can name it and users can be its members. Its id is derived
    /// from the display name unless given. Declaring the same name again changes its id.
    /// </summary>
    /// <param name="displayName">The group's display name.</param>
    /// <param name="id">The group's object id (a GUID); derived from the name by default.</param>
    public SnapshotBuilder WithGroup(string displayName, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        if (id is not null && !DeterministicIds.IsGuid(id))
        {
            throw new ArgumentException($"A group id is a GUID; got \"{id}\".", nameof(id));
        }

        var group = new GroupSpec(displayName, id?.ToLowerInvariant() ?? GroupSpec.DerivedId(displayName));
        int index = groups.FindIndex(g => string.Equals(g.DisplayName, displayName, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            groups[index] = group;
        }
        else
        {
            groups.Add(group);
        }

        return this;
    }

    /// <summary>Marks a tenant section as failed with the Graph error it got.</summary>
    /// <param name="section">The section.</param>
    /// <param name="httpStatus">The HTTP status (100 to 599), for example 403.</param>
    /// <param name="code">Graph's error code, for example <c>Authorization_RequestDenied</c>.</param>
    /// <param name="message">Graph's error message.</param>
    /// <param name="requiredPermissions">The permissions reading the section needs, for example <c>Policy.Read.All</c>.</param>
    /// <example>
    /// <code>
    /// builder.WithSectionFailed(TenantSectionName.ConditionalAccessPolicies, httpStatus: 403,
    ///     code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.",
    ///     requiredPermissions: "Policy.Read.All");
    /// </code>
    /// </example>
    public SnapshotBuilder WithSectionFailed(TenantSectionName section, int httpStatus, string? code = null, string? message = null, params string[] requiredPermissions)
    {
        sectionOverrides[Index(section)] = SectionOverride.Failed(httpStatus, code, message, requiredPermissions);
        return this;
    }

    /// <summary>Marks a tenant section as not captured, with an optional reason.</summary>
    /// <param name="section">The section.</param>
    /// <param name="reason">Why it was not read, for example "Conditional Access requires Microsoft Entra ID P1".</param>
    public SnapshotBuilder WithSectionNotCaptured(TenantSectionName section, string? reason = null)
    {
        sectionOverrides[Index(section)] = SectionOverride.NotCaptured(reason);
        return this;
    }

    // ----- users -----

    /// <summary>
    /// Adds a user, or configures again the user already added with the same UPN (case-insensitive).
    /// </summary>
    /// <param name="userPrincipalName">The UPN, for example <c>backup@contoso.com</c>.</param>
    /// <param name="configure">Configures the user; see <see cref="UserBuilder"/> for its defaults.</param>
    /// <example>
    /// <code>
    /// builder.WithUser("backup@contoso.com", u => u
    ///     .PerUserMfa(PerUserMfaState.Enforced)
    ///     .Methods(AuthenticationMethodKind.Password, AuthenticationMethodKind.Phone)
    ///     .SectionFailed(UserSectionName.TransitiveMemberOf, 403, "Authorization_RequestDenied", requiredPermissions: "GroupMember.Read.All"));
    /// </code>
    /// </example>
    public SnapshotBuilder WithUser(string userPrincipalName, Action<UserBuilder>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userPrincipalName);
        string upn = userPrincipalName.Trim();
        if (!upn.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A user principal name looks like backup@contoso.com; got \"{userPrincipalName}\".", nameof(userPrincipalName));
        }

        if (!usersByUpn.TryGetValue(upn, out var user))
        {
            user = new UserBuilder(upn);
            users.Add(user);
            usersByUpn.Add(upn, user);
        }

        configure?.Invoke(user);
        return this;
    }

    /// <summary>Records a user that was asked for but does not exist in the tenant (the envelope's <c>missingUsers</c>).</summary>
    /// <param name="userPrincipalNameOrId">The UPN or id as asked.</param>
    public SnapshotBuilder WithMissingUser(string userPrincipalNameOrId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userPrincipalNameOrId);
        if (!missingUsers.Contains(userPrincipalNameOrId, StringComparer.OrdinalIgnoreCase))
        {
            missingUsers.Add(userPrincipalNameOrId);
        }

        return this;
    }

    // ----- output -----

    /// <summary>A deep copy of this builder: changing one does not change the other.</summary>
    public SnapshotBuilder Clone() => new(this);

    /// <summary>
    /// Builds the snapshot: writes the Graph-native document and reads it with <see cref="TenantSnapshot.Parse(ReadOnlySpan{byte})"/>. Does not
    /// change the builder; every call gives a snapshot that writes to the same bytes.
    /// </summary>
    /// <exception cref="InvalidOperationException">A policy names a user UPN or group name that the builder does not know, or a user is a member of a group id that was not declared.</exception>
    /// <exception cref="SnapshotFormatException">The configuration breaks a rule of the snapshot format (for example two users with the same id, or a missing user that is also a user).</exception>
    public TenantSnapshot Build() => TenantSnapshot.Parse(BuildDocument().Span);

    /// <summary>The snapshot as canonical JSON: exactly what <see cref="SnapshotWriter"/> writes for <see cref="Build"/>'s result.</summary>
    /// <exception cref="InvalidOperationException">As for <see cref="Build"/>.</exception>
    /// <exception cref="SnapshotFormatException">As for <see cref="Build"/>.</exception>
    public string BuildJson() => SnapshotWriter.ToJson(Build());

    /// <summary>The snapshot as canonical UTF-8 JSON bytes: exactly what <see cref="SnapshotWriter"/> writes for <see cref="Build"/>'s result.</summary>
    /// <exception cref="InvalidOperationException">As for <see cref="Build"/>.</exception>
    /// <exception cref="SnapshotFormatException">As for <see cref="Build"/>.</exception>
    public byte[] BuildUtf8() => SnapshotWriter.ToUtf8Bytes(Build());

    /// <summary>The compact document the snapshot is read from (not canonical).</summary>
    internal ReadOnlyMemory<byte> BuildDocument() => new SnapshotDocumentWriter(this).Write();

    private SnapshotBuilder Captured(TenantSectionName section)
    {
        sectionOverrides[Index(section)] = null;
        return this;
    }

    private static int Index(TenantSectionName section) => (int)GraphText.Checked(section);

    private static List<DomainSpec> DefaultDomains(CloudEnvironment cloud) =>
    [
        new DomainSpec("contoso.com", "Managed", IsDefault: true, IsInitial: false),
        new DomainSpec("contoso" + GraphText.InitialDomainSuffix(cloud), "Managed", IsDefault: false, IsInitial: true),
    ];
}

/// <summary>A domain to write, with Graph strings.</summary>
internal sealed record DomainSpec(string Name, string AuthenticationType, bool IsDefault, bool IsInitial);

/// <summary>A declared group.</summary>
internal sealed record GroupSpec(string DisplayName, string Id)
{
    public static string DerivedId(string displayName) => DeterministicIds.Guid("group", displayName.ToLowerInvariant());
}
