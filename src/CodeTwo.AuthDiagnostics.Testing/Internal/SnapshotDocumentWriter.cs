using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Testing.Internal;

/// <summary>
/// Writes a <see cref="SnapshotBuilder"/>'s configuration as a compact, Graph-native snapshot document. Every payload
/// follows the shape (property names, order, nulls and empty arrays) of the Graph response it stands for.
/// </summary>
internal sealed class SnapshotDocumentWriter
{
    /// <summary>Properties of the user object the builder writes itself.</summary>
    public static readonly FrozenSet<string> UserPropertyNames = new[]
    {
        "@odata.context", "id", "userPrincipalName", "displayName", "accountEnabled", "userType", "onPremisesSyncEnabled", "signInSessionsValidFromDateTime",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Top-level properties of a Conditional Access policy the builder writes itself.</summary>
    public static readonly FrozenSet<string> PolicyPropertyNames = new[]
    {
        "id", "templateId", "displayName", "createdDateTime", "modifiedDateTime", "state", "sessionControls", "conditions", "grantControls",
        "authenticationStrength@odata.context",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const string PasswordMethodId = "28c10230-6103-485e-b985-444c60001490";
    private const string EmailMethodId = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";
    private static readonly string[] PhoneMethodIds = ["3179e48a-750b-4051-897c-87b9720928f7", "b6332ec1-7057-4abe-9331-3d72feddfe41", "e37fc753-ff3b-4958-9484-eaa9425c82bc"];
    private static readonly string[] PhoneTypes = ["mobile", "alternateMobile", "office"];
    private static readonly string[] AuthenticatorDevices = ["iPhone 15", "iPhone 14", "Pixel 8 Pro", "Galaxy S24", "iPhone 16 Pro", "Pixel 9"];
    private static readonly string[] AuthenticatorVersions = ["6.8.14", "6.8.18", "6.2410.7119", "6.2409.6305"];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly SnapshotBuilder builder;
    private readonly string host;
    private readonly DateTimeOffset capturedAt;
    private readonly Dictionary<string, string> userIdsByUpn;
    private readonly Dictionary<string, GroupSpec> groupsByName;
    private readonly Dictionary<string, GroupSpec> groupsById;
    private readonly Dictionary<string, byte[]> groupPayloads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> rolePayloads = new(StringComparer.Ordinal);
    private Dictionary<string, ConditionalAccessPolicyBuilder>? policiesByReference;

    public SnapshotDocumentWriter(SnapshotBuilder builder)
    {
        this.builder = builder;
        host = GraphText.GraphHost(builder.Cloud);
        capturedAt = builder.CapturedAt;

        userIdsByUpn = new Dictionary<string, string>(builder.Users.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var user in builder.Users)
        {
            userIdsByUpn[user.UserPrincipalNameValue] = UserId(user);
        }

        groupsByName = new Dictionary<string, GroupSpec>(StringComparer.OrdinalIgnoreCase);
        groupsById = new Dictionary<string, GroupSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in builder.Groups)
        {
            groupsByName[group.DisplayName] = group;
            groupsById.TryAdd(group.Id, group);
        }

        // A name used by MemberOf declares the group.
        foreach (var user in builder.Users)
        {
            foreach (string reference in user.GroupList)
            {
                if (!groupsByName.ContainsKey(reference) && !(DeterministicIds.IsGuid(reference) && groupsById.ContainsKey(reference)))
                {
                    if (DeterministicIds.IsGuid(reference))
                    {
                        throw new InvalidOperationException(
                            $"User {user.UserPrincipalNameValue} is a member of group id {reference}, which no WithGroup declares; declare it with WithGroup(displayName, \"{reference}\").");
                    }

                    var group = new GroupSpec(reference, GroupSpec.DerivedId(reference));
                    groupsByName[reference] = group;
                    groupsById.TryAdd(group.Id, group);
                }
            }
        }
    }

    public ReadOnlyMemory<byte> Write()
    {
        var buffer = new ArrayBufferWriter<byte>(4096 + (builder.Users.Count * 3072) + (builder.Policies.Count * 2048));
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", TenantSnapshot.CurrentSchemaVersion);
            w.WriteString("capturedAt", Instant(capturedAt));
            w.WriteString("tenantId", builder.TenantId.ToString("D"));
            w.WriteString("cloud", GraphText.Of(builder.Cloud));

            w.WriteStartObject("sections");
            Section(w, "securityDefaults", TenantSectionName.SecurityDefaults, null, SecurityDefaults);
            Section(w, "conditionalAccessPolicies", TenantSectionName.ConditionalAccessPolicies, null, ConditionalAccessPolicies);
            Section(w, "authenticationMethodsPolicy", TenantSectionName.AuthenticationMethodsPolicy, null, AuthenticationMethodsPolicy);
            Section(
                w,
                "mfaServicePolicy",
                TenantSectionName.MfaServicePolicy,
                builder.AllowAppPasswords is null ? SectionOverride.NotCaptured(SnapshotBuilder.DefaultMfaServicePolicyReason) : null,
                MfaServicePolicy);
            Section(w, "domains", TenantSectionName.Domains, null, Domains);
            Section(w, "subscribedSkus", TenantSectionName.SubscribedSkus, null, SubscribedSkus);
            if (builder.ExchangeOnline is not null || builder.OverrideOf(TenantSectionName.ExchangeOnline) is not null)
            {
                Section(w, "exchangeOnline", TenantSectionName.ExchangeOnline, null, ExchangeOnline);
            }

            w.WriteEndObject();

            w.WriteStartArray("users");
            foreach (var user in builder.Users)
            {
                User(w, user);
            }

            w.WriteEndArray();

            if (builder.MissingUsers.Count > 0)
            {
                w.WriteStartArray("missingUsers");
                foreach (string missing in builder.MissingUsers)
                {
                    w.WriteStringValue(missing);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    // ----- sections -----

    private void Section(Utf8JsonWriter w, string name, TenantSectionName section, SectionOverride? fallback, Action<Utf8JsonWriter> writeValue) =>
        WriteSection(w, name, builder.OverrideOf(section) ?? fallback, writeValue);

    private static void WriteSection(Utf8JsonWriter w, string name, SectionOverride? state, Action<Utf8JsonWriter> writeValue)
    {
        w.WriteStartObject(name);
        if (state is null)
        {
            w.WriteString("status", GraphText.Of(SectionStatus.Captured));
            w.WritePropertyName("value");
            writeValue(w);
        }
        else if (state.Status == SectionStatus.Failed)
        {
            w.WriteString("status", GraphText.Of(SectionStatus.Failed));
            w.WriteStartObject("error");
            w.WriteNumber("httpStatus", state.HttpStatus);
            if (state.Code is not null)
            {
                w.WriteString("code", state.Code);
            }

            if (state.Message is not null)
            {
                w.WriteString("message", state.Message);
            }

            w.WriteStartArray("requiredPermissions");
            foreach (string permission in state.RequiredPermissions)
            {
                w.WriteStringValue(permission);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("status", GraphText.Of(SectionStatus.NotCaptured));
            if (state.Reason is not null)
            {
                w.WriteString("reason", state.Reason);
            }
        }

        w.WriteEndObject();
    }

    private void SecurityDefaults(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("@odata.context", $"https://{host}/v1.0/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity");
        w.WriteString("id", "00000000-0000-0000-0000-000000000005");
        w.WriteString("displayName", "Security Defaults");
        w.WriteString("description", "Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced in your organization. Administrators and users will be better protected from common identity related attacks.");
        w.WriteBoolean("isEnabled", builder.SecurityDefaultsEnabled);
        w.WriteEndObject();
    }

    private void AuthenticationMethodsPolicy(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("@odata.context", $"https://{host}/v1.0/$metadata#authenticationMethodsPolicy");
        w.WriteString("id", "authenticationMethodsPolicy");
        w.WriteString("displayName", "Authentication Methods Policy");
        w.WriteString("description", "The tenant-wide policy that controls which authentication methods are allowed in the tenant, authentication method registration requirements, and self-service password reset settings");
        w.WriteString("lastModifiedDateTime", Instant(capturedAt.AddDays(-67).AddTicks(-4_415_093)));
        w.WriteString("policyVersion", "1.5");
        w.WriteNumber("reconfirmationInDays", 0);
        w.WritePropertyName("registrationEnforcement");
        w.WriteRawValue(StaticPayloads.RegistrationEnforcement, skipInputValidation: true);
        if (builder.MigrationState is { } state)
        {
            w.WriteString("policyMigrationState", GraphText.Of(state));
        }
        else
        {
            w.WriteNull("policyMigrationState");
        }

        w.WritePropertyName("authenticationMethodConfigurations");
        w.WriteRawValue(StaticPayloads.AuthenticationMethodConfigurations, skipInputValidation: true);
        w.WriteEndObject();
    }

    private void MfaServicePolicy(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("@odata.context", $"https://{host}/beta/$metadata#policies/mfaServicePolicy/$entity");
        w.WriteBoolean("allowAppPasswords", builder.AllowAppPasswords ?? false);
        w.WriteStartObject("trustedIps");
        w.WriteBoolean("skipMfaForFederatedUsers", false);
        w.WriteEndObject();
        w.WriteStartObject("rememberMfaOnTrustedDevice");
        w.WriteBoolean("isEnabled", false);
        w.WriteNumber("allowedNumberOfDays", 14);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void Domains(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        foreach (var domain in builder.EffectiveDomains)
        {
            bool federated = string.Equals(domain.AuthenticationType, "Federated", StringComparison.Ordinal);
            w.WriteStartObject();
            w.WriteString("authenticationType", domain.AuthenticationType);
            w.WriteNull("availabilityStatus");
            w.WriteString("id", domain.Name);
            w.WriteBoolean("isAdminManaged", true);
            w.WriteBoolean("isDefault", domain.IsDefault);
            w.WriteBoolean("isInitial", domain.IsInitial);
            w.WriteBoolean("isRoot", true);
            w.WriteBoolean("isVerified", true);
            w.WriteStartArray("supportedServices");
            w.WriteStringValue("Email");
            w.WriteStringValue("OfficeCommunicationsOnline");
            if (!domain.IsInitial)
            {
                w.WriteStringValue("Intune");
            }

            w.WriteEndArray();
            if (federated)
            {
                w.WriteNull("passwordValidityPeriodInDays");
                w.WriteNull("passwordNotificationWindowInDays");
            }
            else
            {
                w.WriteNumber("passwordValidityPeriodInDays", 2147483647);
                w.WriteNumber("passwordNotificationWindowInDays", 14);
            }

            w.WriteNull("state");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The <c>exchangeOnline</c> value, shaped as <c>exchange-script</c> writes it.</summary>
    private void ExchangeOnline(Utf8JsonWriter w)
    {
        var exchange = builder.ExchangeOnline ?? throw new InvalidOperationException("The exchangeOnline section is captured but has no settings.");
        w.WriteStartObject();
        w.WriteBoolean("smtpClientAuthenticationDisabled", exchange.TenantSmtpClientAuthenticationDisabled);
        WriteStringOrNull(w, "defaultAuthenticationPolicy", exchange.DefaultPolicy);
        w.WriteStartArray("authenticationPolicies");
        foreach (var (name, allowBasicAuthSmtp) in exchange.Policies)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteBoolean("allowBasicAuthSmtp", allowBasicAuthSmtp);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("users");
        foreach (var mailbox in exchange.Mailboxes)
        {
            string id = DeterministicIds.IsGuid(mailbox.User) ? mailbox.User.ToLowerInvariant()
                : userIdsByUpn.TryGetValue(mailbox.User, out string? known) ? known
                : throw new InvalidOperationException($"Exchange Online mailbox \"{mailbox.User}\" is neither a user id nor the UPN of a user added with WithUser.");
            w.WriteStartObject(id);
            if (mailbox.SmtpClientAuthenticationDisabled is { } disabled)
            {
                w.WriteBoolean("smtpClientAuthenticationDisabled", disabled);
            }
            else
            {
                w.WriteNull("smtpClientAuthenticationDisabled");
            }

            WriteStringOrNull(w, "authenticationPolicy", mailbox.AuthenticationPolicy);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void SubscribedSkus(Utf8JsonWriter w)
    {
        int members = 0;
        foreach (var user in builder.Users)
        {
            if (string.Equals(user.UserTypeValue, "Member", StringComparison.Ordinal))
            {
                members++;
            }
        }

        string tenant = builder.TenantId.ToString("D");
        w.WriteStartArray();
        foreach (var sku in builder.Skus)
        {
            int consumed = sku.ConsumedUnits ?? members;
            int enabled = sku.EnabledUnits ?? (((consumed + 9) / 10) + 1) * 10;
            w.WriteStartObject();
            w.WriteString("accountName", "Contoso");
            w.WriteString("accountId", tenant);
            w.WriteString("appliesTo", "User");
            w.WriteString("capabilityStatus", sku.CapabilityStatusValue);
            w.WriteNumber("consumedUnits", consumed);
            w.WriteString("id", tenant + "_" + sku.SkuIdValue);
            w.WriteStartObject("prepaidUnits");
            w.WriteNumber("enabled", enabled);
            w.WriteNumber("lockedOut", 0);
            w.WriteNumber("suspended", 0);
            w.WriteNumber("warning", 0);
            w.WriteEndObject();
            w.WriteStartArray("servicePlans");
            foreach (var plan in sku.Plans)
            {
                w.WriteStartObject();
                w.WriteString("servicePlanId", plan.Id);
                w.WriteString("servicePlanName", plan.Name);
                w.WriteString("provisioningStatus", plan.ProvisioningStatus);
                w.WriteString("appliesTo", plan.AppliesTo);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("skuId", sku.SkuIdValue);
            w.WriteString("skuPartNumber", sku.SkuPartNumberValue);
            w.WriteStartArray("subscriptionIds");
            w.WriteStringValue(DeterministicIds.Guid("subscription", tenant + "_" + sku.SkuIdValue));
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    // ----- Conditional Access -----

    private void ConditionalAccessPolicies(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        foreach (var policy in builder.Policies)
        {
            Policy(w, policy);
        }

        w.WriteEndArray();
    }

    private static string PolicyId(ConditionalAccessPolicyBuilder p) => p.IdOverride ?? DeterministicIds.Guid("conditionalAccessPolicy", p.DisplayNameValue);

    /// <summary>Writes a policy; <paramref name="extra"/> adds members at its end (a What-If result's answer).</summary>
    private void Policy(Utf8JsonWriter w, ConditionalAccessPolicyBuilder p, Action<Utf8JsonWriter>? extra = null)
    {
        string id = PolicyId(p);
        ulong seed = DeterministicIds.Number("conditionalAccessPolicy", p.DisplayNameValue);
        var created = p.CreatedValue ?? capturedAt.AddDays(-(20 + (int)(seed % 900))).AddTicks(-(long)(Mix(seed, 1) % (ulong)TimeSpan.TicksPerDay));
        DateTimeOffset? modified = p.ModifiedSet
            ? p.ModifiedValue
            : Mix(seed, 2) % 3 == 0 || created >= capturedAt ? null : created.AddTicks((long)(Mix(seed, 3) % (ulong)(capturedAt - created).Ticks));

        w.WriteStartObject();
        w.WriteString("id", id);
        WriteStringOrNull(w, "templateId", p.TemplateIdValue);
        w.WriteString("displayName", p.DisplayNameValue);
        w.WriteString("createdDateTime", Instant(created));
        if (modified is { } m)
        {
            w.WriteString("modifiedDateTime", Instant(m));
        }
        else
        {
            w.WriteNull("modifiedDateTime");
        }

        w.WriteString("state", p.StateValue);
        SessionControls(w, p);

        w.WriteStartObject("conditions");
        StringArray(w, "userRiskLevels", p.UserRiskList);
        StringArray(w, "signInRiskLevels", p.SignInRiskList);
        StringArray(w, "clientAppTypes", p.ClientAppTypeList ?? (IReadOnlyList<string>)["all"]);
        StringArray(w, "servicePrincipalRiskLevels", []);
        WriteStringOrNull(w, "insiderRiskLevels", p.InsiderRiskValue);

        if (p.IncludePlatformList is null && p.ExcludePlatformList is null)
        {
            w.WriteNull("platforms");
        }
        else
        {
            w.WriteStartObject("platforms");
            StringArray(w, "includePlatforms", p.IncludePlatformList ?? []);
            StringArray(w, "excludePlatforms", p.ExcludePlatformList ?? []);
            w.WriteEndObject();
        }

        if (p.IncludeLocationList is null && p.ExcludeLocationList is null)
        {
            w.WriteNull("locations");
        }
        else
        {
            w.WriteStartObject("locations");
            StringArray(w, "includeLocations", p.IncludeLocationList ?? []);
            StringArray(w, "excludeLocations", p.ExcludeLocationList ?? []);
            w.WriteEndObject();
        }

        if (p.DeviceFilterValue is { } deviceFilter)
        {
            w.WriteStartObject("devices");
            Filter(w, "deviceFilter", deviceFilter);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("devices");
        }

        w.WriteNull("clientApplications");
        if (p.AuthenticationFlowsValue is { } flows)
        {
            w.WriteStartObject("authenticationFlows");
            w.WriteString("transferMethods", flows);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("authenticationFlows");
        }

        w.WriteStartObject("applications");
        bool noTarget = p.IncludeApplicationList.Count == 0 && p.UserActionList.Count == 0 && p.AuthenticationContextList.Count == 0;
        StringArray(w, "includeApplications", noTarget ? ["All"] : p.IncludeApplicationList);
        StringArray(w, "excludeApplications", p.ExcludeApplicationList);
        StringArray(w, "includeUserActions", p.UserActionList);
        StringArray(w, "includeAuthenticationContextClassReferences", p.AuthenticationContextList);
        if (p.ApplicationFilterValue is { } applicationFilter)
        {
            Filter(w, "applicationFilter", applicationFilter);
        }
        else
        {
            w.WriteNull("applicationFilter");
        }

        w.WriteEndObject();

        w.WriteStartObject("users");
        bool nobody = p.IncludeUserList.Count == 0 && p.IncludeGroupList.Count == 0 && p.IncludeRoleList.Count == 0 && p.IncludeGuestTypes is null;
        UserReferences(w, "includeUsers", nobody ? ["All"] : p.IncludeUserList, p);
        UserReferences(w, "excludeUsers", p.ExcludeUserList, p);
        GroupReferences(w, "includeGroups", p.IncludeGroupList, p);
        GroupReferences(w, "excludeGroups", p.ExcludeGroupList, p);
        StringArray(w, "includeRoles", p.IncludeRoleList);
        StringArray(w, "excludeRoles", p.ExcludeRoleList);
        GuestsOrExternalUsers(w, "includeGuestsOrExternalUsers", p.IncludeGuestTypes);
        GuestsOrExternalUsers(w, "excludeGuestsOrExternalUsers", p.ExcludeGuestTypes);
        w.WriteEndObject();
        w.WriteEndObject();

        GrantControls(w, p, id);

        foreach (var (name, json) in p.ExtraProperties)
        {
            w.WritePropertyName(name);
            w.WriteRawValue(json, skipInputValidation: true);
        }

        extra?.Invoke(w);
        w.WriteEndObject();
    }

    private static void SessionControls(Utf8JsonWriter w, ConditionalAccessPolicyBuilder p)
    {
        if (p.SignInFrequencyHours is not { } hours)
        {
            w.WriteNull("sessionControls");
            return;
        }

        w.WriteStartObject("sessionControls");
        w.WriteNull("disableResilienceDefaults");
        w.WriteNull("applicationEnforcedRestrictions");
        w.WriteNull("cloudAppSecurity");
        w.WriteNull("persistentBrowser");
        w.WriteNull("continuousAccessEvaluation");
        w.WriteNull("secureSignInSession");
        w.WriteStartObject("signInFrequency");
        w.WriteNumber("value", hours);
        w.WriteString("type", "hours");
        w.WriteString("authenticationType", "primaryAndSecondaryAuthentication");
        w.WriteString("frequencyInterval", "timeBased");
        w.WriteBoolean("isEnabled", true);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void GrantControls(Utf8JsonWriter w, ConditionalAccessPolicyBuilder p, string policyId)
    {
        if (p.NoGrant)
        {
            w.WriteNull("grantControls");
            return;
        }

        w.WriteStartObject("grantControls");
        w.WriteString("operator", p.OperatorValue);
        StringArray(w, "builtInControls", p.GrantSet ? p.BuiltInControlList : ["mfa"]);
        StringArray(w, "customAuthenticationFactors", p.CustomFactorList);
        StringArray(w, "termsOfUse", p.TermsOfUseList);
        w.WriteString("authenticationStrength@odata.context", $"https://{host}/v1.0/$metadata#identity/conditionalAccess/policies('{policyId}')/grantControls/authenticationStrength/$entity");
        if (p.AuthenticationStrengthName is { } strength)
        {
            AuthenticationStrength(w, strength);
        }
        else
        {
            w.WriteNull("authenticationStrength");
        }

        w.WriteEndObject();
    }

    private void AuthenticationStrength(Utf8JsonWriter w, string displayName)
    {
        (string Id, string Description, string[] Combinations)? builtIn = displayName switch
        {
            KnownAuthenticationStrengths.Multifactor => ("00000000-0000-0000-0000-000000000002", "Combinations of methods that satisfy strong authentication, such as a password + SMS", StaticPayloads.MfaCombinations),
            KnownAuthenticationStrengths.PasswordlessMfa => ("00000000-0000-0000-0000-000000000003", "Passwordless methods that satisfy strong authentication, such as Passwordless sign-in with the Microsoft Authenticator", StaticPayloads.PasswordlessCombinations),
            KnownAuthenticationStrengths.PhishingResistantMfa => ("00000000-0000-0000-0000-000000000004", "Phishing-resistant, Passwordless methods for the strongest authentication, such as a FIDO2 security key", StaticPayloads.PhishingResistantCombinations),
            _ => null,
        };

        w.WriteStartObject("authenticationStrength");
        if (builtIn is { } b)
        {
            w.WriteString("id", b.Id);
            w.WriteString("createdDateTime", "2021-12-01T00:00:00Z");
            w.WriteString("modifiedDateTime", "2021-12-01T00:00:00Z");
            w.WriteString("displayName", displayName);
            w.WriteString("description", b.Description);
            w.WriteString("policyType", "builtIn");
            w.WriteString("requirementsSatisfied", "mfa");
            StringArray(w, "allowedCombinations", b.Combinations);
        }
        else
        {
            string created = Instant(capturedAt.AddDays(-(30 + (int)(DeterministicIds.Number("authenticationStrength", displayName) % 300))));
            w.WriteString("id", DeterministicIds.Guid("authenticationStrength", displayName));
            w.WriteString("createdDateTime", created);
            w.WriteString("modifiedDateTime", created);
            w.WriteString("displayName", displayName);
            w.WriteNull("description");
            w.WriteString("policyType", "custom");
            w.WriteString("requirementsSatisfied", "mfa");
            StringArray(w, "allowedCombinations", StaticPayloads.PhishingResistantCombinations);
        }

        w.WriteEndObject();
    }

    private void UserReferences(Utf8JsonWriter w, string name, IReadOnlyList<string> references, ConditionalAccessPolicyBuilder p)
    {
        w.WriteStartArray(name);
        foreach (string reference in references)
        {
            w.WriteStringValue(ResolveUser(reference, name, p));
        }

        w.WriteEndArray();
    }

    private string ResolveUser(string reference, string list, ConditionalAccessPolicyBuilder p)
    {
        foreach (string literal in (ReadOnlySpan<string>)[KnownUsers.All, KnownUsers.None, KnownUsers.GuestsOrExternalUsers])
        {
            if (string.Equals(reference, literal, StringComparison.OrdinalIgnoreCase))
            {
                return literal;
            }
        }

        if (DeterministicIds.IsGuid(reference))
        {
            return reference.ToLowerInvariant();
        }

        return userIdsByUpn.TryGetValue(reference, out string? id)
            ? id
            : throw new InvalidOperationException(
                $"Conditional Access policy \"{p.DisplayNameValue}\": {list} names \"{reference}\", which is neither a user id, nor All, None or GuestsOrExternalUsers, nor the UPN of a user added with WithUser.");
    }

    private void GroupReferences(Utf8JsonWriter w, string name, IReadOnlyList<string> references, ConditionalAccessPolicyBuilder p)
    {
        w.WriteStartArray(name);
        foreach (string reference in references)
        {
            if (groupsByName.TryGetValue(reference, out var group))
            {
                w.WriteStringValue(group.Id);
            }
            else if (DeterministicIds.IsGuid(reference))
            {
                w.WriteStringValue(reference.ToLowerInvariant());
            }
            else
            {
                throw new InvalidOperationException(
                    $"Conditional Access policy \"{p.DisplayNameValue}\": {name} names \"{reference}\", which is neither a group id nor the name of a group declared with WithGroup or used with MemberOf.");
            }
        }

        w.WriteEndArray();
    }

    private static void GuestsOrExternalUsers(Utf8JsonWriter w, string name, string? types)
    {
        if (types is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("guestOrExternalUserTypes", types);
        w.WriteStartObject("externalTenants");
        w.WriteString("@odata.type", "#microsoft.graph.conditionalAccessAllExternalTenants");
        w.WriteString("membershipKind", "all");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Filter(Utf8JsonWriter w, string name, (FilterMode Mode, string Rule) filter)
    {
        w.WriteStartObject(name);
        w.WriteString("mode", GraphText.Of(filter.Mode));
        w.WriteString("rule", filter.Rule);
        w.WriteEndObject();
    }

    // ----- users -----

    private static string UserId(UserBuilder user) =>
        user.IdOverride ?? DeterministicIds.Guid("user", user.UserPrincipalNameValue.ToLowerInvariant());

    private void User(Utf8JsonWriter w, UserBuilder u)
    {
        string id = userIdsByUpn[u.UserPrincipalNameValue];
        ulong seed = DeterministicIds.Number("userDetails", u.UserPrincipalNameValue.ToLowerInvariant());

        w.WriteStartObject();
        w.WriteStartObject("user");
        w.WriteString("@odata.context", $"https://{host}/v1.0/$metadata#users(id,userPrincipalName,displayName,accountEnabled,userType,onPremisesSyncEnabled,signInSessionsValidFromDateTime)/$entity");
        w.WriteString("id", id);
        w.WriteString("userPrincipalName", u.UserPrincipalNameValue);
        WriteStringOrNull(w, "displayName", u.DisplayNameSet ? u.DisplayNameValue : DisplayNameFrom(u.UserPrincipalNameValue));
        if (u.AccountEnabledValue is { } enabled)
        {
            w.WriteBoolean("accountEnabled", enabled);
        }
        else
        {
            w.WriteNull("accountEnabled");
        }

        w.WriteString("userType", u.UserTypeValue);
        if (u.OnPremisesSyncEnabledValue is { } synced)
        {
            w.WriteBoolean("onPremisesSyncEnabled", synced);
        }
        else
        {
            w.WriteNull("onPremisesSyncEnabled");
        }

        var validFrom = u.SignInSessionsValidFromValue
            ?? capturedAt.AddDays(-(1 + (int)(seed % 400))).AddSeconds(-(long)(Mix(seed, 1) % 86_400));
        w.WriteString("signInSessionsValidFromDateTime", Instant(validFrom));
        foreach (var (name, json) in u.ExtraProperties)
        {
            w.WritePropertyName(name);
            w.WriteRawValue(json, skipInputValidation: true);
        }

        w.WriteEndObject();

        w.WriteStartObject("sections");
        WriteSection(w, "authenticationRequirements", u.SectionOverrides[(int)UserSectionName.AuthenticationRequirements], w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"https://{host}/beta/$metadata#users('{id}')/authentication/requirements/$entity");
            w.WriteString("perUserMfaState", u.PerUserMfaValue);
            w.WriteEndObject();
        });
        WriteSection(w, "authenticationMethods", u.SectionOverrides[(int)UserSectionName.AuthenticationMethods], w => Methods(w, u, seed));
        WriteSection(w, "transitiveMemberOf", u.SectionOverrides[(int)UserSectionName.TransitiveMemberOf], w => MemberOf(w, u));

        // Optional (catalog v1.2): absent unless named, so documents without them keep their bytes.
        if (u.Writes(UserSectionName.ConditionalAccessEvaluation))
        {
            WriteSection(w, "conditionalAccessEvaluation", u.SectionOverrides[(int)UserSectionName.ConditionalAccessEvaluation], w => Evaluations(w, u, id));
        }

        if (u.Writes(UserSectionName.SignIns))
        {
            WriteSection(w, "signIns", u.SectionOverrides[(int)UserSectionName.SignIns], w => SignIns(w, u, id));
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    // ----- catalog v1.2: What-If and sign-ins -----

    /// <summary>The snapshot's policy with this id (case-insensitive), else the one with this display name.</summary>
    private ConditionalAccessPolicyBuilder? FindPolicy(string reference)
    {
        if (policiesByReference is null)
        {
            policiesByReference = new Dictionary<string, ConditionalAccessPolicyBuilder>(StringComparer.OrdinalIgnoreCase);
            foreach (var policy in builder.Policies)
            {
                policiesByReference.TryAdd(PolicyId(policy), policy);
            }

            foreach (var policy in builder.Policies)
            {
                policiesByReference.TryAdd(policy.DisplayNameValue, policy);
            }
        }

        return policiesByReference.GetValueOrDefault(reference);
    }

    private void Evaluations(Utf8JsonWriter w, UserBuilder u, string userId)
    {
        w.WriteStartArray();
        foreach (var evaluation in u.WhatIfList)
        {
            w.WriteStartObject();
            w.WriteStartObject("request");
            w.WriteStartObject("signInIdentity");
            w.WriteString("@odata.type", "#microsoft.graph.userSignIn");
            w.WriteString("userId", userId);
            w.WriteEndObject();
            w.WriteStartObject("signInContext");
            w.WriteString("@odata.type", evaluation.ContextType);
            if (evaluation.ApplicationId is { } app)
            {
                w.WriteStartArray("includeApplications");
                w.WriteStringValue(app);
                w.WriteEndArray();
            }

            if (evaluation.UserAction is { } action)
            {
                w.WriteString("userAction", action);
            }

            w.WriteEndObject();
            w.WriteStartObject("signInConditions");
            w.WriteString("clientAppType", evaluation.ClientAppType);
            if (evaluation.Answer.IpAddressValue is { } ip)
            {
                w.WriteString("ipAddress", ip);
            }

            if (evaluation.Answer.CountryValue is { } country)
            {
                w.WriteString("country", country);
            }

            w.WriteEndObject();
            w.WriteBoolean("appliedPoliciesOnly", false);
            w.WriteEndObject();

            w.WriteStartArray("value");
            foreach (var result in evaluation.Answer.Results)
            {
                void Answer(Utf8JsonWriter w)
                {
                    w.WriteBoolean("policyApplies", result.PolicyApplies);
                    w.WriteString("analysisReasons", result.AnalysisReasons);
                }

                if (FindPolicy(result.PolicyId) is { } policy)
                {
                    Policy(w, policy, Answer);
                }
                else
                {
                    w.WriteStartObject();
                    w.WriteString("id", result.PolicyId);
                    w.WriteNull("displayName");
                    w.WriteString("state", GraphText.Of(ConditionalAccessPolicyState.Enabled));
                    Answer(w);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void SignIns(Utf8JsonWriter w, UserBuilder u, string userId)
    {
        // Newest first, as Graph returns them; equal instants keep call order (a stable sort).
        var ordered = u.SignInList
            .Select((s, ordinal) => (SignIn: s, Ordinal: ordinal, At: s.CreatedDateTimeValue ?? capturedAt - s.Before))
            .OrderByDescending(x => x.At)
            .ThenBy(x => x.Ordinal);
        string? displayName = u.DisplayNameSet ? u.DisplayNameValue : DisplayNameFrom(u.UserPrincipalNameValue);

        w.WriteStartArray();
        foreach (var (s, ordinal, at) in ordered)
        {
            string created = Instant(at);
            string key = string.Create(CultureInfo.InvariantCulture, $"{userId}|{created}|{s.ClientAppUsedValue}|{s.ErrorCodeValue}|{ordinal}");
            string id = s.IdValue ?? DeterministicIds.Guid("signIn", key);
            ulong h = DeterministicIds.Number("signIn", key);
            var (appId, appName) = s.ApplicationValue ?? (KnownApps.ExchangeOnline, "Office 365 Exchange Online");

            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("createdDateTime", created);
            WriteStringOrNull(w, "userDisplayName", displayName);
            w.WriteString("userPrincipalName", u.UserPrincipalNameValue);
            w.WriteString("userId", userId);
            w.WriteString("appId", appId);
            w.WriteString("appDisplayName", appName);
            w.WriteString("ipAddress", s.IpAddressValue ?? string.Create(CultureInfo.InvariantCulture, $"198.51.100.{1 + (h % 254)}"));
            w.WriteString("clientAppUsed", s.ClientAppUsedValue);
            w.WriteString("correlationId", DeterministicIds.Guid("signInCorrelation", key));
            w.WriteString("conditionalAccessStatus", s.ConditionalAccessStatusValue ?? ConditionalAccessStatus(s));
            w.WriteBoolean("isInteractive", s.Interactive);
            w.WriteString("resourceDisplayName", appName);
            w.WriteString("resourceId", appId);

            w.WriteStartObject("status");
            w.WriteNumber("errorCode", s.ErrorCodeValue);
            w.WriteString("failureReason", s.FailureReasonValue ?? FailureReason(s.ErrorCodeValue));
            WriteStringOrNull(w, "additionalDetails", s.AdditionalDetailsValue);
            w.WriteEndObject();

            w.WriteStartObject("deviceDetail");
            w.WriteString("deviceId", string.Empty);
            w.WriteString("displayName", s.DeviceNameValue ?? string.Empty);
            w.WriteString("operatingSystem", string.Empty);
            w.WriteString("browser", string.Empty);
            w.WriteBoolean("isCompliant", false);
            w.WriteBoolean("isManaged", false);
            w.WriteString("trustType", string.Empty);
            w.WriteEndObject();

            var (city, state, country) = s.LocationValue ?? ("Redmond", "Washington", "US");
            w.WriteStartObject("location");
            w.WriteString("city", city);
            WriteStringOrNull(w, "state", state);
            w.WriteString("countryOrRegion", country);
            w.WriteEndObject();

            w.WriteStartArray("appliedConditionalAccessPolicies");
            foreach (var applied in s.AppliedPolicies)
            {
                var policy = FindPolicy(applied.Id);
                w.WriteStartObject();
                w.WriteString("id", policy is null ? applied.Id : PolicyId(policy));
                WriteStringOrNull(w, "displayName", applied.DisplayName ?? policy?.DisplayNameValue);
                w.WriteStartArray("enforcedGrantControls");
                if (policy is not null)
                {
                    foreach (string control in policy.BuiltInControlList)
                    {
                        w.WriteStringValue(control.Length == 0 ? control : char.ToUpperInvariant(control[0]) + control[1..]);
                    }
                }

                w.WriteEndArray();
                w.WriteStartArray("enforcedSessionControls");
                w.WriteEndArray();
                w.WriteString("result", applied.Result);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("signInEventTypes");
            w.WriteStringValue(s.Interactive ? "interactiveUser" : "nonInteractiveUser");
            w.WriteEndArray();
            w.WriteString("authenticationRequirement", "singleFactorAuthentication");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string ConditionalAccessStatus(SignInBuilder s)
    {
        if (s.AppliedPolicies.Any(p => string.Equals(p.Result, "failure", StringComparison.Ordinal)))
        {
            return "failure";
        }

        return s.AppliedPolicies.Any(p => string.Equals(p.Result, "success", StringComparison.Ordinal)) ? "success" : "notApplied";
    }

    /// <summary>Microsoft Entra's failure reason for the codes the catalog names (<c>Other.</c> for success and the rest).</summary>
    private static string FailureReason(int errorCode) => errorCode switch
    {
        50053 => "Account is locked because user tried to sign in too many times with an incorrect user ID or password.",
        50057 => "User account is disabled. The account has been disabled by an administrator.",
        50074 => "Strong Authentication is required.",
        50076 => "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.",
        50079 => "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access the resource.",
        50126 => "Error validating credentials due to invalid username or password.",
        53003 => "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
        530035 => "Access has been blocked by security defaults. This is due to the request using legacy auth or being deemed unsafe by security defaults policies.",
        _ => "Other.",
    };

    private void Methods(Utf8JsonWriter w, UserBuilder u, ulong seed)
    {
        w.WriteStartArray();
        int phones = 0;
        for (int i = 0; i < u.MethodList.Count; i++)
        {
            var method = u.MethodList[i];
            ulong h = Mix(seed, 100 + (ulong)i);
            string created = Instant(capturedAt.AddDays(-(30 + (int)(h % 1500))).AddSeconds(-(long)(Mix(h, 1) % 86_400)));
            w.WriteStartObject();
            w.WriteString("@odata.type", method.ODataType ?? GraphText.Of(method.Kind));
            switch (method.Kind)
            {
                case AuthenticationMethodKind.Password:
                    w.WriteString("id", PasswordMethodId);
                    w.WriteNull("password");
                    w.WriteString("createdDateTime", created);
                    break;
                case AuthenticationMethodKind.Email:
                    w.WriteString("id", EmailMethodId);
                    w.WriteString("emailAddress", LocalPart(u.UserPrincipalNameValue) + ".home@outlook.com");
                    break;
                case AuthenticationMethodKind.Phone:
                    int slot = Math.Min(phones++, PhoneMethodIds.Length - 1);
                    w.WriteString("id", PhoneMethodIds[slot]);
                    w.WriteString("phoneNumber", string.Create(CultureInfo.InvariantCulture, $"+1 425555{h % 10_000:0000}"));
                    w.WriteString("phoneType", PhoneTypes[slot]);
                    w.WriteString("smsSignInState", "notAllowedByPolicy");
                    break;
                case AuthenticationMethodKind.MicrosoftAuthenticator:
                    w.WriteString("id", IdFrom(h));
                    w.WriteString("displayName", AuthenticatorDevices[(int)(Mix(h, 2) % (ulong)AuthenticatorDevices.Length)]);
                    w.WriteString("deviceTag", "SoftwareTokenActivated");
                    w.WriteString("phoneAppVersion", AuthenticatorVersions[(int)(Mix(h, 3) % (ulong)AuthenticatorVersions.Length)]);
                    w.WriteString("createdDateTime", created);
                    break;
                case AuthenticationMethodKind.SoftwareOath:
                    w.WriteString("id", IdFrom(h));
                    w.WriteNull("secretKey");
                    break;
                case AuthenticationMethodKind.HardwareOath:
                    w.WriteString("id", IdFrom(h));
                    w.WriteString("displayName", "Token2 C202");
                    w.WriteString("serialNumber", string.Create(CultureInfo.InvariantCulture, $"60{h % 1_000_000:000000}"));
                    w.WriteString("manufacturer", "Token2");
                    w.WriteString("model", "C202");
                    w.WriteNull("secretKey");
                    w.WriteNumber("timeIntervalInSeconds", 30);
                    w.WriteString("status", "activated");
                    w.WriteNull("lastUsedDateTime");
                    break;
                case AuthenticationMethodKind.Fido2:
                    w.WriteString("id", CredentialId(h));
                    w.WriteString("displayName", "YubiKey 5 NFC");
                    w.WriteString("createdDateTime", created);
                    w.WriteString("aaGuid", "ee882879-721c-4913-9775-3dfcce97072a");
                    w.WriteString("model", "YubiKey 5 Series with NFC");
                    w.WriteStartArray("attestationCertificates");
                    w.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{Mix(h, 4):x16}{Mix(h, 5):x16}{(uint)Mix(h, 6):x8}"));
                    w.WriteEndArray();
                    w.WriteString("attestationLevel", "attested");
                    break;
                case AuthenticationMethodKind.WindowsHelloForBusiness:
                    w.WriteString("id", CredentialId(h));
                    w.WriteString("displayName", string.Create(CultureInfo.InvariantCulture, $"DESKTOP-{(uint)Mix(h, 7) & 0xFFFFFF:X6}"));
                    w.WriteString("createdDateTime", created);
                    w.WriteString("keyStrength", "normal");
                    break;
                case AuthenticationMethodKind.TemporaryAccessPass:
                    w.WriteString("id", IdFrom(h));
                    w.WriteNull("temporaryAccessPass");
                    w.WriteString("createdDateTime", Instant(capturedAt.AddHours(-2)));
                    w.WriteString("startDateTime", Instant(capturedAt.AddHours(-2)));
                    w.WriteNumber("lifetimeInMinutes", 480);
                    w.WriteBoolean("isUsableOnce", false);
                    w.WriteBoolean("isUsable", true);
                    w.WriteString("methodUsabilityReason", "EnabledByPolicy");
                    break;
                case AuthenticationMethodKind.PlatformCredential:
                    w.WriteString("id", CredentialId(h));
                    w.WriteString("displayName", "MacBook Pro");
                    w.WriteString("createdDateTime", created);
                    w.WriteString("keyStrength", "normal");
                    w.WriteString("platform", "macOS");
                    break;
                case AuthenticationMethodKind.X509Certificate:
                    w.WriteString("id", IdFrom(h));
                    w.WriteString("createdDateTime", created);
                    break;
                case AuthenticationMethodKind.QrCodePin:
                    w.WriteString("id", IdFrom(h));
                    w.WriteString("createdDateTime", created);
                    break;
                default:
                    w.WriteString("id", IdFrom(h));
                    break;
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void MemberOf(Utf8JsonWriter w, UserBuilder u)
    {
        w.WriteStartArray();
        foreach (string reference in u.GroupList)
        {
            var group = groupsByName.TryGetValue(reference, out var byName) ? byName : groupsById[reference];
            if (!groupPayloads.TryGetValue(group.Id, out byte[]? payload))
            {
                payload = GroupPayload(group);
                groupPayloads.Add(group.Id, payload);
            }

            w.WriteRawValue(payload, skipInputValidation: true);
        }

        foreach (var (templateId, displayName) in u.RoleList)
        {
            string key = templateId + "|" + displayName;
            if (!rolePayloads.TryGetValue(key, out byte[]? payload))
            {
                payload = RolePayload(templateId, displayName);
                rolePayloads.Add(key, payload);
            }

            w.WriteRawValue(payload, skipInputValidation: true);
        }

        w.WriteEndArray();
    }

    private byte[] GroupPayload(GroupSpec group)
    {
        ulong seed = DeterministicIds.Number("groupDetails", group.Id);
        string created = Instant(capturedAt.AddDays(-(200 + (int)(seed % 2000))).AddSeconds(-(long)(Mix(seed, 1) % 86_400)));
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("@odata.type", "#microsoft.graph.group");
            w.WriteString("id", group.Id);
            if (builder.SelectedMembershipProperties)
            {
                w.WriteString("displayName", group.DisplayName);
                w.WriteEndObject();
                w.Flush();
                return buffer.WrittenSpan.ToArray();
            }

            w.WriteNull("deletedDateTime");
            w.WriteNull("classification");
            w.WriteString("createdDateTime", created);
            w.WriteStartArray("creationOptions");
            w.WriteEndArray();
            w.WriteNull("description");
            w.WriteString("displayName", group.DisplayName);
            w.WriteNull("expirationDateTime");
            w.WriteStartArray("groupTypes");
            w.WriteEndArray();
            w.WriteNull("isAssignableToRole");
            w.WriteNull("mail");
            w.WriteBoolean("mailEnabled", false);
            w.WriteString("mailNickname", MailNickname(group.DisplayName));
            w.WriteNull("membershipRule");
            w.WriteNull("membershipRuleProcessingState");
            w.WriteNull("onPremisesDomainName");
            w.WriteNull("onPremisesLastSyncDateTime");
            w.WriteNull("onPremisesSamAccountName");
            w.WriteNull("onPremisesSecurityIdentifier");
            w.WriteNull("onPremisesSyncEnabled");
            w.WriteNull("preferredDataLocation");
            w.WriteNull("preferredLanguage");
            w.WriteStartArray("proxyAddresses");
            w.WriteEndArray();
            w.WriteString("renewedDateTime", created);
            w.WriteStartArray("resourceBehaviorOptions");
            w.WriteEndArray();
            w.WriteStartArray("resourceProvisioningOptions");
            w.WriteEndArray();
            w.WriteBoolean("securityEnabled", true);
            w.WriteString("securityIdentifier", SecurityIdentifier(group.Id));
            w.WriteNull("theme");
            w.WriteNull("visibility");
            w.WriteStartArray("onPremisesProvisioningErrors");
            w.WriteEndArray();
            w.WriteStartArray("serviceProvisioningErrors");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private byte[] RolePayload(string templateId, string displayName)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("@odata.type", "#microsoft.graph.directoryRole");
            w.WriteString("id", DeterministicIds.Guid("directoryRole", builder.TenantId.ToString("D") + "_" + templateId));
            if (!builder.SelectedMembershipProperties)
            {
                w.WriteNull("deletedDateTime");
                WriteStringOrNull(w, "description", RoleDescription(templateId));
            }

            w.WriteString("displayName", displayName);
            w.WriteString("roleTemplateId", templateId);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // ----- helpers -----

    private static string? RoleDescription(string templateId) => templateId switch
    {
        KnownRoles.GlobalAdministrator => "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.",
        KnownRoles.ExchangeAdministrator => "Can manage all aspects of the Exchange product.",
        KnownRoles.SharePointAdministrator => "Can manage all aspects of the SharePoint service.",
        KnownRoles.SecurityAdministrator => "Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.",
        KnownRoles.UserAdministrator => "Can manage all aspects of users and groups, including resetting passwords for limited admins.",
        KnownRoles.HelpdeskAdministrator => "Can reset passwords for non-administrators and Helpdesk Administrators.",
        KnownRoles.GlobalReader => "Can read everything that a Global Administrator can, but not update anything.",
        _ => null,
    };

    private static void StringArray(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static string Instant(DateTimeOffset instant) => SnapshotWriter.FormatInstant(instant);

    /// <summary>SplitMix64 finalizer over <paramref name="seed"/> and <paramref name="salt"/>.</summary>
    internal static ulong Mix(ulong seed, ulong salt)
    {
        ulong z = seed + ((salt + 1) * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static string IdFrom(ulong h)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, Mix(h, 10));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], Mix(h, 11));
        return DeterministicIds.Format(bytes);
    }

    /// <summary>A credential id shaped like the base64url ids Graph gives FIDO2 keys and Windows Hello credentials.</summary>
    private static string CredentialId(ulong h)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, Mix(h, 12));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], Mix(h, 13));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "2";
    }

    private static string SecurityIdentifier(string groupId)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Guid.ParseExact(groupId, "D").TryWriteBytes(bytes);
        var parts = new uint[4];
        for (int i = 0; i < 4; i++)
        {
            parts[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return string.Create(CultureInfo.InvariantCulture, $"S-1-12-1-{parts[0]}-{parts[1]}-{parts[2]}-{parts[3]}");
    }

    private static string LocalPart(string upn)
    {
        int at = upn.IndexOf('@', StringComparison.Ordinal);
        string local = at < 0 ? upn : upn[..at];
        int ext = local.IndexOf("#EXT#", StringComparison.OrdinalIgnoreCase);
        if (ext >= 0)
        {
            local = local[..ext];
            int underscore = local.LastIndexOf('_');
            if (underscore > 0)
            {
                local = local[..underscore];
            }
        }

        return local.ToLowerInvariant();
    }

    /// <summary>"jordan.miller@contoso.com" → "Jordan Miller"; guests' <c>#EXT#</c> UPNs give the external local part.</summary>
    internal static string DisplayNameFrom(string upn)
    {
        var builder = new StringBuilder();
        foreach (string part in LocalPart(upn).Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return builder.Length == 0 ? upn : builder.ToString();
    }

    private static string MailNickname(string displayName)
    {
        var builder = new StringBuilder(displayName.Length);
        foreach (char c in displayName)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.Length == 0 ? "group" : builder.ToString();
    }
}
