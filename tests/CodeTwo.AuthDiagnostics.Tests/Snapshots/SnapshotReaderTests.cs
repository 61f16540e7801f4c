using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;
using static CodeTwo.AuthDiagnostics.Tests.Snapshots.SnapshotDocuments;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>Files, several errors at once, the options, and the enum strings Graph adds over time.</summary>
public sealed class SnapshotReaderTests
{
    // ----- files -----

    [Fact]
    public async Task A_file_that_does_not_exist_is_a_format_error_naming_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), "c2-no-such-folder-" + Guid.NewGuid().ToString("N"), "tenant.json");

        var read = () => new SnapshotReader().ReadFileAsync(path, TestContext.Current.CancellationToken);

        var thrown = (await read.Should().ThrowAsync<SnapshotFormatException>()).Which;
        thrown.Source.Should().Be(path);
        thrown.Message.Should().Contain(path);
        thrown.Errors.Should().ContainSingle();
        thrown.Errors[0].Path.Should().Be("$");
        thrown.Errors[0].Found.Should().Be("no readable file");
        thrown.Errors[0].Expected.Should().StartWith($"expected a snapshot file at '{path}' (");
    }

    [Fact]
    public async Task An_invalid_file_names_itself_in_the_exception()
    {
        string path = Path.Combine(Path.GetTempPath(), "c2-snapshot-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, FullWith(d => d["cloud"] = "mars"), TestContext.Current.CancellationToken);
        try
        {
            var read = () => TenantSnapshotLoad(path);

            var thrown = (await read.Should().ThrowAsync<SnapshotFormatException>()).Which;
            thrown.Source.Should().Be(path);
            thrown.Message.Should().Be($"The snapshot '{path}' is not valid: $.cloud: string \"mars\"; expected global, usGov, usGovDoD or china");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<CodeTwo.AuthDiagnostics.TenantSnapshot> TenantSnapshotLoad(string path) =>
        CodeTwo.AuthDiagnostics.TenantSnapshot.LoadAsync(path, TestContext.Current.CancellationToken);

    // ----- several errors -----

    [Fact]
    public void Several_errors_are_reported_together_in_document_order()
    {
        string json = FullWith(d =>
        {
            d["capturedAt"] = "today";
            d["tenantId"] = "contoso";
            d["cloud"] = "mars";
            Section(d, "securityDefaults")["value"]!["isEnabled"] = 1;
            Policy(d, 1)["conditions"] = "x";
            Section(d, "domains")["status"] = "partial";
            User(d, 0).Remove("id");
            UserSection(d, 0, "authenticationRequirements")["value"]!["perUserMfaState"] = 2;
            User(d, 1)["userPrincipalName"] = 5;
            d["missingUsers"] = new JsonArray(true);
        });

        Messages(Errors(json)).Should().Equal(
            "$.capturedAt: string \"today\"; expected an ISO-8601 instant with Z or a UTC offset, such as 2026-11-24T09:30:00Z",
            "$.tenantId: string \"contoso\"; expected a GUID such as 6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10",
            "$.cloud: string \"mars\"; expected global, usGov, usGovDoD or china",
            "$.sections.securityDefaults.value.isEnabled: number 1; expected true or false",
            "$.sections.conditionalAccessPolicies.value[1].conditions: string \"x\"; expected an object",
            "$.sections.domains.status: unknown status \"partial\"; expected captured, notCaptured or failed",
            "$.users[0].user.id: missing; every user needs an id",
            "$.users[0].sections.authenticationRequirements.value.perUserMfaState: number 2; expected a string",
            "$.users[1].user.userPrincipalName: number 5; expected a string",
            "$.missingUsers[0]: true; expected a string");
    }

    [Fact]
    public void Contract_violations_found_after_the_structure_are_reported_together_in_document_order()
    {
        string json = FullWith(d =>
        {
            Section(d, "mfaServicePolicy")["error"]!["httpStatus"] = 42;
            Policy(d, 1)["id"] = PolicyId;
            User(d, 0)["id"] = "backup";
            User(d, 1)["id"] = "backup";
            User(d, 1)["userPrincipalName"] = "alice";
            d["missingUsers"] = new JsonArray("backup@contoso.com");
        });

        Messages(Errors(json)).Should().Equal(
            $"$.sections.conditionalAccessPolicies.value[1].id: duplicate \"{PolicyId}\" (first at $.sections.conditionalAccessPolicies.value[0].id); Conditional Access policy ids must be unique",
            "$.sections.mfaServicePolicy.error.httpStatus: number 42; expected an HTTP status code from 100 to 599",
            "$.users[0].user.id: string \"backup\"; expected the user's object id, a GUID",
            "$.users[1].user.id: string \"backup\"; expected the user's object id, a GUID",
            "$.users[1].user.id: duplicate \"backup\" (first at $.users[0].user.id); user ids must be unique",
            "$.users[1].user.userPrincipalName: string \"alice\"; expected a user principal name such as backup@contoso.com",
            "$.missingUsers[0]: \"backup@contoso.com\", which is also $.users[0]; a user is either in users or in missingUsers");
    }

    [Fact]
    public void MaxErrors_caps_the_list_at_the_first_errors()
    {
        string json = FullWith(d =>
        {
            var users = d["users"]!.AsArray();
            users.Clear();
            for (int i = 0; i < 10; i++)
            {
                users.Add(new JsonObject { ["user"] = new JsonObject { ["userPrincipalName"] = $"user{i}@contoso.com" } });
            }
        });

        Errors(json).Should().HaveCount(10);
        Messages(Errors(json, new SnapshotReaderOptions { MaxErrors = 3 })).Should().Equal(
            "$.users[0].user.id: missing; every user needs an id",
            "$.users[1].user.id: missing; every user needs an id",
            "$.users[2].user.id: missing; every user needs an id");
        Errors(json, new SnapshotReaderOptions { MaxErrors = 1 }).Should().ContainSingle();
    }

    [Fact]
    public void MaxErrors_caps_contract_violations_too()
    {
        string json = FullWith(d =>
        {
            User(d, 0)["id"] = "a";
            User(d, 1)["id"] = "b";
            User(d, 1)["userPrincipalName"] = "alice";
        });

        Errors(json).Should().HaveCount(3);
        Messages(Errors(json, new SnapshotReaderOptions { MaxErrors = 2 })).Should().Equal(
            "$.users[0].user.id: string \"a\"; expected the user's object id, a GUID",
            "$.users[1].user.id: string \"b\"; expected the user's object id, a GUID");
    }

    // ----- options -----

    public static TheoryData<string, long> OptionsOutOfRange => new()
    {
        { "MaxDepth", 0 },
        { "MaxDepth", 1001 },
        { "MaxDocumentBytes", 1 },
        { "MaxDocumentBytes", (long)int.MaxValue + 1 },
        { "MaxErrors", 0 },
        { "MaxErrors", -5 },
    };

    [Theory]
    [MemberData(nameof(OptionsOutOfRange))]
    public void Options_out_of_range_are_refused(string option, long value)
    {
        var options = option switch
        {
            "MaxDepth" => new SnapshotReaderOptions { MaxDepth = (int)value },
            "MaxDocumentBytes" => new SnapshotReaderOptions { MaxDocumentBytes = value },
            _ => new SnapshotReaderOptions { MaxErrors = (int)value },
        };
        var create = () => new SnapshotReader(options);

        create.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(option);
    }

    [Fact]
    public void Options_at_the_ends_of_their_ranges_are_accepted()
    {
        new SnapshotReader(new SnapshotReaderOptions { MaxDepth = 1000, MaxDocumentBytes = int.MaxValue, MaxErrors = 1 }).Read(Full).Users.Should().HaveCount(2);
        new SnapshotReader(new SnapshotReaderOptions { MaxDepth = 1, MaxDocumentBytes = Minimal.Length }).Read(Minimal).Users.Should().BeEmpty();
        var smallest = () => new SnapshotReader(new SnapshotReaderOptions { MaxDocumentBytes = 2 });
        smallest.Should().NotThrow();
    }

    // ----- enum strings Graph adds later -----

    [Fact]
    public void Unknown_enum_strings_are_not_errors_they_read_as_Unknown_and_keep_their_value()
    {
        string json = FullWith(d =>
        {
            UserSection(d, 0, "authenticationRequirements")["value"]!["perUserMfaState"] = "unknownFutureValue";
            Policy(d, 0)["state"] = "somethingNew";
            Policy(d, 0)["conditions"]!["clientAppTypes"] = new JsonArray("futureClient", "other");
            Policy(d, 1)["grantControls"]!["builtInControls"] = new JsonArray("mfa", "unknownFutureValue");
            User(d, 1)["userType"] = "Robot";
            Section(d, "authenticationMethodsPolicy")["value"]!["policyMigrationState"] = "unknownFutureValue";
            Section(d, "domains")["value"]![0]!["authenticationType"] = "Passwordless";
            UserSection(d, 0, "authenticationMethods")["value"]![1]!["@odata.type"] = "#microsoft.graph.futureAuthenticationMethod";
            UserSection(d, 0, "transitiveMemberOf")["value"]![0]!["@odata.type"] = "#microsoft.graph.futureDirectoryObject";
        });

        var snapshot = Read(json);

        var requirements = snapshot.Users[0].Sections.AuthenticationRequirements.Value!;
        requirements.PerUserMfaState.Should().Be(PerUserMfaState.Unknown);
        requirements.PerUserMfaStateValue.Should().Be("unknownFutureValue");

        var policies = snapshot.Sections.ConditionalAccessPolicies.Value!;
        policies[0].State.Should().Be(ConditionalAccessPolicyState.Unknown);
        policies[0].StateValue.Should().Be("somethingNew");
        policies[0].Conditions.ClientAppTypes.Should().Equal(ClientAppType.Unknown, ClientAppType.Other);
        policies[0].Json.GetProperty("conditions").GetProperty("clientAppTypes")[0].GetString().Should().Be("futureClient");
        policies[1].GrantControls!.BuiltInControls.Should().Equal(BuiltInControl.Mfa, BuiltInControl.Unknown);
        policies[1].GrantControls!.BuiltInControlValues.Should().Equal("mfa", "unknownFutureValue");

        snapshot.Users[1].User.UserType.Should().Be(UserType.Unknown);
        snapshot.Users[1].User.Json.GetProperty("userType").GetString().Should().Be("Robot");
        snapshot.Sections.AuthenticationMethodsPolicy.Value!.PolicyMigrationState.Should().Be(PolicyMigrationState.Unknown);
        snapshot.Sections.Domains.Value![0].AuthenticationType.Should().Be(DomainAuthenticationType.Unknown);
        snapshot.Sections.Domains.Value![0].AuthenticationTypeValue.Should().Be("Passwordless");
        var method = snapshot.Users[0].Sections.AuthenticationMethods.Value![1];
        method.Kind.Should().Be(AuthenticationMethodKind.Unknown);
        method.ODataType.Should().Be("#microsoft.graph.futureAuthenticationMethod");
        method.IsMfaCapable.Should().BeFalse();
        snapshot.Users[0].Sections.TransitiveMemberOf.Value![0].Kind.Should().Be(DirectoryObjectKind.Unknown);

        // And they are written back exactly as they were.
        JsonNode.DeepEquals(JsonNode.Parse(SnapshotWriter.ToJson(snapshot)), JsonNode.Parse(json)).Should().BeTrue();
    }

}
