using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using static CodeTwo.AuthDiagnostics.Tests.Snapshots.SnapshotDocuments;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>
/// Bad input: each case breaks one thing in an otherwise valid document and states the complete list of errors,
/// each as <c>path: found; expected</c>.
/// </summary>
public sealed class SnapshotReaderBadInputTests
{
    private const string Envelope = "expected a JSON object (the snapshot envelope)";
    private const string GuidExample = "expected a GUID such as 6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10";
    private const string InstantExample = "expected an ISO-8601 instant with Z or a UTC offset, such as 2026-11-24T09:30:00Z";
    private const string StatusValues = "expected captured, notCaptured or failed";

    private static readonly Dictionary<string, (string Json, string[] Messages)> Cases = new()
    {
        // ----- not an envelope -----
        ["top level array"] = ("[]", ["$: an array; " + Envelope]),
        ["top level string"] = ("\"snapshot\"", ["$: string \"snapshot\"; " + Envelope]),
        ["top level number"] = ("42", ["$: number 42; " + Envelope]),
        ["top level null"] = ("null", ["$: null; " + Envelope]),

        // ----- envelope members -----
        ["schemaVersion missing"] = (FullWith(d => d.Remove("schemaVersion")), ["$.schemaVersion: missing; expected the schema version (supported: 1)"]),
        ["schemaVersion null"] = (FullWith(d => d["schemaVersion"] = null), ["$.schemaVersion: null; expected the schema version (supported: 1)"]),
        ["schemaVersion a string"] = (FullWith(d => d["schemaVersion"] = "1"), ["$.schemaVersion: string \"1\"; expected an integer schema version (supported: 1)"]),
        ["schemaVersion 1.5"] = (FullWith(d => d["schemaVersion"] = 1.5), ["$.schemaVersion: number 1.5; expected an integer schema version (supported: 1)"]),
        ["schemaVersion 2"] = (FullWith(d => d["schemaVersion"] = 2), ["$.schemaVersion: unsupported version 2; this library reads schema versions 1"]),
        ["tenantId not a GUID"] = (FullWith(d => d["tenantId"] = "contoso.onmicrosoft.com"), ["$.tenantId: string \"contoso.onmicrosoft.com\"; " + GuidExample]),
        ["tenantId a GUID in braces"] = (FullWith(d => d["tenantId"] = "{" + TenantId + "}"), ["$.tenantId: string \"{" + TenantId + "}\"; " + GuidExample]),
        ["tenantId a number"] = (FullWith(d => d["tenantId"] = 42), ["$.tenantId: number 42; expected a string"]),
        ["tenantId missing"] = (FullWith(d => d.Remove("tenantId")), ["$.tenantId: missing; expected the tenant id"]),
        ["capturedAt not ISO-8601"] = (FullWith(d => d["capturedAt"] = "24/11/2026 09:30"), ["$.capturedAt: string \"24/11/2026 09:30\"; " + InstantExample]),
        ["capturedAt without offset"] = (FullWith(d => d["capturedAt"] = "2026-11-24T09:30:00"), ["$.capturedAt: string \"2026-11-24T09:30:00\"; " + InstantExample]),
        ["capturedAt not a calendar date"] = (FullWith(d => d["capturedAt"] = "2026-02-30T09:30:00Z"), ["$.capturedAt: string \"2026-02-30T09:30:00Z\"; " + InstantExample]),
        ["capturedAt a number"] = (FullWith(d => d["capturedAt"] = 1795512600), ["$.capturedAt: number 1795512600; expected a string"]),
        ["unknown cloud"] = (FullWith(d => d["cloud"] = "usGovHigh"), ["$.cloud: string \"usGovHigh\"; expected global, usGov, usGovDoD or china"]),
        ["cloud in the wrong case"] = (FullWith(d => d["cloud"] = "Global"), ["$.cloud: string \"Global\"; expected global, usGov, usGovDoD or china"]),

        // ----- sections -----
        ["sections not an object"] = (FullWith(d => d["sections"] = new JsonArray()), ["$.sections: an array; expected an object"]),
        ["a section not an object"] = (FullWith(d => d["sections"]!["domains"] = "captured"), ["$.sections.domains: string \"captured\"; expected a section object with a status (captured, notCaptured or failed)"]),
        ["unknown status"] = (FullWith(d => Section(d, "domains")["status"] = "partial"), ["$.sections.domains.status: unknown status \"partial\"; " + StatusValues]),
        ["status in the wrong case"] = (FullWith(d => Section(d, "securityDefaults")["status"] = "Captured"), ["$.sections.securityDefaults.status: unknown status \"Captured\"; " + StatusValues]),
        ["status missing"] = (FullWith(d => Section(d, "domains").Remove("status")), ["$.sections.domains.status: missing; every section needs a status: captured, notCaptured or failed"]),
        ["status a boolean"] = (FullWith(d => Section(d, "domains")["status"] = true), ["$.sections.domains.status: true; expected a string"]),
        ["captured without value"] = (FullWith(d => Section(d, "subscribedSkus").Remove("value")), ["$.sections.subscribedSkus.value: missing; a captured section needs its value"]),
        ["value null"] = (FullWith(d => Section(d, "securityDefaults")["value"] = null), ["$.sections.securityDefaults.value: null; a captured section needs its value"]),
        ["array section with an object value"] = (FullWith(d => Section(d, "conditionalAccessPolicies")["value"] = new JsonObject()), ["$.sections.conditionalAccessPolicies.value: an object; expected an array"]),
        ["object section with an array value"] = (FullWith(d => Section(d, "authenticationMethodsPolicy")["value"] = new JsonArray()), ["$.sections.authenticationMethodsPolicy.value: an array; expected an object"]),
        ["user section with a string value"] = (FullWith(d => UserSection(d, 0, "transitiveMemberOf")["value"] = "none"), ["$.users[0].sections.transitiveMemberOf.value: string \"none\"; expected an array"]),
        ["notCaptured reason a number"] = (FullWith(d => UserSection(d, 1, "authenticationMethods")["reason"] = 404), ["$.users[1].sections.authenticationMethods.reason: number 404; expected a string"]),
        ["failed without error"] = (FullWith(d => Section(d, "mfaServicePolicy").Remove("error")), ["$.sections.mfaServicePolicy.error: missing; a failed section needs an error object with httpStatus"]),
        ["error a string"] = (FullWith(d => Section(d, "mfaServicePolicy")["error"] = "Forbidden"), ["$.sections.mfaServicePolicy.error: string \"Forbidden\"; expected an object"]),
        ["httpStatus missing"] = (FullWith(d => Section(d, "mfaServicePolicy")["error"]!.AsObject().Remove("httpStatus")), ["$.sections.mfaServicePolicy.error.httpStatus: missing; the error needs the HTTP status of the failed request"]),
        ["httpStatus a string"] = (FullWith(d => Section(d, "mfaServicePolicy")["error"]!["httpStatus"] = "403"), ["$.sections.mfaServicePolicy.error.httpStatus: string \"403\"; expected an integer"]),
        ["httpStatus 1.5"] = (FullWith(d => Section(d, "mfaServicePolicy")["error"]!["httpStatus"] = 1.5), ["$.sections.mfaServicePolicy.error.httpStatus: number 1.5; expected an integer"]),
        ["httpStatus 42"] = (FullWith(d => Section(d, "mfaServicePolicy")["error"]!["httpStatus"] = 42), ["$.sections.mfaServicePolicy.error.httpStatus: number 42; expected an HTTP status code from 100 to 599"]),
        ["httpStatus 600"] = (FullWith(d => Section(d, "mfaServicePolicy")["error"]!["httpStatus"] = 600), ["$.sections.mfaServicePolicy.error.httpStatus: number 600; expected an HTTP status code from 100 to 599"]),
        ["requiredPermissions not an array"] = (FullWith(d => Section(d, "mfaServicePolicy")["error"]!["requiredPermissions"] = "Policy.Read.All"), ["$.sections.mfaServicePolicy.error.requiredPermissions: string \"Policy.Read.All\"; expected an array"]),
        ["requiredPermissions element a number"] = (FullWith(d => Section(d, "mfaServicePolicy")["error"]!["requiredPermissions"] = new JsonArray("Policy.Read.All", 7)), ["$.sections.mfaServicePolicy.error.requiredPermissions[1]: number 7; expected a string"]),
        ["requiredPermissions element blank"] = (FullWith(d => Section(d, "mfaServicePolicy")["error"]!["requiredPermissions"] = new JsonArray(" ")), ["$.sections.mfaServicePolicy.error.requiredPermissions[0]: string \" \"; expected a Graph permission name such as Policy.Read.All"]),

        // ----- Graph payloads: properties the diagnosis reads, of the wrong kind -----
        ["isEnabled a string"] = (FullWith(d => Section(d, "securityDefaults")["value"]!["isEnabled"] = "true"), ["$.sections.securityDefaults.value.isEnabled: string \"true\"; expected true or false"]),
        ["isEnabled missing"] = (FullWith(d => Section(d, "securityDefaults")["value"]!.AsObject().Remove("isEnabled")), ["$.sections.securityDefaults.value.isEnabled: missing; the security defaults policy needs isEnabled"]),
        ["perUserMfaState a number"] = (FullWith(d => UserSection(d, 0, "authenticationRequirements")["value"]!["perUserMfaState"] = 0), ["$.users[0].sections.authenticationRequirements.value.perUserMfaState: number 0; expected a string"]),
        ["perUserMfaState missing"] = (FullWith(d => UserSection(d, 1, "authenticationRequirements")["value"] = new JsonObject()), ["$.users[1].sections.authenticationRequirements.value.perUserMfaState: missing; the authentication requirements need perUserMfaState (disabled, enabled or enforced)"]),
        ["conditions a string"] = (FullWith(d => Policy(d, 0)["conditions"] = "all users"), ["$.sections.conditionalAccessPolicies.value[0].conditions: string \"all users\"; expected an object"]),
        ["conditions missing"] = (FullWith(d => Policy(d, 1).Remove("conditions")), ["$.sections.conditionalAccessPolicies.value[1].conditions: missing; every Conditional Access policy needs conditions"]),
        ["policy state missing"] = (FullWith(d => Policy(d, 1).Remove("state")), ["$.sections.conditionalAccessPolicies.value[1].state: missing; every Conditional Access policy needs a state"]),
        ["clientAppTypes an object"] = (FullWith(d => Policy(d, 0)["conditions"]!["clientAppTypes"] = new JsonObject { ["other"] = true }), ["$.sections.conditionalAccessPolicies.value[0].conditions.clientAppTypes: an object; expected an array"]),
        ["includeUsers element a number"] = (FullWith(d => Policy(d, 0)["conditions"]!["users"]!["includeUsers"] = new JsonArray("All", 1)), ["$.sections.conditionalAccessPolicies.value[0].conditions.users.includeUsers[1]: number 1; expected a string"]),
        ["builtInControls a string"] = (FullWith(d => Policy(d, 1)["grantControls"]!["builtInControls"] = "mfa"), ["$.sections.conditionalAccessPolicies.value[1].grantControls.builtInControls: string \"mfa\"; expected an array"]),
        ["locations a number"] = (FullWith(d => Policy(d, 0)["conditions"]!["locations"] = 1), ["$.sections.conditionalAccessPolicies.value[0].conditions.locations: number 1; expected an object, an array or null"]),
        ["policy not an object"] = (FullWith(d => Section(d, "conditionalAccessPolicies")["value"]!.AsArray().Add("Block legacy authentication")), ["$.sections.conditionalAccessPolicies.value[2]: string \"Block legacy authentication\"; expected an object (a conditionalAccessPolicy)"]),
        ["domain without id"] = (FullWith(d => Section(d, "domains")["value"]![1]!.AsObject().Remove("id")), ["$.sections.domains.value[1].id: missing; every domain needs an id (its name)"]),
        ["servicePlanId not a GUID"] = (FullWith(d => Section(d, "subscribedSkus")["value"]![0]!["servicePlans"]![0]!["servicePlanId"] = "AAD_PREMIUM"), ["$.sections.subscribedSkus.value[0].servicePlans[0].servicePlanId: string \"AAD_PREMIUM\"; " + GuidExample]),
        ["authentication method without @odata.type"] = (FullWith(d => UserSection(d, 0, "authenticationMethods")["value"]![1]!.AsObject().Remove("@odata.type")), ["$.users[0].sections.authenticationMethods.value[1]['@odata.type']: missing; every authentication method needs its @odata.type"]),
        ["directory object without id"] = (FullWith(d => UserSection(d, 0, "transitiveMemberOf")["value"]![0]!.AsObject().Remove("id")), ["$.users[0].sections.transitiveMemberOf.value[0].id: missing; every directory object needs an id"]),

        // ----- users -----
        ["users not an array"] = (FullWith(d => d["users"] = new JsonObject()), ["$.users: an object; expected an array"]),
        ["user entry not an object"] = (FullWith(d => d["users"]!.AsArray().Add("someone@contoso.com")), ["$.users[2]: string \"someone@contoso.com\"; expected an object (a user entry with user and sections)"]),
        ["user entry without user"] = (FullWith(d => d["users"]![1]!.AsObject().Remove("user")), ["$.users[1].user: missing; every user entry needs the user object"]),
        ["user without id"] = (FullWith(d => User(d, 1).Remove("id")), ["$.users[1].user.id: missing; every user needs an id"]),
        ["user without userPrincipalName"] = (FullWith(d => User(d, 0).Remove("userPrincipalName")), ["$.users[0].user.userPrincipalName: missing; every user needs a userPrincipalName"]),
        ["user id not a GUID"] = (FullWith(d => User(d, 1)["id"] = "alice"), ["$.users[1].user.id: string \"alice\"; expected the user's object id, a GUID"]),
        ["userPrincipalName without @"] = (FullWith(d => User(d, 0)["userPrincipalName"] = "backup"), ["$.users[0].user.userPrincipalName: string \"backup\"; expected a user principal name such as backup@contoso.com"]),
        ["accountEnabled a string"] = (FullWith(d => User(d, 0)["accountEnabled"] = "yes"), ["$.users[0].user.accountEnabled: string \"yes\"; expected true or false"]),
        ["signInSessionsValidFromDateTime not an instant"] = (FullWith(d => User(d, 0)["signInSessionsValidFromDateTime"] = "2025-02-11 10:24"), ["$.users[0].user.signInSessionsValidFromDateTime: string \"2025-02-11 10:24\"; " + InstantExample]),
        ["duplicate user ids"] = (FullWith(d => User(d, 1)["id"] = BackupId),
            [$"$.users[1].user.id: duplicate \"{BackupId}\" (first at $.users[0].user.id); user ids must be unique"]),
        ["duplicate user ids in another case"] = (FullWith(d => User(d, 1)["id"] = BackupId.ToUpperInvariant()),
            [$"$.users[1].user.id: duplicate \"{BackupId.ToUpperInvariant()}\" (first at $.users[0].user.id); user ids must be unique"]),
        ["duplicate userPrincipalNames"] = (FullWith(d => User(d, 1)["userPrincipalName"] = "Backup@Contoso.com"),
            ["$.users[1].user.userPrincipalName: duplicate \"Backup@Contoso.com\" (first at $.users[0].user.userPrincipalName); user principal names must be unique"]),
        ["duplicate Conditional Access policy ids"] = (FullWith(d => Policy(d, 1)["id"] = PolicyId),
            [$"$.sections.conditionalAccessPolicies.value[1].id: duplicate \"{PolicyId}\" (first at $.sections.conditionalAccessPolicies.value[0].id); Conditional Access policy ids must be unique"]),
        ["duplicate domains"] = (FullWith(d => Section(d, "domains")["value"]![1]!["id"] = "Contoso.com"),
            ["$.sections.domains.value[1].id: duplicate \"Contoso.com\" (first at $.sections.domains.value[0].id); domain names must be unique"]),

        // ----- missingUsers -----
        ["missingUsers not an array"] = (FullWith(d => d["missingUsers"] = "former.employee@contoso.com"), ["$.missingUsers: string \"former.employee@contoso.com\"; expected an array"]),
        ["missingUsers element a number"] = (FullWith(d => d["missingUsers"]!.AsArray().Add(3)), ["$.missingUsers[1]: number 3; expected a string"]),
        ["missingUsers with a user that is present"] = (FullWith(d => d["missingUsers"]!.AsArray().Add("ALICE@contoso.com")),
            ["$.missingUsers[1]: \"ALICE@contoso.com\", which is also $.users[1]; a user is either in users or in missingUsers"]),
        ["missingUsers with a present user's id"] = (FullWith(d => d["missingUsers"] = new JsonArray(BackupId)),
            [$"$.missingUsers[0]: \"{BackupId}\", which is also $.users[0]; a user is either in users or in missingUsers"]),
        ["missingUsers listing one user twice"] = (FullWith(d => d["missingUsers"]!.AsArray().Add("Former.Employee@contoso.com")),
            ["$.missingUsers[1]: duplicate \"Former.Employee@contoso.com\"; each missing user is listed once"]),

    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Fact]
    public void The_documents_the_cases_start_from_are_valid()
    {
        var snapshot = Read(Full);

        snapshot.Users.Should().HaveCount(2);
        snapshot.Sections.MfaServicePolicy.Error!.HttpStatus.Should().Be(403);
        snapshot.MissingUsers.Should().Equal("former.employee@contoso.com");
        Read(Minimal).Users.Should().BeEmpty();
    }

    [Fact]
    public void There_are_at_least_forty_distinct_cases()
    {
        Cases.Values.Select(c => c.Json).Distinct().Should().HaveCountGreaterThanOrEqualTo(40);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Bad_input_is_rejected_with_the_path_what_was_found_and_what_was_expected(string name)
    {
        var (json, messages) = Cases[name];

        var errors = Errors(json);

        Messages(errors).Should().Equal(messages);
        errors.Should().AllSatisfy(e => e.Message.Should().Be($"{e.Path}: {e.Found}; {e.Expected}"));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Bad_input_read_as_bytes_gives_the_same_errors(string name)
    {
        var (json, messages) = Cases[name];

        Messages(Errors(Utf8(json))).Should().Equal(messages);
    }

    [Fact]
    public void The_exception_message_lists_every_error()
    {
        var read = () => Read(FullWith(d =>
        {
            d["tenantId"] = "contoso";
            User(d, 1).Remove("id");
        }));

        read.Should().Throw<SnapshotFormatException>().WithMessage(
            "The snapshot is not valid (2 errors):\n"
            + "  $.tenantId: string \"contoso\"; " + GuidExample + "\n"
            + "  $.users[1].user.id: missing; every user needs an id");
    }
}
