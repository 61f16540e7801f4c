using System.Globalization;
using System.Text.Json.Nodes;

namespace CodeTwo.AuthDiagnostics.Graph.Fakes;

/// <summary>A Graph error the fake answers with instead of a resource.</summary>
public sealed record FakeError(int Status, string Code, string Message);

/// <summary>One user of the fake tenant: the user object and what its per-user endpoints answer.</summary>
public sealed class FakeUser
{
    public required JsonObject User { get; init; }

    public JsonObject? Requirements { get; set; }

    public JsonArray? Methods { get; set; }

    public JsonArray? MemberOf { get; set; }

    /// <summary>
    /// A canned What-If answer: given the POSTed evaluation body, the <c>value</c> array to answer with, or
    /// <see langword="null"/> to let the fake evaluate the tenant's policies.
    /// </summary>
    public Func<JsonObject, JsonArray?>? WhatIf { get; set; }

    /// <summary>
    /// Section name (<c>authenticationRequirements</c>, …, <c>conditionalAccessEvaluation</c>) → the error its endpoint
    /// answers; <c>signIns</c>: the sign-in log's answer when asked for this user's sign-ins (<c>userId eq</c>).
    /// </summary>
    public Dictionary<string, FakeError> Errors { get; } = new(StringComparer.Ordinal);

    public string Id => (string)User["id"]!;

    public string UserPrincipalName => (string)User["userPrincipalName"]!;
}

/// <summary>
/// The state of the fake Graph: tenant resources and users in their Graph JSON shapes, loaded from a snapshot document
/// (each captured section is served as is, each failed section answers its recorded error, each section not captured
/// answers "not found") or generated. Writes change it. Guarded by the server's lock.
/// </summary>
public sealed class FakeTenant
{
    public Guid TenantId { get; set; } = Guid.Parse("6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10");

    public JsonObject? SecurityDefaults { get; set; }

    public JsonArray? ConditionalAccessPolicies { get; set; }

    public JsonObject? AuthenticationMethodsPolicy { get; set; }

    public JsonObject? MfaServicePolicy { get; set; }

    public JsonArray? Domains { get; set; }

    public JsonArray? SubscribedSkus { get; set; }

    /// <summary>
    /// Tenant section name → the error its endpoint answers; <c>signIns</c> is the sign-in log's (for example 403
    /// <see cref="NonPremium"/>), <c>conditionalAccessEvaluation</c> What-If's for every user.
    /// </summary>
    public Dictionary<string, FakeError> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The sign-in log (<c>/beta/auditLogs/signIns</c>): <c>signIn</c> objects in Graph's beta shape, in any order.</summary>
    public List<JsonObject> SignIns { get; } = [];

    /// <summary>
    /// Whether What-If evaluates the tenant's policies for users without a canned answer (default). A tenant loaded from a
    /// snapshot without an evaluation for a user answers with no results instead, so the diagnosis of the capture stays
    /// the diagnosis of the file (a missing result leaves the offline reading as it is).
    /// </summary>
    public bool EvaluatesConditionalAccess { get; set; } = true;

    /// <summary>Graph's answer to the sign-in log of a tenant without Entra ID P1/P2.</summary>
    public static FakeError NonPremium { get; } = new(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Tenant does not have a SKU required for this feature.");

    public List<FakeUser> Users { get; } = [];

    private Dictionary<string, FakeUser>? index;

    /// <summary>The user with this object id or UPN (case-insensitive). Users are added before the server starts.</summary>
    public FakeUser? FindUser(string key)
    {
        if (index is null || index.Count < Users.Count)
        {
            var built = new Dictionary<string, FakeUser>(Users.Count * 2, StringComparer.OrdinalIgnoreCase);
            foreach (var user in Users)
            {
                built.TryAdd(user.Id, user);
                built.TryAdd(user.UserPrincipalName, user);
            }

            index = built;
        }

        return index.TryGetValue(key, out var found) ? found : null;
    }

    /// <summary>A tenant serving exactly what a snapshot document holds.</summary>
    public static FakeTenant FromSnapshot(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var tenant = new FakeTenant { TenantId = Guid.Parse((string)root["tenantId"]!) };
        var sections = root["sections"]!.AsObject();
        tenant.SecurityDefaults = Section<JsonObject>(sections, "securityDefaults", tenant.Errors);
        tenant.ConditionalAccessPolicies = Section<JsonArray>(sections, "conditionalAccessPolicies", tenant.Errors);
        tenant.AuthenticationMethodsPolicy = Section<JsonObject>(sections, "authenticationMethodsPolicy", tenant.Errors);
        tenant.MfaServicePolicy = Section<JsonObject>(sections, "mfaServicePolicy", tenant.Errors);
        tenant.Domains = Section<JsonArray>(sections, "domains", tenant.Errors);
        tenant.SubscribedSkus = Section<JsonArray>(sections, "subscribedSkus", tenant.Errors);
        foreach (var entry in root["users"]!.AsArray())
        {
            var userSections = entry!["sections"]!.AsObject();
            var user = new FakeUser { User = entry["user"]!.DeepClone().AsObject() };
            user.Requirements = Section<JsonObject>(userSections, "authenticationRequirements", user.Errors);
            user.Methods = Section<JsonArray>(userSections, "authenticationMethods", user.Errors);
            user.MemberOf = Section<JsonArray>(userSections, "transitiveMemberOf", user.Errors);

            // v1.2: the sign-ins go into the tenant's log (a failed section makes the log answer its error when asked
            // for this user's sign-ins), and recorded evaluations are answered for the same request bodies.
            var signIns = Section<JsonArray>(userSections, "signIns", user.Errors);
            tenant.SignIns.AddRange(signIns?.OfType<JsonObject>().Select(s => s.DeepClone().AsObject()) ?? []);
            if (Section<JsonArray>(userSections, "conditionalAccessEvaluation", user.Errors) is { } evaluations)
            {
                var recorded = evaluations.OfType<JsonObject>().Select(e => (Request: e["request"]!.DeepClone(), Value: e["value"]!.AsArray())).ToArray();
                user.WhatIf = body => recorded.FirstOrDefault(e => JsonNode.DeepEquals(e.Request, body)).Value?.DeepClone().AsArray() ?? [];
            }

            tenant.Users.Add(user);
        }

        tenant.EvaluatesConditionalAccess = false;
        return tenant;
    }

    /// <summary>A tenant loaded from a fixture file next to the test assembly.</summary>
    public static FakeTenant FromFixture(string name) => FromSnapshot(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", name)));

    /// <summary>
    /// A generated tenant: security defaults off, no Conditional Access policy, two domains, one SKU, and
    /// <paramref name="users"/> users (<c>user0000@contoso.com</c>, …) with per-user MFA states, methods and groups that vary.
    /// </summary>
    public static FakeTenant Generate(int users, int groupsPerUser = 2)
    {
        var tenant = new FakeTenant
        {
            SecurityDefaults = Obj("""{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity","id":"00000000-0000-0000-0000-000000000005","displayName":"Security Defaults","isEnabled":false}"""),
            ConditionalAccessPolicies = [],
            AuthenticationMethodsPolicy = Obj("""{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#policies/authenticationMethodsPolicy/$entity","id":"authenticationMethodsPolicy","policyMigrationState":"migrationInProgress","authenticationMethodConfigurations":[]}"""),
            MfaServicePolicy = Obj("""{"allowAppPasswords":true}"""),
            Domains = [Obj("""{"id":"contoso.com","authenticationType":"Managed","isDefault":true,"isInitial":false,"isVerified":true}"""), Obj("""{"id":"contoso.onmicrosoft.com","authenticationType":"Managed","isDefault":false,"isInitial":true,"isVerified":true}""")],
            SubscribedSkus = [Obj("""{"accountId":"6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10","skuId":"f245ecc8-75af-4f8e-b61f-27d8114de5f3","skuPartNumber":"O365_BUSINESS_PREMIUM","capabilityStatus":"Enabled","servicePlans":[]}""")],
        };
        string[] states = ["disabled", "enabled", "enforced"];
        for (int i = 0; i < users; i++)
        {
            string id = GeneratedId(i);
            var user = new FakeUser
            {
                User = Obj($$"""{"id":"{{id}}","userPrincipalName":"user{{i.ToString("D4", CultureInfo.InvariantCulture)}}@contoso.com","displayName":"User {{i}}","accountEnabled":true,"userType":"Member","onPremisesSyncEnabled":null,"signInSessionsValidFromDateTime":"2026-01-01T00:00:00Z"}"""),
                Requirements = Obj($$"""{"perUserMfaState":"{{states[i % 3]}}"}"""),
                Methods = [Obj("""{"@odata.type":"#microsoft.graph.passwordAuthenticationMethod","id":"28c10230-6103-485e-b985-444c60001490"}""")],
                MemberOf = [],
            };
            for (int g = 0; g < groupsPerUser; g++)
            {
                user.MemberOf.Add(Obj($$"""{"@odata.type":"#microsoft.graph.group","id":"{{GeneratedId(1_000_000 + ((i + g) % 50))}}","displayName":"Group {{(i + g) % 50}}"}"""));
            }

            tenant.Users.Add(user);
        }

        return tenant;
    }

    /// <summary>
    /// A sign-in of the log in Graph's beta shape: an Exchange Online sign-in of <paramref name="user"/> with
    /// <paramref name="clientAppUsed"/> at <paramref name="createdAt"/>, answered <paramref name="errorCode"/>, from
    /// <paramref name="ipAddress"/> in <paramref name="country"/>, with the given Conditional Access results.
    /// </summary>
    public static JsonObject SignIn(FakeUser user, string clientAppUsed, DateTimeOffset createdAt, int errorCode = 0, string ipAddress = "203.0.113.10", string country = "PL", string eventType = "interactiveUser", params (string Id, string DisplayName, string Result)[] policies)
    {
        var applied = new JsonArray();
        foreach (var (id, name, result) in policies)
        {
            applied.Add(new JsonObject { ["id"] = id, ["displayName"] = name, ["enforcedGrantControls"] = new JsonArray("Mfa"), ["enforcedSessionControls"] = new JsonArray(), ["result"] = result });
        }

        string reason = errorCode switch
        {
            0 => "Other.",
            50076 => "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000002-0000-0ff1-ce00-000000000000'.",
            53003 => "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
            50126 => "Error validating credentials due to invalid username or password.",
            _ => "Sign-in failed.",
        };
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("D"),
            ["createdDateTime"] = createdAt.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture),
            ["userDisplayName"] = (string?)user.User["displayName"],
            ["userPrincipalName"] = user.UserPrincipalName,
            ["userId"] = user.Id,
            ["appId"] = "00000002-0000-0ff1-ce00-000000000000",
            ["appDisplayName"] = "Office 365 Exchange Online",
            ["ipAddress"] = ipAddress,
            ["clientAppUsed"] = clientAppUsed,
            ["isInteractive"] = eventType == "interactiveUser",
            ["signInEventTypes"] = new JsonArray(eventType),
            ["resourceDisplayName"] = "Office 365 Exchange Online",
            ["resourceId"] = "00000002-0000-0ff1-ce00-000000000000",
            ["conditionalAccessStatus"] = policies.Length == 0 ? "notApplied" : errorCode == 0 ? "success" : "failure",
            ["authenticationRequirement"] = errorCode == 50076 ? "multiFactorAuthentication" : "singleFactorAuthentication",
            ["status"] = new JsonObject { ["errorCode"] = errorCode, ["failureReason"] = reason, ["additionalDetails"] = null },
            ["location"] = new JsonObject { ["city"] = "Gdansk", ["state"] = "Pomorskie", ["countryOrRegion"] = country },
            ["appliedConditionalAccessPolicies"] = applied,
        };
    }

    public static string GeneratedId(int n) => new Guid(n, 0x1234, 0x4567, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67).ToString("D");

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private static T? Section<T>(JsonObject sections, string name, Dictionary<string, FakeError> errors)
        where T : JsonNode
    {
        if (sections[name] is not JsonObject section)
        {
            return null;
        }

        switch ((string?)section["status"])
        {
            case "captured":
                return (T)section["value"]!.DeepClone();
            case "failed":
                var error = section["error"]!;
                errors[name] = new FakeError((int)error["httpStatus"]!, (string?)error["code"] ?? "Error", (string?)error["message"] ?? "Failed.");
                return null;
            default:
                return null;
        }
    }
}
