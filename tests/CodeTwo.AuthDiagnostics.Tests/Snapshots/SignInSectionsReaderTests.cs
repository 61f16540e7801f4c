using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;
using static CodeTwo.AuthDiagnostics.Tests.Snapshots.SnapshotDocuments;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>
/// The optional user sections of catalog v1.2, <c>conditionalAccessEvaluation</c> (What-If) and <c>signIns</c>: every
/// bad value rejected with its JSONPath, unknown strings kept, written back byte-stable and only when present.
/// </summary>
public sealed class SignInSectionsReaderTests
{
    private const string Evaluations = "$.users[0].sections.conditionalAccessEvaluation";
    private const string SignIns = "$.users[0].sections.signIns";

    /// <summary>Two evaluations as the capture POSTs them: SMTP's client type, then security-info registration.</summary>
    public static JsonArray EvaluationValue() => new(
        new JsonObject
        {
            ["request"] = new JsonObject
            {
                ["signInIdentity"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.userSignIn", ["userId"] = BackupId },
                ["signInContext"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.applicationContext", ["includeApplications"] = new JsonArray("00000002-0000-0ff1-ce00-000000000000") },
                ["signInConditions"] = new JsonObject { ["clientAppType"] = "other", ["ipAddress"] = "40.77.182.32", ["country"] = "US" },
                ["appliedPoliciesOnly"] = false,
            },
            ["value"] = new JsonArray(
                new JsonObject { ["id"] = PolicyId, ["displayName"] = "Block legacy authentication", ["state"] = "enabled", ["policyApplies"] = true, ["analysisReasons"] = "notSet", ["conditions"] = new JsonObject() },
                new JsonObject { ["id"] = "58e5ce59-7ca4-41eb-b73a-c1a80a810cc9", ["displayName"] = "Require MFA for everyone", ["state"] = "enabledForReportingButNotEnforced", ["policyApplies"] = false, ["analysisReasons"] = "users,clientApps" }),
        },
        new JsonObject
        {
            ["request"] = new JsonObject
            {
                ["signInIdentity"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.userSignIn", ["userId"] = BackupId },
                ["signInContext"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.userActionContext", ["userAction"] = "registerSecurityInformation" },
                ["signInConditions"] = new JsonObject { ["clientAppType"] = "browser" },
                ["appliedPoliciesOnly"] = false,
            },
            ["value"] = new JsonArray(),
        });

    /// <summary>Two sign-ins, newest first: a Conditional Access block over SMTP, an IMAP success.</summary>
    public static JsonArray SignInValue() => new(
        new JsonObject
        {
            ["id"] = "66ea54eb-6301-4ee5-be62-ff5a759b0100",
            ["createdDateTime"] = "2026-11-24T08:12:40Z",
            ["userDisplayName"] = "CodeTwo Backup",
            ["userPrincipalName"] = "backup@contoso.com",
            ["userId"] = BackupId,
            ["appId"] = "00000002-0000-0ff1-ce00-000000000000",
            ["appDisplayName"] = "Office 365 Exchange Online",
            ["ipAddress"] = "40.77.182.32",
            ["clientAppUsed"] = "Authenticated SMTP",
            ["conditionalAccessStatus"] = "failure",
            ["status"] = new JsonObject { ["errorCode"] = 53003, ["failureReason"] = "Access has been blocked by Conditional Access policies.", ["additionalDetails"] = null },
            ["deviceDetail"] = new JsonObject { ["deviceId"] = "", ["displayName"] = "SCANNER-01", ["operatingSystem"] = "", ["browser"] = "" },
            ["location"] = new JsonObject { ["city"] = "Seattle", ["state"] = "Washington", ["countryOrRegion"] = "US" },
            ["appliedConditionalAccessPolicies"] = new JsonArray(
                new JsonObject { ["id"] = PolicyId, ["displayName"] = "Block legacy authentication", ["enforcedGrantControls"] = new JsonArray("Block"), ["result"] = "failure" },
                new JsonObject { ["id"] = "58e5ce59-7ca4-41eb-b73a-c1a80a810cc9", ["displayName"] = "Require MFA for everyone", ["enforcedGrantControls"] = new JsonArray("Mfa"), ["result"] = "reportOnlyNotApplied" }),
            ["signInEventTypes"] = new JsonArray("interactiveUser"),
        },
        new JsonObject
        {
            ["id"] = "0f0ad3a2-1c6f-4c0e-9a7e-6b1ad5e60200",
            ["createdDateTime"] = "2026-11-20T23:59:59.1234567+01:00",
            ["userPrincipalName"] = "backup@contoso.com",
            ["userId"] = BackupId,
            ["ipAddress"] = "2a01:111:f400::1",
            ["clientAppUsed"] = "IMAP4",
            ["status"] = new JsonObject { ["errorCode"] = 0 },
            ["appliedConditionalAccessPolicies"] = new JsonArray(),
        });

    private static string With(string name, JsonNode section) => FullWith(d => UserSection(d, 0, "authenticationRequirements").Parent!.AsObject()[name] = section);

    private static string WithEvaluations(Action<JsonArray> change)
    {
        var value = EvaluationValue();
        change(value);
        return With("conditionalAccessEvaluation", new JsonObject { ["status"] = "captured", ["value"] = value });
    }

    private static string WithSignIns(Action<JsonArray> change)
    {
        var value = SignInValue();
        change(value);
        return With("signIns", new JsonObject { ["status"] = "captured", ["value"] = value });
    }

    /// <summary>A document with both sections captured.</summary>
    public static string Both() => FullWith(d =>
    {
        var sections = UserSection(d, 0, "authenticationRequirements").Parent!.AsObject();
        sections["conditionalAccessEvaluation"] = new JsonObject { ["status"] = "captured", ["value"] = EvaluationValue() };
        sections["signIns"] = new JsonObject { ["status"] = "captured", ["value"] = SignInValue() };
    });

    private static JsonObject Request(JsonArray v, int i) => v[i]!["request"]!.AsObject();

    private static JsonObject Result(JsonArray v, int i, int j) => v[i]!["value"]![j]!.AsObject();

    private static JsonObject SignIn(JsonArray v, int i) => v[i]!.AsObject();

    private static readonly Dictionary<string, (string Json, string[] Messages)> Cases = new()
    {
        // --- the sections themselves ---
        ["evaluation section not an object"] = (With("conditionalAccessEvaluation", JsonValue.Create(true)), [$"{Evaluations}: true; expected a section object with a status (captured, notCaptured or failed)"]),
        ["evaluation section with an unknown status"] = (With("conditionalAccessEvaluation", new JsonObject { ["status"] = "partial" }), [$"{Evaluations}.status: unknown status \"partial\"; expected captured, notCaptured or failed"]),
        ["evaluation section value an object"] = (With("conditionalAccessEvaluation", new JsonObject { ["status"] = "captured", ["value"] = new JsonObject() }), [$"{Evaluations}.value: an object; expected an array"]),
        ["evaluation captured without value"] = (With("conditionalAccessEvaluation", new JsonObject { ["status"] = "captured" }), [$"{Evaluations}.value: missing; a captured section needs its value"]),
        ["evaluation failed without error"] = (With("conditionalAccessEvaluation", new JsonObject { ["status"] = "failed" }), [$"{Evaluations}.error: missing; a failed section needs an error object with httpStatus"]),
        ["signIns section a string"] = (With("signIns", JsonValue.Create("captured")), [$"{SignIns}: string \"captured\"; expected a section object with a status (captured, notCaptured or failed)"]),
        ["signIns with an unknown status"] = (With("signIns", new JsonObject { ["status"] = "unknownFutureValue" }), [$"{SignIns}.status: unknown status \"unknownFutureValue\"; expected captured, notCaptured or failed"]),
        ["signIns value an object"] = (With("signIns", new JsonObject { ["status"] = "captured", ["value"] = new JsonObject() }), [$"{SignIns}.value: an object; expected an array"]),
        ["signIns failed with a string httpStatus"] = (
            With("signIns", new JsonObject { ["status"] = "failed", ["error"] = new JsonObject { ["httpStatus"] = "403", ["code"] = "Authentication_RequestFromNonPremiumTenantOrB2CTenant" } }),
            [$"{SignIns}.error.httpStatus: string \"403\"; expected an integer"]),

        // --- What-If ---
        ["evaluation a string"] = (WithEvaluations(v => v.Add("other")), [$"{Evaluations}.value[2]: string \"other\"; expected an object (an evaluation with request and value)"]),
        ["evaluation without request"] = (WithEvaluations(v => v[0]!.AsObject().Remove("request")), [$"{Evaluations}.value[0].request: missing; every evaluation needs the request that was POSTed to /identity/conditionalAccess/evaluate"]),
        ["request an array"] = (WithEvaluations(v => v[1]!["request"] = new JsonArray()), [$"{Evaluations}.value[1].request: an array; expected an object"]),
        ["request without signInIdentity"] = (WithEvaluations(v => Request(v, 0).Remove("signInIdentity")), [$"{Evaluations}.value[0].request.signInIdentity: missing; the request needs its signInIdentity"]),
        ["signInIdentity without @odata.type"] = (
            WithEvaluations(v => Request(v, 1)["signInIdentity"]!.AsObject().Remove("@odata.type")),
            [$"{Evaluations}.value[1].request.signInIdentity['@odata.type']: missing; the signInIdentity needs its @odata.type (#microsoft.graph.userSignIn)"]),
        ["request without signInContext"] = (WithEvaluations(v => Request(v, 0).Remove("signInContext")), [$"{Evaluations}.value[0].request.signInContext: missing; the request needs its signInContext"]),
        ["signInContext without @odata.type"] = (
            WithEvaluations(v => Request(v, 0)["signInContext"]!.AsObject().Remove("@odata.type")),
            [$"{Evaluations}.value[0].request.signInContext['@odata.type']: missing; the signInContext needs its @odata.type (#microsoft.graph.applicationContext or #microsoft.graph.userActionContext)"]),
        ["signInContext @odata.type a number"] = (
            WithEvaluations(v => Request(v, 0)["signInContext"]!["@odata.type"] = 1),
            [$"{Evaluations}.value[0].request.signInContext['@odata.type']: number 1; expected a string"]),
        ["includeApplications a string"] = (
            WithEvaluations(v => Request(v, 0)["signInContext"]!["includeApplications"] = "00000002-0000-0ff1-ce00-000000000000"),
            [$"{Evaluations}.value[0].request.signInContext.includeApplications: string \"00000002-0000-0ff1-ce00-000000000000\"; expected an array"]),
        ["clientAppType a number"] = (
            WithEvaluations(v => Request(v, 0)["signInConditions"]!["clientAppType"] = 4),
            [$"{Evaluations}.value[0].request.signInConditions.clientAppType: number 4; expected a string"]),
        ["evaluation without value"] = (WithEvaluations(v => v[1]!.AsObject().Remove("value")), [$"{Evaluations}.value[1].value: missing; every evaluation needs the value array of Microsoft's answer (whatIfAnalysisResult)"]),
        ["evaluation value an object"] = (WithEvaluations(v => v[0]!["value"] = new JsonObject()), [$"{Evaluations}.value[0].value: an object; expected an array"]),
        ["result a number"] = (WithEvaluations(v => v[0]!["value"]!.AsArray().Add(7)), [$"{Evaluations}.value[0].value[2]: number 7; expected an object (a whatIfAnalysisResult)"]),
        ["result without id"] = (WithEvaluations(v => Result(v, 0, 1).Remove("id")), [$"{Evaluations}.value[0].value[1].id: missing; every What-If result needs the policy's id"]),
        ["result without policyApplies"] = (WithEvaluations(v => Result(v, 0, 0).Remove("policyApplies")), [$"{Evaluations}.value[0].value[0].policyApplies: missing; every What-If result needs policyApplies"]),
        ["policyApplies a string"] = (WithEvaluations(v => Result(v, 0, 0)["policyApplies"] = "true"), [$"{Evaluations}.value[0].value[0].policyApplies: string \"true\"; expected true or false"]),
        ["policyApplies a number"] = (WithEvaluations(v => Result(v, 0, 1)["policyApplies"] = 0), [$"{Evaluations}.value[0].value[1].policyApplies: number 0; expected true or false"]),
        ["policyApplies null"] = (WithEvaluations(v => Result(v, 0, 1)["policyApplies"] = null), [$"{Evaluations}.value[0].value[1].policyApplies: null; every What-If result needs policyApplies"]),
        ["analysisReasons an array"] = (WithEvaluations(v => Result(v, 0, 1)["analysisReasons"] = new JsonArray("users")), [$"{Evaluations}.value[0].value[1].analysisReasons: an array; expected a string"]),
        ["analysisReasons a number"] = (WithEvaluations(v => Result(v, 0, 1)["analysisReasons"] = 2), [$"{Evaluations}.value[0].value[1].analysisReasons: number 2; expected a string"]),

        // --- sign-ins ---
        ["sign-in an array"] = (WithSignIns(v => v.Add(new JsonArray())), [$"{SignIns}.value[2]: an array; expected an object (a signIn)"]),
        ["sign-in without id"] = (WithSignIns(v => SignIn(v, 1).Remove("id")), [$"{SignIns}.value[1].id: missing; every sign-in needs its id"]),
        ["sign-in without createdDateTime"] = (WithSignIns(v => SignIn(v, 0).Remove("createdDateTime")), [$"{SignIns}.value[0].createdDateTime: missing; every sign-in needs its createdDateTime"]),
        ["createdDateTime without a time zone"] = (
            WithSignIns(v => SignIn(v, 0)["createdDateTime"] = "2026-11-24T08:12:40"),
            [$"{SignIns}.value[0].createdDateTime: string \"2026-11-24T08:12:40\"; expected an ISO-8601 instant with Z or a UTC offset, such as 2026-11-24T09:30:00Z"]),
        ["createdDateTime not a date"] = (
            WithSignIns(v => SignIn(v, 1)["createdDateTime"] = "yesterday"),
            [$"{SignIns}.value[1].createdDateTime: string \"yesterday\"; expected an ISO-8601 instant with Z or a UTC offset, such as 2026-11-24T09:30:00Z"]),
        ["createdDateTime a number"] = (WithSignIns(v => SignIn(v, 0)["createdDateTime"] = 1764000000), [$"{SignIns}.value[0].createdDateTime: number 1764000000; expected a string"]),
        ["sign-in without clientAppUsed"] = (WithSignIns(v => SignIn(v, 1).Remove("clientAppUsed")), [$"{SignIns}.value[1].clientAppUsed: missing; every sign-in needs clientAppUsed (the log's client app name)"]),
        ["clientAppUsed a number"] = (WithSignIns(v => SignIn(v, 0)["clientAppUsed"] = 2), [$"{SignIns}.value[0].clientAppUsed: number 2; expected a string"]),
        ["sign-in without status"] = (WithSignIns(v => SignIn(v, 1).Remove("status")), [$"{SignIns}.value[1].status: missing; every sign-in needs its status with errorCode"]),
        ["status a number"] = (WithSignIns(v => SignIn(v, 1)["status"] = 0), [$"{SignIns}.value[1].status: number 0; expected an object"]),
        ["status without errorCode"] = (WithSignIns(v => SignIn(v, 0)["status"]!.AsObject().Remove("errorCode")), [$"{SignIns}.value[0].status.errorCode: missing; the status needs its errorCode (0 for success)"]),
        ["errorCode a string"] = (WithSignIns(v => SignIn(v, 0)["status"]!["errorCode"] = "53003"), [$"{SignIns}.value[0].status.errorCode: string \"53003\"; expected an integer"]),
        ["errorCode a fraction"] = (WithSignIns(v => SignIn(v, 0)["status"]!["errorCode"] = 53003.5), [$"{SignIns}.value[0].status.errorCode: number 53003.5; expected an integer"]),
        ["failureReason a number"] = (WithSignIns(v => SignIn(v, 0)["status"]!["failureReason"] = 1), [$"{SignIns}.value[0].status.failureReason: number 1; expected a string"]),
        ["appliedConditionalAccessPolicies an object"] = (
            WithSignIns(v => SignIn(v, 0)["appliedConditionalAccessPolicies"] = new JsonObject()),
            [$"{SignIns}.value[0].appliedConditionalAccessPolicies: an object; expected an array"]),
        ["applied policy a string"] = (
            WithSignIns(v => SignIn(v, 0)["appliedConditionalAccessPolicies"]!.AsArray().Add(PolicyId)),
            [$"{SignIns}.value[0].appliedConditionalAccessPolicies[2]: string \"{PolicyId}\"; expected an object (an appliedConditionalAccessPolicy)"]),
        ["applied policy without id"] = (
            WithSignIns(v => SignIn(v, 0)["appliedConditionalAccessPolicies"]![1]!.AsObject().Remove("id")),
            [$"{SignIns}.value[0].appliedConditionalAccessPolicies[1].id: missing; every applied Conditional Access policy needs its id"]),
        ["applied policy result a boolean"] = (
            WithSignIns(v => SignIn(v, 0)["appliedConditionalAccessPolicies"]![0]!["result"] = false),
            [$"{SignIns}.value[0].appliedConditionalAccessPolicies[0].result: false; expected a string"]),
        ["applied policy result a number"] = (
            WithSignIns(v => SignIn(v, 0)["appliedConditionalAccessPolicies"]![1]!["result"] = 1),
            [$"{SignIns}.value[0].appliedConditionalAccessPolicies[1].result: number 1; expected a string"]),
        ["ipAddress a number"] = (WithSignIns(v => SignIn(v, 1)["ipAddress"] = 10), [$"{SignIns}.value[1].ipAddress: number 10; expected a string"]),
        ["location a string"] = (WithSignIns(v => SignIn(v, 0)["location"] = "Seattle"), [$"{SignIns}.value[0].location: string \"Seattle\"; expected an object"]),
        ["countryOrRegion a number"] = (WithSignIns(v => SignIn(v, 0)["location"]!["countryOrRegion"] = 1), [$"{SignIns}.value[0].location.countryOrRegion: number 1; expected a string"]),
        ["two bad sign-ins report both"] = (
            WithSignIns(v =>
            {
                SignIn(v, 0)["status"]!["errorCode"] = "x";
                SignIn(v, 1)["createdDateTime"] = "2026-13-01T00:00:00Z";
            }),
            [
                $"{SignIns}.value[0].status.errorCode: string \"x\"; expected an integer",
                $"{SignIns}.value[1].createdDateTime: string \"2026-13-01T00:00:00Z\"; expected an ISO-8601 instant with Z or a UTC offset, such as 2026-11-24T09:30:00Z",
            ]),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_bad_value_is_rejected_with_its_path(string name)
    {
        var (json, messages) = Cases[name];

        Messages(Errors(json)).Should().Equal(messages);
        Messages(Errors(Utf8(json))).Should().Equal(messages);
    }

    [Fact]
    public void Both_sections_are_read_into_the_model()
    {
        var sections = Read(Both()).Users[0].Sections;

        var evaluations = sections.ConditionalAccessEvaluation.Value!;
        evaluations.Select(e => (e.Index, e.ContextKind, e.ClientAppType, e.UserAction)).Should().Equal(
            (0, EvaluationContextKind.Application, ClientAppType.Other, null),
            (1, EvaluationContextKind.UserAction, ClientAppType.Browser, "registerSecurityInformation"));
        evaluations[0].IncludeApplications.Should().Equal("00000002-0000-0ff1-ce00-000000000000");
        evaluations[0].Results.Select(r => (r.Index, r.Id, r.DisplayName, r.PolicyApplies, r.AnalysisReasonsValue)).Should().Equal(
            (0, PolicyId, "Block legacy authentication", true, "notSet"),
            (1, "58e5ce59-7ca4-41eb-b73a-c1a80a810cc9", "Require MFA for everyone", false, "users,clientApps"));
        evaluations[0].Results[1].AnalysisReasons.Should().Equal("users", "clientApps");
        evaluations[1].Results.Should().BeEmpty();

        var signIns = sections.SignIns.Value!;
        signIns.Select(s => (s.Index, s.Id, s.ClientAppUsed, s.ErrorCode)).Should().Equal(
            (0, "66ea54eb-6301-4ee5-be62-ff5a759b0100", "Authenticated SMTP", 53003),
            (1, "0f0ad3a2-1c6f-4c0e-9a7e-6b1ad5e60200", "IMAP4", 0));
        signIns[0].CreatedDateTime.Should().Be(new DateTimeOffset(2026, 11, 24, 8, 12, 40, TimeSpan.Zero));
        signIns[1].CreatedDateTime.Should().Be(new DateTimeOffset(2026, 11, 20, 22, 59, 59, 123, TimeSpan.Zero).AddTicks(4567));
        signIns[0].FailureReason.Should().Be("Access has been blocked by Conditional Access policies.");
        signIns[0].IpAddress.Should().Be("40.77.182.32");
        signIns[0].CountryOrRegion.Should().Be("US");
        signIns[0].AppliedConditionalAccessPolicies.Select(p => (p.Index, p.Id, p.Result)).Should().Equal(
            (0, PolicyId, "failure"), (1, "58e5ce59-7ca4-41eb-b73a-c1a80a810cc9", "reportOnlyNotApplied"));
        signIns[1].FailureReason.Should().BeNull();
        signIns[1].CountryOrRegion.Should().BeNull();
    }

    [Fact]
    public void Unknown_strings_are_kept_not_rejected()
    {
        var json = FullWith(d =>
        {
            var sections = UserSection(d, 0, "authenticationRequirements").Parent!.AsObject();
            var evaluations = EvaluationValue();
            Request(evaluations, 0)["signInContext"]!["@odata.type"] = "#microsoft.graph.futureContext";
            Request(evaluations, 0)["signInConditions"]!["clientAppType"] = "unknownFutureValue";
            Result(evaluations, 0, 1)["analysisReasons"] = "someFutureReason";
            var signIns = SignInValue();
            SignIn(signIns, 0)["appliedConditionalAccessPolicies"]![0]!["result"] = "reportOnlyInterrupted";
            SignIn(signIns, 1)["clientAppUsed"] = "Some future client";
            sections["conditionalAccessEvaluation"] = new JsonObject { ["status"] = "captured", ["value"] = evaluations };
            sections["signIns"] = new JsonObject { ["status"] = "captured", ["value"] = signIns };
        });

        var sections = Read(json).Users[0].Sections;
        sections.ConditionalAccessEvaluation.Value![0].ContextKind.Should().Be(EvaluationContextKind.Unknown);
        sections.ConditionalAccessEvaluation.Value![0].ClientAppType.Should().Be(ClientAppType.Unknown);
        sections.ConditionalAccessEvaluation.Value![0].Results[1].AnalysisReasons.Should().Equal("someFutureReason");
        sections.SignIns.Value![0].AppliedConditionalAccessPolicies[0].Result.Should().Be("reportOnlyInterrupted");
        sections.SignIns.Value![1].ClientAppUsed.Should().Be("Some future client");
    }

    [Fact]
    public void Optional_members_may_be_missing_or_null()
    {
        var json = FullWith(d =>
        {
            var sections = UserSection(d, 0, "authenticationRequirements").Parent!.AsObject();
            var evaluations = EvaluationValue();
            Request(evaluations, 0).Remove("signInConditions");
            Result(evaluations, 0, 0).Remove("analysisReasons");
            Result(evaluations, 0, 1)["displayName"] = null;
            var signIns = SignInValue();
            SignIn(signIns, 0).Remove("appliedConditionalAccessPolicies");
            SignIn(signIns, 0)["location"] = null;
            SignIn(signIns, 0)["ipAddress"] = null;
            sections["conditionalAccessEvaluation"] = new JsonObject { ["status"] = "captured", ["value"] = evaluations };
            sections["signIns"] = new JsonObject { ["status"] = "captured", ["value"] = signIns };
        });

        var sections = Read(json).Users[0].Sections;
        sections.ConditionalAccessEvaluation.Value![0].ClientAppType.Should().Be(ClientAppType.All, "Graph's default when signInConditions is not sent");
        sections.ConditionalAccessEvaluation.Value![0].Results[0].AnalysisReasons.Should().BeEmpty();
        sections.ConditionalAccessEvaluation.Value![0].Results[1].DisplayName.Should().BeNull();
        sections.SignIns.Value![0].AppliedConditionalAccessPolicies.Should().BeEmpty();
        sections.SignIns.Value![0].IpAddress.Should().BeNull();
        sections.SignIns.Value![0].CountryOrRegion.Should().BeNull();
    }

    [Fact]
    public void Round_trip_is_byte_stable_and_keeps_every_member_in_place()
    {
        string written = SnapshotWriter.ToJson(Read(Both()));
        string again = SnapshotWriter.ToJson(Read(written));

        again.Should().Be(written);
        SnapshotWriter.ToUtf8Bytes(Read(again)).Should().Equal(SnapshotWriter.ToUtf8Bytes(Read(written)));
        var user = JsonNode.Parse(written)!["users"]![0]!["sections"]!.AsObject();
        user.Select(p => p.Key).Should().Equal("authenticationRequirements", "authenticationMethods", "transitiveMemberOf", "conditionalAccessEvaluation", "signIns");
        JsonNode.DeepEquals(user["conditionalAccessEvaluation"]!["value"], EvaluationValue()).Should().BeTrue();
        JsonNode.DeepEquals(user["signIns"]!["value"], SignInValue()).Should().BeTrue();
        JsonNode.Parse(written)!["users"]![1]!["sections"]!.AsObject().Select(p => p.Key).Should().Equal("authenticationRequirements", "authenticationMethods", "transitiveMemberOf");
    }

    [Theory]
    [InlineData("""{"status":"notCaptured"}""")]
    [InlineData("""{"status":"notCaptured","reason":"Not requested."}""")]
    [InlineData("""{"status":"captured","value":[]}""")]
    [InlineData("""{"status":"failed","error":{"httpStatus":403,"code":"Authentication_RequestFromNonPremiumTenantOrB2CTenant","message":"Neither tenant is B2C or tenant doesn't have premium license","requiredPermissions":["AuditLog.Read.All","Directory.Read.All"]}}""")]
    public void Not_captured_failed_and_empty_sections_round_trip(string section)
    {
        foreach (string name in new[] { "signIns", "conditionalAccessEvaluation" })
        {
            string json = With(name, JsonNode.Parse(section)!);

            var snapshot = Read(json);
            string written = SnapshotWriter.ToJson(snapshot);

            JsonNode.DeepEquals(JsonNode.Parse(written)!["users"]![0]!["sections"]![name], JsonNode.Parse(section)).Should().BeTrue(written);
            SnapshotWriter.ToJson(Read(written)).Should().Be(written);
            snapshot.Contents.Users[0].Sections.Select(s => s.Name).Should().EndWith(name);
        }
    }

    [Fact]
    public void A_failed_sign_in_log_keeps_its_graph_error()
    {
        var section = Read(With("signIns", JsonNode.Parse("""{"status":"failed","error":{"httpStatus":403,"code":"Authentication_RequestFromNonPremiumTenantOrB2CTenant"}}""")!)).Users[0].Sections.SignIns;

        section.Status.Should().Be(SectionStatus.Failed);
        section.Error!.HttpStatus.Should().Be(403);
        section.Error.Code.Should().Be("Authentication_RequestFromNonPremiumTenantOrB2CTenant");
    }

    [Fact]
    public void A_document_without_the_sections_writes_the_same_bytes_as_before()
    {
        var snapshot = Read(Full);

        snapshot.Users.Should().AllSatisfy(u =>
        {
            u.Sections.SignIns.Should().BeSameAs(UserSections.NotCaptured.SignIns);
            u.Sections.ConditionalAccessEvaluation.Should().BeSameAs(UserSections.NotCaptured.ConditionalAccessEvaluation);
        });
        string written = SnapshotWriter.ToJson(snapshot);
        written.Should().NotContain("signIns").And.NotContain("conditionalAccessEvaluation");
        SnapshotWriter.ToJson(Read(written)).Should().Be(written);
    }

    [Theory]
    [MemberData(nameof(FixtureNames), MemberType = typeof(SnapshotDocuments))]
    public void Fixtures_without_the_sections_write_neither(string fixture)
    {
        string text = File.ReadAllText(FixturePath(fixture));
        if (text.Contains("\"signIns\"", StringComparison.Ordinal) || text.Contains("\"conditionalAccessEvaluation\"", StringComparison.Ordinal))
        {
            return;
        }

        var snapshot = Read(text);
        string written = SnapshotWriter.ToJson(snapshot);
        written.Should().NotContain("\"signIns\"").And.NotContain("\"conditionalAccessEvaluation\"");
        snapshot.Contents.Users.Should().AllSatisfy(u => u.Sections.Should().HaveCount(3));
    }

    [Fact]
    public void SnapshotUser_Sections_lists_the_optional_sections_only_when_present()
    {
        var both = Read(Both()).Contents.Users;
        both[0].Sections.Select(s => (s.Name, s.Status)).Should().Equal(
            ("authenticationRequirements", SectionStatus.Captured),
            ("authenticationMethods", SectionStatus.Captured),
            ("transitiveMemberOf", SectionStatus.Captured),
            ("conditionalAccessEvaluation", SectionStatus.Captured),
            ("signIns", SectionStatus.Captured));
        both[1].Sections.Select(s => s.Name).Should().Equal("authenticationRequirements", "authenticationMethods", "transitiveMemberOf");

        var onlySignIns = Read(With("signIns", JsonNode.Parse("""{"status":"notCaptured"}""")!)).Contents.Users[0].Sections;
        onlySignIns.Select(s => (s.Name, s.Status)).Should().EndWith([("transitiveMemberOf", SectionStatus.Captured), ("signIns", SectionStatus.NotCaptured)]);
        onlySignIns.Should().HaveCount(4);
    }
}
