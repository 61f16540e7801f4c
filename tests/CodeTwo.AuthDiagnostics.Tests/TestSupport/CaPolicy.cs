using System.Text.Json.Nodes;

namespace CodeTwo.AuthDiagnostics.Tests.TestSupport;

/// <summary>
/// A Conditional Access policy in the JSON shape of <c>GET /v1.0/identity/conditionalAccess/policies</c>. The defaults
/// describe an enabled "block legacy authentication for everyone, every app" policy; tests change one member at a time.
/// </summary>
public sealed record CaPolicy
{
    public const string DefaultId = "aaaaaaaa-1111-4111-8111-000000000001";

    public string Id { get; init; } = DefaultId;

    public string DisplayName { get; init; } = "Test policy";

    public string State { get; init; } = "enabled";

    public string[] IncludeUsers { get; init; } = ["All"];

    public string[] ExcludeUsers { get; init; } = [];

    public string[] IncludeGroups { get; init; } = [];

    public string[] ExcludeGroups { get; init; } = [];

    public string[] IncludeRoles { get; init; } = [];

    public string[] ExcludeRoles { get; init; } = [];

    public bool IncludeGuestsObject { get; init; }

    public bool ExcludeGuestsObject { get; init; }

    public string[] IncludeApplications { get; init; } = ["All"];

    public string[] ExcludeApplications { get; init; } = [];

    public string[] IncludeUserActions { get; init; } = [];

    /// <summary>The client app types; <see langword="null"/> leaves the property out of the document.</summary>
    public string[]? ClientAppTypes { get; init; } = ["all"];

    public string[] BuiltInControls { get; init; } = ["block"];

    public string[] TermsOfUse { get; init; } = [];

    /// <summary>The display name of a required authentication strength, or <see langword="null"/> for none.</summary>
    public string? AuthenticationStrength { get; init; }

    /// <summary>Extra members of <c>conditions</c> (for example <c>locations</c>), as JSON text.</summary>
    public IReadOnlyDictionary<string, string> Conditions { get; init; } = new Dictionary<string, string>();

    /// <summary>The well-known "All locations except trusted" condition.</summary>
    public const string OutsideTrustedLocations = """{"includeLocations":["All"],"excludeLocations":["AllTrusted"]}""";

    /// <summary>An Android + iOS platform condition.</summary>
    public const string MobilePlatforms = """{"includePlatforms":["android","iOS"],"excludePlatforms":[]}""";

    public JsonObject ToJson()
    {
        var conditions = new JsonObject
        {
            ["userRiskLevels"] = new JsonArray(),
            ["signInRiskLevels"] = new JsonArray(),
            ["platforms"] = null,
            ["locations"] = null,
            ["devices"] = null,
            ["applications"] = new JsonObject
            {
                ["includeApplications"] = Strings(IncludeApplications),
                ["excludeApplications"] = Strings(ExcludeApplications),
                ["includeUserActions"] = Strings(IncludeUserActions),
                ["includeAuthenticationContextClassReferences"] = new JsonArray(),
                ["applicationFilter"] = null,
            },
            ["users"] = new JsonObject
            {
                ["includeUsers"] = Strings(IncludeUsers),
                ["excludeUsers"] = Strings(ExcludeUsers),
                ["includeGroups"] = Strings(IncludeGroups),
                ["excludeGroups"] = Strings(ExcludeGroups),
                ["includeRoles"] = Strings(IncludeRoles),
                ["excludeRoles"] = Strings(ExcludeRoles),
                ["includeGuestsOrExternalUsers"] = IncludeGuestsObject ? GuestsObject() : null,
                ["excludeGuestsOrExternalUsers"] = ExcludeGuestsObject ? GuestsObject() : null,
            },
        };
        if (ClientAppTypes is not null)
        {
            conditions["clientAppTypes"] = Strings(ClientAppTypes);
        }

        foreach (var (name, json) in Conditions)
        {
            conditions[name] = JsonNode.Parse(json);
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["displayName"] = DisplayName,
            ["state"] = State,
            ["sessionControls"] = null,
            ["conditions"] = conditions,
            ["grantControls"] = new JsonObject
            {
                ["operator"] = "OR",
                ["builtInControls"] = Strings(BuiltInControls),
                ["customAuthenticationFactors"] = new JsonArray(),
                ["termsOfUse"] = Strings(TermsOfUse),
                ["authenticationStrength"] = AuthenticationStrength is null ? null : new JsonObject
                {
                    ["id"] = "00000000-0000-0000-0000-000000000002",
                    ["displayName"] = AuthenticationStrength,
                    ["policyType"] = "builtIn",
                    ["requirementsSatisfied"] = "mfa",
                    ["allowedCombinations"] = new JsonArray("windowsHelloForBusiness", "fido2", "password,microsoftAuthenticatorPush"),
                },
            },
        };
    }

    private static JsonObject GuestsObject() => new()
    {
        ["guestOrExternalUserTypes"] = "internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider",
        ["externalTenants"] = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.conditionalAccessAllExternalTenants",
            ["membershipKind"] = "all",
        },
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
