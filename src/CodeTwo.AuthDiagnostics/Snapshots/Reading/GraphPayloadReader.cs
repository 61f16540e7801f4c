using System.Text.Json;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Snapshots.Reading;

/// <summary>
/// Maps Graph-native payloads to the typed model. Each method is called with the context positioned on the
/// payload; it reads only the properties the diagnosis needs (checking their JSON kinds) and keeps the element.
/// </summary>
internal static class GraphPayloadReader
{
    /// <summary>
    /// Conditions of a Conditional Access policy whose outcome depends on the sign-in (APW023). Not
    /// <c>authenticationFlows</c>: a policy with it applies only to device code flow and authentication transfer, never
    /// to an app-password sign-in (catalog v1.1 §3).
    /// </summary>
    private static readonly string[] SignInDependentConditionNames =
        ["locations", "platforms", "devices", "userRiskLevels", "signInRiskLevels", "insiderRiskLevels"];

    public static SecurityDefaultsPolicy SecurityDefaults(JsonReadContext c, JsonElement e) => new()
    {
        Json = e,
        Id = c.String(e, "id"),
        DisplayName = c.String(e, "displayName"),
        IsEnabled = c.Bool(e, "isEnabled", "the security defaults policy needs isEnabled") ?? false,
    };

    public static AuthenticationMethodsPolicy AuthenticationMethodsPolicy(JsonReadContext c, JsonElement e) => new()
    {
        Json = e,
        Id = c.String(e, "id"),
        PolicyMigrationState = c.Enum(e, "policyMigrationState", GraphEnums.MigrationState, out _),
    };

    public static MfaServicePolicy MfaServicePolicy(JsonReadContext c, JsonElement e) => new()
    {
        Json = e,
        AllowAppPasswords = c.Bool(e, "allowAppPasswords"),
    };

    public static IReadOnlyList<ConditionalAccessPolicy> ConditionalAccessPolicies(JsonReadContext c, JsonElement array) =>
        Items(c, array, "a conditionalAccessPolicy", ConditionalAccessPolicy);

    public static IReadOnlyList<Domain> Domains(JsonReadContext c, JsonElement array) => Items(c, array, "a domain", (c, e, i) =>
    {
        var authenticationType = c.Enum(e, "authenticationType", GraphEnums.DomainAuthenticationType, out string? raw);
        return new Domain
        {
            Json = e,
            Index = i,
            Id = c.String(e, "id", "every domain needs an id (its name)") ?? string.Empty,
            AuthenticationType = authenticationType ?? DomainAuthenticationType.Unknown,
            AuthenticationTypeValue = raw,
            IsDefault = c.Bool(e, "isDefault") ?? false,
            IsInitial = c.Bool(e, "isInitial") ?? false,
        };
    });

    public static IReadOnlyList<SubscribedSku> SubscribedSkus(JsonReadContext c, JsonElement array) => Items(c, array, "a subscribedSku", (c, e, i) =>
    {
        var plans = new List<ServicePlan>();
        if (c.Array(e, "servicePlans", out var planArray))
        {
            using var scope = c.Enter("servicePlans");
            int index = 0;
            foreach (var plan in planArray.EnumerateArray())
            {
                using var item = c.Enter(index++);
                if (!c.ExpectObject(plan, "a servicePlanInfo"))
                {
                    continue;
                }

                var id = c.Guid(plan, "servicePlanId", "every service plan needs a servicePlanId");
                var name = c.String(plan, "servicePlanName");
                var status = c.String(plan, "provisioningStatus");
                if (id is { } planId)
                {
                    plans.Add(new ServicePlan(planId, name, status));
                }
            }
        }

        return new SubscribedSku
        {
            Json = e,
            Index = i,
            SkuId = c.Guid(e, "skuId"),
            SkuPartNumber = c.String(e, "skuPartNumber"),
            CapabilityStatus = c.Enum(e, "capabilityStatus", GraphEnums.CapabilityStatus, out _) ?? SkuCapabilityStatus.Unknown,
            ServicePlans = plans.ToArray(),
        };
    });

    public static DirectoryUser User(JsonReadContext c, JsonElement e) => new()
    {
        Json = e,
        Id = c.String(e, "id", "every user needs an id") ?? string.Empty,
        UserPrincipalName = c.String(e, "userPrincipalName", "every user needs a userPrincipalName") ?? string.Empty,
        DisplayName = c.String(e, "displayName"),
        AccountEnabled = c.Bool(e, "accountEnabled"),
        UserType = c.Enum(e, "userType", GraphEnums.UserType, out _),
        OnPremisesSyncEnabled = c.Bool(e, "onPremisesSyncEnabled"),
        SignInSessionsValidFromDateTime = c.Instant(e, "signInSessionsValidFromDateTime"),
    };

    public static AuthenticationRequirements AuthenticationRequirements(JsonReadContext c, JsonElement e)
    {
        var state = c.Enum(e, "perUserMfaState", GraphEnums.PerUserMfaState, out string? raw, "the authentication requirements need perUserMfaState (disabled, enabled or enforced)");
        return new AuthenticationRequirements
        {
            Json = e,
            PerUserMfaState = state ?? PerUserMfaState.Unknown,
            PerUserMfaStateValue = raw ?? string.Empty,
        };
    }

    public static IReadOnlyList<AuthenticationMethod> AuthenticationMethods(JsonReadContext c, JsonElement array) =>
        Items(c, array, "an authenticationMethod", (c, e, i) =>
        {
            var kind = c.Enum(e, "@odata.type", GraphEnums.MethodKind, out string? raw, "every authentication method needs its @odata.type");
            return new AuthenticationMethod
            {
                Json = e,
                Index = i,
                Id = c.String(e, "id"),
                Kind = kind ?? AuthenticationMethodKind.Unknown,
                ODataType = raw ?? string.Empty,
            };
        });

    public static IReadOnlyList<DirectoryObject> DirectoryObjects(JsonReadContext c, JsonElement array) =>
        Items(c, array, "a directoryObject", (c, e, i) =>
        {
            var kind = c.Enum(e, "@odata.type", GraphEnums.DirectoryObjectKind, out _);
            return new DirectoryObject
            {
                Json = e,
                Index = i,
                Id = c.String(e, "id", "every directory object needs an id") ?? string.Empty,
                Kind = kind ?? DirectoryObjectKind.Unknown,
                RoleTemplateId = c.String(e, "roleTemplateId"),
                DisplayName = c.String(e, "displayName"),
            };
        });

    /// <summary>
    /// The <c>signIns</c> user section (catalog v1.2): each sign-in needs <c>id</c>, an ISO 8601 <c>createdDateTime</c>, a
    /// string <c>clientAppUsed</c> and an integer <c>status.errorCode</c>; <c>appliedConditionalAccessPolicies[].result</c>
    /// is a string (unknown values kept).
    /// </summary>
    public static SignInList SignIns(JsonReadContext c, JsonElement array, DateTimeOffset capturedAt) =>
        new SignInList(Items(c, array, "a signIn", SignIn).ToArray(), capturedAt);

    private static SignIn SignIn(JsonReadContext c, JsonElement e, int i)
    {
        int? errorCode = null;
        string? failureReason = null;
        if (c.Object(e, "status", out var status, "every sign-in needs its status with errorCode"))
        {
            using var scope = c.Enter("status");
            errorCode = c.Int(status, "errorCode", "the status needs its errorCode (0 for success)");
            failureReason = c.String(status, "failureReason");
        }

        var applied = new List<AppliedConditionalAccessPolicy>();
        if (c.Array(e, "appliedConditionalAccessPolicies", out var appliedArray))
        {
            using var scope = c.Enter("appliedConditionalAccessPolicies");
            int index = 0;
            foreach (var item in appliedArray.EnumerateArray())
            {
                using var itemScope = c.Enter(index);
                if (c.ExpectObject(item, "an appliedConditionalAccessPolicy"))
                {
                    applied.Add(new AppliedConditionalAccessPolicy
                    {
                        Id = c.String(item, "id", "every applied Conditional Access policy needs its id") ?? string.Empty,
                        DisplayName = c.String(item, "displayName"),
                        Result = c.String(item, "result") ?? string.Empty,
                        Index = index,
                    });
                }

                index++;
            }
        }

        string? country = null;
        if (c.Object(e, "location", out var location))
        {
            using var scope = c.Enter("location");
            country = c.String(location, "countryOrRegion");
        }

        string clientAppUsed = c.String(e, "clientAppUsed", "every sign-in needs clientAppUsed (the log's client app name)") ?? string.Empty;
        return new SignIn
        {
            Json = e,
            Index = i,
            Id = c.String(e, "id", "every sign-in needs its id") ?? string.Empty,
            CreatedDateTime = c.Instant(e, "createdDateTime", "every sign-in needs its createdDateTime") ?? default,
            ClientAppUsed = clientAppUsed,
            IsLegacy = LegacyClientApps.IsLegacy(clientAppUsed, out var protocol),
            Protocol = protocol,
            ErrorCode = errorCode ?? 0,
            FailureReason = failureReason,
            AppliedConditionalAccessPolicies = applied.ToArray(),
            IpAddress = c.String(e, "ipAddress"),
            CountryOrRegion = country,
        };
    }

    /// <summary>
    /// The <c>conditionalAccessEvaluation</c> user section (catalog v1.2): each entry is <c>{ "request", "value" }</c>;
    /// the request needs <c>signInIdentity</c> and <c>signInContext</c> with their <c>@odata.type</c>, each result an
    /// <c>id</c> and a boolean <c>policyApplies</c>; <c>analysisReasons</c> is a string (a comma-separated flags enum).
    /// </summary>
    /// <param name="c">The read context.</param>
    /// <param name="array">The section's value.</param>
    /// <param name="policyBits">The bits of the classified Conditional Access policies (<see cref="ClassifiedPolicies"/>), or
    /// <see langword="null"/> when the tenant's section was not captured; with it, each evaluation gets its answers as bit sets.</param>
    /// <param name="policyCount">How many policies <paramref name="policyBits"/> numbers.</param>
    public static IReadOnlyList<ConditionalAccessEvaluation> ConditionalAccessEvaluations(JsonReadContext c, JsonElement array, Dictionary<string, int>? policyBits, int policyCount) =>
        Items(c, array, "an evaluation with request and value", (c, e, i) =>
        {
            var kind = EvaluationContextKind.Unknown;
            string? userAction = null;
            IReadOnlyList<string> applications = [];
            var clientAppType = ClientAppType.All;
            if (c.Object(e, "request", out var request, "every evaluation needs the request that was POSTed to /identity/conditionalAccess/evaluate"))
            {
                using var scope = c.Enter("request");
                if (c.Object(request, "signInIdentity", out var identity, "the request needs its signInIdentity"))
                {
                    using var identityScope = c.Enter("signInIdentity");
                    c.String(identity, "@odata.type", "the signInIdentity needs its @odata.type (#microsoft.graph.userSignIn)");
                }

                if (c.Object(request, "signInContext", out var context, "the request needs its signInContext"))
                {
                    using var contextScope = c.Enter("signInContext");
                    kind = c.Enum(context, "@odata.type", GraphEnums.EvaluationContext, out _, "the signInContext needs its @odata.type (#microsoft.graph.applicationContext or #microsoft.graph.userActionContext)") ?? EvaluationContextKind.Unknown;
                    applications = c.StringArray(context, "includeApplications");
                    userAction = c.String(context, "userAction");
                }

                if (c.Object(request, "signInConditions", out var conditions))
                {
                    using var conditionsScope = c.Enter("signInConditions");
                    if (c.Enum(conditions, "clientAppType", GraphEnums.ClientAppType, out _) is { } type)
                    {
                        clientAppType = type;
                    }
                }
            }

            IReadOnlyList<WhatIfResult> results = [];
            if (c.Array(e, "value", out var value, "every evaluation needs the value array of Microsoft's answer (whatIfAnalysisResult)"))
            {
                using var scope = c.Enter("value");
                results = Items(c, value, "a whatIfAnalysisResult", WhatIfResult);
            }

            ulong[]? appliesBits = null, doesNotApplyBits = null;
            if (policyBits is not null)
            {
                int words = (policyCount + 63) >> 6;
                appliesBits = new ulong[words];
                doesNotApplyBits = new ulong[words];
                foreach (var result in results)
                {
                    if (policyBits.TryGetValue(result.Id, out int bit))
                    {
                        if (result.PolicyApplies)
                        {
                            appliesBits[bit >> 6] |= 1UL << (bit & 63);
                        }
                        else if (result.AuthoritativeNo)
                        {
                            doesNotApplyBits[bit >> 6] |= 1UL << (bit & 63);
                        }
                    }
                }
            }

            return new ConditionalAccessEvaluation
            {
                Json = e,
                Index = i,
                ContextKind = kind,
                UserAction = userAction,
                IncludeApplications = applications,
                ClientAppType = clientAppType,
                Results = results,
                AppliesBits = appliesBits,
                DoesNotApplyBits = doesNotApplyBits,
                IsSecurityInfoRegistration = kind == EvaluationContextKind.UserAction && string.Equals(userAction, "registerSecurityInformation", StringComparison.OrdinalIgnoreCase),
            };
        });

    private static WhatIfResult WhatIfResult(JsonReadContext c, JsonElement e, int index)
    {
        string reasons = c.String(e, "analysisReasons") ?? string.Empty;
        bool applies = c.Bool(e, "policyApplies", "every What-If result needs policyApplies") ?? false;
        string[] reasonList = reasons.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new WhatIfResult
        {
            Json = e,
            Index = index,
            Id = c.String(e, "id", "every What-If result needs the policy's id") ?? string.Empty,
            DisplayName = c.String(e, "displayName"),
            PolicyApplies = applies,
            AnalysisReasons = reasonList,
            AnalysisReasonsValue = reasons,
            AuthoritativeNo = !applies && Graph.WhatIfResult.AllAuthoritative(reasonList),
        };
    }

    internal static ConditionalAccessPolicy ConditionalAccessPolicy(JsonReadContext c, JsonElement e, int index)
    {
        var state = c.Enum(e, "state", GraphEnums.PolicyState, out string? stateRaw, "every Conditional Access policy needs a state");
        var conditions = ConditionalAccessConditions.Empty;
        if (c.Object(e, "conditions", out var conditionsElement, "every Conditional Access policy needs conditions"))
        {
            using var scope = c.Enter("conditions");
            conditions = Conditions(c, conditionsElement);
        }

        ConditionalAccessGrantControls? grant = null;
        if (c.Object(e, "grantControls", out var grantElement))
        {
            using var scope = c.Enter("grantControls");
            grant = GrantControls(c, grantElement);
        }

        return new ConditionalAccessPolicy
        {
            Json = e,
            Index = index,
            Id = c.String(e, "id", "every Conditional Access policy needs an id") ?? string.Empty,
            DisplayName = c.String(e, "displayName"),
            State = state ?? ConditionalAccessPolicyState.Unknown,
            StateValue = stateRaw ?? string.Empty,
            Conditions = conditions,
            GrantControls = grant,
        };
    }

    private static ConditionalAccessConditions Conditions(JsonReadContext c, JsonElement e)
    {
        var users = ConditionalAccessUsers.Empty;
        if (c.Object(e, "users", out var usersElement))
        {
            using var scope = c.Enter("users");
            users = new ConditionalAccessUsers
            {
                IncludeUsers = c.StringArray(usersElement, "includeUsers"),
                ExcludeUsers = c.StringArray(usersElement, "excludeUsers"),
                IncludeGroups = c.StringArray(usersElement, "includeGroups"),
                ExcludeGroups = c.StringArray(usersElement, "excludeGroups"),
                IncludeRoles = c.StringArray(usersElement, "includeRoles"),
                ExcludeRoles = c.StringArray(usersElement, "excludeRoles"),
                IncludeGuestsOrExternalUsers = c.Object(usersElement, "includeGuestsOrExternalUsers", out _),
                ExcludeGuestsOrExternalUsers = c.Object(usersElement, "excludeGuestsOrExternalUsers", out _),
            };
        }

        var signInDependent = new List<string>();
        var applications = ConditionalAccessApplications.Empty;
        if (c.Object(e, "applications", out var appsElement))
        {
            using var scope = c.Enter("applications");
            applications = new ConditionalAccessApplications
            {
                IncludeApplications = c.StringArray(appsElement, "includeApplications"),
                ExcludeApplications = c.StringArray(appsElement, "excludeApplications"),
                IncludeUserActions = c.StringArray(appsElement, "includeUserActions"),
                IncludeAuthenticationContextClassReferences = c.StringArray(appsElement, "includeAuthenticationContextClassReferences"),
            };
            if (c.Object(appsElement, "applicationFilter", out _))
            {
                signInDependent.Add("applications.applicationFilter");
            }
        }

        var clientAppTypes = c.EnumArray(e, "clientAppTypes", GraphEnums.ClientAppType, out _);

        foreach (string name in SignInDependentConditionNames)
        {
            if (!JsonReadContext.TryGet(e, name, out var value))
            {
                continue;
            }

            bool present = value.ValueKind switch
            {
                JsonValueKind.Object => true,
                JsonValueKind.Array => value.GetArrayLength() > 0,
                JsonValueKind.String => value.GetString() is { Length: > 0 } text && !string.Equals(text, "none", StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
            if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String))
            {
                c.ErrorAt(name, JsonReadContext.Describe(value), "expected an object, an array or null");
            }
            else if (present)
            {
                signInDependent.Add(name);
            }
        }

        return new ConditionalAccessConditions
        {
            Users = users,
            Applications = applications,
            ClientAppTypes = clientAppTypes,
            SignInDependentConditions = signInDependent.ToArray(),
            LimitedToAuthenticationFlows = AuthenticationFlows(c, e),
        };
    }

    /// <summary>
    /// Whether <c>authenticationFlows</c> is present (catalog v1.1 §6.6): a non-null object whose <c>transferMethods</c> is
    /// neither empty nor <c>none</c>. Graph writes the flags as one comma-separated string.
    /// </summary>
    private static bool AuthenticationFlows(JsonReadContext c, JsonElement e)
    {
        if (!JsonReadContext.TryGet(e, "authenticationFlows", out var flows) || flows.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (flows.ValueKind != JsonValueKind.Object)
        {
            c.ErrorAt("authenticationFlows", JsonReadContext.Describe(flows), "expected an object or null");
            return false;
        }

        using var scope = c.Enter("authenticationFlows");
        string? methods = c.String(flows, "transferMethods");
        return methods is not null && methods
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(m => !string.Equals(m, "none", StringComparison.OrdinalIgnoreCase));
    }

    private static ConditionalAccessGrantControls GrantControls(JsonReadContext c, JsonElement e)
    {
        bool hasStrength = c.Object(e, "authenticationStrength", out var strength);
        return new ConditionalAccessGrantControls
        {
            Operator = c.String(e, "operator"),
            BuiltInControls = c.EnumArray(e, "builtInControls", GraphEnums.BuiltInControl, out var raw),
            BuiltInControlValues = raw,
            TermsOfUse = c.StringArray(e, "termsOfUse"),
            CustomAuthenticationFactors = c.StringArray(e, "customAuthenticationFactors"),
            HasAuthenticationStrength = hasStrength,
            AuthenticationStrengthName = hasStrength && JsonReadContext.TryGet(strength, "displayName", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString()
                : null,
        };
    }

    internal static IReadOnlyList<T> Items<T>(JsonReadContext c, JsonElement array, string what, Func<JsonReadContext, JsonElement, int, T> read)
    {
        int length = array.GetArrayLength();
        if (length == 0)
        {
            return [];
        }

        var items = new List<T>(length);
        int index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (c.ErrorLimitReached)
            {
                c.StoppedAtLimit();
                break;
            }

            using var scope = c.Enter(index);
            if (c.ExpectObject(element, what))
            {
                items.Add(read(c, element, index));
            }

            index++;
        }

        return items.ToArray();
    }
}
