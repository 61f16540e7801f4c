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

    /// <summary>Section name (<c>authenticationRequirements</c>, …) → the error its endpoint answers.</summary>
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

    /// <summary>Tenant section name → the error its endpoint answers.</summary>
    public Dictionary<string, FakeError> Errors { get; } = new(StringComparer.Ordinal);

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
            tenant.Users.Add(user);
        }

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
