using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>Valid snapshot documents to start from, the fixture files, and helpers to read and break them.</summary>
internal static class SnapshotDocuments
{
    public const string TenantId = "6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10";
    public const string BackupId = "cbf27734-ac10-4525-8b66-402800e03d2c";
    public const string AliceId = "3cee1c2b-48d7-4d4c-b348-c06afe63e227";
    public const string PolicyId = "99b9bfd0-eaaf-42de-96a7-3b17a317d042";

    /// <summary>
    /// A complete, valid document: every tenant section (one of them failed), two users with every user section,
    /// and a missing user. Every bad-input case starts from it and breaks exactly one thing (unless it says otherwise).
    /// </summary>
    public const string Full = """
        {
          "schemaVersion": 1,
          "capturedAt": "2026-11-24T09:30:00Z",
          "tenantId": "6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10",
          "cloud": "global",
          "sections": {
            "securityDefaults": {
              "status": "captured",
              "value": { "id": "00000000-0000-0000-0000-000000000005", "displayName": "Security Defaults", "isEnabled": false }
            },
            "conditionalAccessPolicies": {
              "status": "captured",
              "value": [
                {
                  "id": "99b9bfd0-eaaf-42de-96a7-3b17a317d042",
                  "displayName": "Block legacy authentication",
                  "state": "enabled",
                  "conditions": {
                    "clientAppTypes": [ "exchangeActiveSync", "other" ],
                    "applications": { "includeApplications": [ "All" ], "excludeApplications": [] },
                    "users": { "includeUsers": [ "All" ], "excludeUsers": [ "3cee1c2b-48d7-4d4c-b348-c06afe63e227" ], "includeGroups": [] },
                    "locations": null
                  },
                  "grantControls": { "operator": "OR", "builtInControls": [ "block" ], "termsOfUse": [] }
                },
                {
                  "id": "58e5ce59-7ca4-41eb-b73a-c1a80a810cc9",
                  "displayName": "Require MFA for everyone",
                  "state": "enabledForReportingButNotEnforced",
                  "conditions": {
                    "clientAppTypes": [ "all" ],
                    "applications": { "includeApplications": [ "All" ] },
                    "users": { "includeUsers": [ "All" ] }
                  },
                  "grantControls": { "operator": "OR", "builtInControls": [ "mfa" ] }
                }
              ]
            },
            "authenticationMethodsPolicy": {
              "status": "captured",
              "value": { "id": "authenticationMethodsPolicy", "policyMigrationState": "migrationComplete" }
            },
            "mfaServicePolicy": {
              "status": "failed",
              "error": {
                "httpStatus": 403,
                "code": "Authorization_RequestDenied",
                "message": "Insufficient privileges to complete the operation.",
                "requiredPermissions": [ "Policy.Read.All" ]
              }
            },
            "domains": {
              "status": "captured",
              "value": [
                { "id": "contoso.com", "authenticationType": "Managed", "isDefault": true, "isInitial": false },
                { "id": "contoso.onmicrosoft.com", "authenticationType": "Managed", "isDefault": false, "isInitial": true }
              ]
            },
            "subscribedSkus": {
              "status": "captured",
              "value": [
                {
                  "skuId": "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
                  "skuPartNumber": "SPB",
                  "capabilityStatus": "Enabled",
                  "servicePlans": [
                    { "servicePlanId": "41781fb2-bc02-4b7c-bd55-b576c07bb09d", "servicePlanName": "AAD_PREMIUM", "provisioningStatus": "Success" }
                  ]
                }
              ]
            }
          },
          "users": [
            {
              "user": {
                "id": "cbf27734-ac10-4525-8b66-402800e03d2c",
                "userPrincipalName": "backup@contoso.com",
                "displayName": "CodeTwo Backup",
                "accountEnabled": true,
                "userType": "Member",
                "onPremisesSyncEnabled": null,
                "signInSessionsValidFromDateTime": "2025-02-11T10:24:37Z"
              },
              "sections": {
                "authenticationRequirements": { "status": "captured", "value": { "perUserMfaState": "disabled" } },
                "authenticationMethods": {
                  "status": "captured",
                  "value": [
                    { "@odata.type": "#microsoft.graph.passwordAuthenticationMethod", "id": "28c10230-6103-485e-b985-444c60001490" },
                    { "@odata.type": "#microsoft.graph.phoneAuthenticationMethod", "id": "3179e48a-750b-4051-897c-87b9720928f7", "phoneNumber": "+1 4255550100", "phoneType": "mobile" }
                  ]
                },
                "transitiveMemberOf": {
                  "status": "captured",
                  "value": [
                    { "@odata.type": "#microsoft.graph.group", "id": "e0a3a91f-2346-4c13-bc27-ed12b10877a9", "displayName": "All Staff", "mail": "allstaff@contoso.com" },
                    { "@odata.type": "#microsoft.graph.directoryRole", "id": "f1260ebc-7d56-4b56-b714-dc919b27dbdf", "displayName": "Exchange Administrator", "roleTemplateId": "29232cdf-9323-42fd-ade2-1d097af3e4de" }
                  ]
                }
              }
            },
            {
              "user": {
                "id": "3cee1c2b-48d7-4d4c-b348-c06afe63e227",
                "userPrincipalName": "alice@contoso.com",
                "displayName": "Alice Wilber",
                "mail": "alice@contoso.com",
                "accountEnabled": true,
                "userType": "Member"
              },
              "sections": {
                "authenticationRequirements": { "status": "captured", "value": { "perUserMfaState": "enforced" } },
                "authenticationMethods": { "status": "notCaptured", "reason": "not requested" },
                "transitiveMemberOf": { "status": "captured", "value": [] }
              }
            }
          ],
          "missingUsers": [ "former.employee@contoso.com" ]
        }
        """;

    /// <summary>The smallest valid document: the envelope only (every section absent, no users).</summary>
    public const string Minimal = """{"schemaVersion":1,"capturedAt":"2026-11-24T09:30:00Z","tenantId":"6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10","cloud":"usGov"}""";

    /// <summary>The folder of fixture files copied next to the test assembly.</summary>
    public static string FixtureFolder => Path.Combine(AppContext.BaseDirectory, "fixtures");

    /// <summary>Every fixture file that exists (the set changes while fixtures are being written: never a fixed list).</summary>
    public static IReadOnlyList<string> FixtureFiles =>
        Directory.Exists(FixtureFolder)
            ? Directory.EnumerateFiles(FixtureFolder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray()
            : [];

    public static TheoryData<string> FixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in FixtureFiles)
        {
            data.Add(name);
        }

        return data;
    }

    public static string FixturePath(string name) => Path.Combine(FixtureFolder, name);

    public static JsonObject FullNode() => JsonNode.Parse(Full)!.AsObject();

    /// <summary><see cref="Full"/> changed by <paramref name="change"/>, as compact JSON.</summary>
    public static string FullWith(Action<JsonObject> change)
    {
        var root = FullNode();
        change(root);
        return root.ToJsonString();
    }

    public static JsonObject Section(JsonObject root, string name) => root["sections"]![name]!.AsObject();

    public static JsonObject User(JsonObject root, int index) => root["users"]![index]!["user"]!.AsObject();

    public static JsonObject UserSection(JsonObject root, int index, string name) => root["users"]![index]!["sections"]![name]!.AsObject();

    public static JsonObject Policy(JsonObject root, int index) => Section(root, "conditionalAccessPolicies")["value"]![index]!.AsObject();

    /// <summary>The errors that reading <paramref name="json"/> raises; fails the test when it reads successfully.</summary>
    public static IReadOnlyList<SnapshotFormatError> Errors(string json, SnapshotReaderOptions? options = null)
    {
        var read = () => new SnapshotReader(options).Read(json);
        return read.Should().Throw<SnapshotFormatException>().Which.Errors;
    }

    /// <summary>The errors that reading <paramref name="utf8"/> raises; fails the test when it reads successfully.</summary>
    public static IReadOnlyList<SnapshotFormatError> Errors(byte[] utf8, SnapshotReaderOptions? options = null)
    {
        var read = () => new SnapshotReader(options).Read(new ReadOnlyMemory<byte>(utf8));
        return read.Should().Throw<SnapshotFormatException>().Which.Errors;
    }

    public static string[] Messages(IEnumerable<SnapshotFormatError> errors) => errors.Select(e => e.Message).ToArray();

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static TenantSnapshot Read(string json) => new SnapshotReader().Read(json);

    /// <summary>Every string value under <paramref name="node"/> held by a property named <paramref name="property"/>.</summary>
    public static IEnumerable<string> StringsOf(JsonNode? node, string property)
    {
        var stack = new Stack<JsonNode?>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                    {
                        if (name == property && child is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                        {
                            yield return value.GetValue<string>();
                        }
                        else if (name == property && child is JsonArray items)
                        {
                            foreach (var item in items.OfType<JsonValue>().Where(i => i.GetValueKind() == JsonValueKind.String))
                            {
                                yield return item.GetValue<string>();
                            }
                        }
                        else
                        {
                            stack.Push(child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }
    }
}
