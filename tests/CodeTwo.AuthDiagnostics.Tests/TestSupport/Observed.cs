using System.Globalization;
using System.Text.Json.Nodes;

namespace CodeTwo.AuthDiagnostics.Tests.TestSupport;

/// <summary>
/// The catalog v1.2 user sections for <see cref="Fixture.With"/>, Graph-shaped: sign-ins of the beta
/// <c>/auditLogs/signIns</c> list and What-If entries of <c>/identity/conditionalAccess/evaluate</c>. Times are relative to
/// the fixtures' capture (healthy-enforced.json: 2026-11-10T08:20:00Z).
/// </summary>
public static class Observed
{
    public static readonly DateTimeOffset CapturedAt = new(2026, 11, 10, 8, 20, 0, TimeSpan.Zero);

    public const string ExchangeOnline = "00000002-0000-0ff1-ce00-000000000000";

    /// <summary>One sign-in, <paramref name="hoursBefore"/> the capture.</summary>
    public static JsonObject SignIn(double hoursBefore, string clientAppUsed, int errorCode, string? failureReason = null, params (string Id, string Name, string Result)[] policies) => new()
    {
        ["id"] = $"sign-in-{hoursBefore.ToString(CultureInfo.InvariantCulture)}-{errorCode}",
        ["createdDateTime"] = (CapturedAt - TimeSpan.FromHours(hoursBefore)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["userId"] = Baseline.UserId,
        ["userPrincipalName"] = Baseline.Upn,
        ["userDisplayName"] = "Backup service",
        ["appDisplayName"] = "Office 365 Exchange Online",
        ["clientAppUsed"] = clientAppUsed,
        ["ipAddress"] = "203.0.113.7",
        ["status"] = new JsonObject { ["errorCode"] = errorCode, ["failureReason"] = failureReason, ["additionalDetails"] = null },
        ["conditionalAccessStatus"] = policies.Length > 0 ? "failure" : "notApplied",
        ["appliedConditionalAccessPolicies"] = new JsonArray(policies.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["displayName"] = p.Name,
            ["enforcedGrantControls"] = new JsonArray("Block"),
            ["result"] = p.Result,
        }).ToArray()),
        ["location"] = new JsonObject { ["city"] = "Wroclaw", ["countryOrRegion"] = "PL" },
    };

    /// <summary>Sets the user's <c>signIns</c> section (captured), newest first as Graph writes them.</summary>
    public static void SignIns(this JsonObject root, params JsonObject[] signIns) =>
        root.User()["sections"]!["signIns"] = Edit.Captured(new JsonArray(signIns.Cast<JsonNode>().ToArray()));

    /// <summary>A What-If result: <paramref name="applies"/> and <paramref name="reasons"/> for the policy.</summary>
    public static JsonObject Result(string policyId, bool applies, string reasons = "notSet") => new()
    {
        ["id"] = policyId,
        ["displayName"] = "Policy " + policyId[..8],
        ["state"] = "enabled",
        ["policyApplies"] = applies,
        ["analysisReasons"] = reasons,
    };

    /// <summary>An application-context evaluation (Exchange Online) for <paramref name="clientAppType"/>.</summary>
    public static JsonObject SignInEvaluation(string clientAppType, params JsonObject[] results) => Evaluation(
        new JsonObject { ["@odata.type"] = "#microsoft.graph.applicationContext", ["includeApplications"] = new JsonArray(ExchangeOnline) },
        clientAppType,
        results);

    /// <summary>The <c>registerSecurityInformation</c> evaluation (client type browser).</summary>
    public static JsonObject RegistrationEvaluation(params JsonObject[] results) => Evaluation(
        new JsonObject { ["@odata.type"] = "#microsoft.graph.userActionContext", ["userAction"] = "registerSecurityInformation" },
        "browser",
        results);

    /// <summary>Sets the user's <c>conditionalAccessEvaluation</c> section (captured).</summary>
    public static void WhatIf(this JsonObject root, params JsonObject[] evaluations) =>
        root.User()["sections"]!["conditionalAccessEvaluation"] = Edit.Captured(new JsonArray(evaluations.Cast<JsonNode>().ToArray()));

    /// <summary>Marks a v1.2 user section failed, as Graph answers a tenant without P1/P2 or a missing permission.</summary>
    public static void ObservedFailed(this JsonObject root, string section, int httpStatus, string code, params string[] permissions) =>
        root.User()["sections"]![section] = new JsonObject
        {
            ["status"] = "failed",
            ["error"] = new JsonObject
            {
                ["httpStatus"] = httpStatus,
                ["code"] = code,
                ["message"] = "refused",
                ["requiredPermissions"] = new JsonArray(permissions.Select(p => (JsonNode)p).ToArray()),
            },
        };

    private static JsonObject Evaluation(JsonObject context, string clientAppType, JsonObject[] results) => new()
    {
        ["request"] = new JsonObject
        {
            ["signInIdentity"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.userSignIn", ["userId"] = Baseline.UserId },
            ["signInContext"] = context,
            ["signInConditions"] = new JsonObject { ["clientAppType"] = clientAppType },
            ["appliedPoliciesOnly"] = false,
        },
        ["value"] = new JsonArray(results.Cast<JsonNode>().ToArray()),
    };
}
