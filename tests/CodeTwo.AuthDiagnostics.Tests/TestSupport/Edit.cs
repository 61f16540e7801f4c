using System.Text.Json.Nodes;

namespace CodeTwo.AuthDiagnostics.Tests.TestSupport;

/// <summary>Common edits of a snapshot document, for <see cref="Fixture.With"/>.</summary>
public static class Edit
{
    public static JsonNode TenantSection(this JsonObject root, string name) => root["sections"]![name]!;

    public static JsonNode User(this JsonObject root, int index = 0) => root["users"]![index]!;

    public static JsonNode UserSection(this JsonObject root, string name, int index = 0) => root.User(index)["sections"]![name]!;

    public static void SecurityDefaults(this JsonObject root, bool enabled) =>
        root.TenantSection("securityDefaults")["value"]!["isEnabled"] = enabled;

    public static void PerUserMfa(this JsonObject root, string state, int user = 0) =>
        root.UserSection("authenticationRequirements", user)["value"]!["perUserMfaState"] = state;

    public static void SetUserProperty(this JsonObject root, string name, JsonNode? value, int user = 0) =>
        root.User(user)["user"]![name] = value;

    /// <summary>Replaces the Conditional Access section with a captured list of <paramref name="policies"/>.</summary>
    public static void Policies(this JsonObject root, params CaPolicy[] policies) =>
        root["sections"]!["conditionalAccessPolicies"] = Captured(new JsonArray(policies.Select(p => (JsonNode)p.ToJson()).ToArray()));

    public static void AppPasswordSwitch(this JsonObject root, bool allowed) =>
        root["sections"]!["mfaServicePolicy"] = Captured(new JsonObject { ["allowAppPasswords"] = allowed });

    /// <summary>Marks a tenant section <c>notCaptured</c>.</summary>
    public static void TenantNotCaptured(this JsonObject root, string name) =>
        root["sections"]![name] = new JsonObject { ["status"] = "notCaptured" };

    /// <summary>Marks a user section <c>notCaptured</c>.</summary>
    public static void UserNotCaptured(this JsonObject root, string name, int user = 0) =>
        root.User(user)["sections"]![name] = new JsonObject { ["status"] = "notCaptured" };

    /// <summary>Marks a tenant section <c>failed</c> with a Graph-shaped error.</summary>
    public static void TenantFailed(this JsonObject root, string name, int httpStatus, params string[] permissions) =>
        root["sections"]![name] = Failed(httpStatus, permissions);

    public static JsonObject Failed(int httpStatus, params string[] permissions) => new()
    {
        ["status"] = "failed",
        ["error"] = new JsonObject
        {
            ["httpStatus"] = httpStatus,
            ["code"] = "Authorization_RequestDenied",
            ["message"] = "Insufficient privileges to complete the operation.",
            ["requiredPermissions"] = new JsonArray(permissions.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
        },
    };

    public static JsonObject Captured(JsonNode value) => new() { ["status"] = "captured", ["value"] = value };

    /// <summary>Replaces the user's directory objects (groups and roles).</summary>
    public static void MemberOf(this JsonObject root, int user, params JsonObject[] objects) =>
        root.User(user)["sections"]!["transitiveMemberOf"] = Captured(new JsonArray(objects.Cast<JsonNode>().ToArray()));

    public static JsonObject Group(string id, string name = "Test group") => new()
    {
        ["@odata.type"] = "#microsoft.graph.group",
        ["id"] = id,
        ["displayName"] = name,
    };

    public static JsonObject Role(string id, string roleTemplateId, string name = "Test role") => new()
    {
        ["@odata.type"] = "#microsoft.graph.directoryRole",
        ["id"] = id,
        ["displayName"] = name,
        ["roleTemplateId"] = roleTemplateId,
    };

    /// <summary>Replaces the user's authentication methods with methods of the given Graph types (<c>passwordAuthenticationMethod</c>, …).</summary>
    public static void Methods(this JsonObject root, int user, params string[] types) =>
        root.User(user)["sections"]!["authenticationMethods"] = Captured(new JsonArray(types.Select((t, i) => (JsonNode)new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph." + t,
            ["id"] = $"00000000-0000-4000-8000-{i:D12}",
        }).ToArray()));

    /// <summary>Replaces the SKUs with one SKU holding <paramref name="servicePlanIds"/>.</summary>
    public static void Skus(this JsonObject root, string capabilityStatus, params (string Id, string Status)[] servicePlanIds) =>
        root["sections"]!["subscribedSkus"] = Captured(new JsonArray(new JsonObject
        {
            ["capabilityStatus"] = capabilityStatus,
            ["skuId"] = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
            ["skuPartNumber"] = "SPB",
            ["servicePlans"] = new JsonArray(servicePlanIds.Select(p => (JsonNode)new JsonObject
            {
                ["servicePlanId"] = p.Id,
                ["servicePlanName"] = "PLAN",
                ["provisioningStatus"] = p.Status,
                ["appliesTo"] = "User",
            }).ToArray()),
        }));
}
