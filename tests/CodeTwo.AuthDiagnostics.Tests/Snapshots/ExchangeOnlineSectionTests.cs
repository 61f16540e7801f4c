using System.Text;
using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Exchange;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;
using Microsoft.Extensions.Options;
using static CodeTwo.AuthDiagnostics.Tests.Snapshots.SnapshotDocuments;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>
/// The optional <c>exchangeOnline</c> tenant section (catalog v1.1): reading with strict types and JSONPaths, writing
/// only when present, redaction of policy names, and the standalone value file that <c>exchange-script</c> writes.
/// </summary>
public sealed class ExchangeOnlineSectionTests
{
    private const string Value = "$.sections.exchangeOnline.value";
    private const string PolicyNameExpected = "expected the name of an authentication policy, or null for none";

    /// <summary>A realistic value: tenant SMTP AUTH on, a default policy that blocks it, one user with an own policy that allows it.</summary>
    private static JsonObject ValueNode() => new()
    {
        ["smtpClientAuthenticationDisabled"] = false,
        ["defaultAuthenticationPolicy"] = "Block Basic Auth",
        ["authenticationPolicies"] = new JsonArray(
            new JsonObject { ["name"] = "Block Basic Auth", ["allowBasicAuthSmtp"] = false },
            new JsonObject { ["name"] = "Allow SMTP for scanners", ["allowBasicAuthSmtp"] = true, ["allowBasicAuthImap"] = false }),
        ["users"] = new JsonObject
        {
            [BackupId] = new JsonObject { ["smtpClientAuthenticationDisabled"] = null, ["authenticationPolicy"] = "Allow SMTP for scanners" },
            [AliceId] = new JsonObject { ["smtpClientAuthenticationDisabled"] = true, ["authenticationPolicy"] = null, ["primarySmtpAddress"] = "alice@contoso.com" },
        },
        ["collectedBy"] = "exchange-script 1.0",
    };

    private static string WithValue(Action<JsonObject> change)
    {
        var value = ValueNode();
        change(value);
        return FullWith(d => d["sections"]!["exchangeOnline"] = new JsonObject { ["status"] = "captured", ["value"] = value });
    }

    private static string WithSection(JsonNode section) => FullWith(d => d["sections"]!["exchangeOnline"] = section);

    private static readonly Dictionary<string, (string Json, string[] Messages)> Cases = new()
    {
        ["section not an object"] = (WithSection(JsonValue.Create("captured")), ["$.sections.exchangeOnline: string \"captured\"; expected a section object with a status (captured, notCaptured or failed)"]),
        ["unknown status"] = (WithSection(new JsonObject { ["status"] = "partial" }), ["$.sections.exchangeOnline.status: unknown status \"partial\"; expected captured, notCaptured or failed"]),
        ["captured without value"] = (WithSection(new JsonObject { ["status"] = "captured" }), ["$.sections.exchangeOnline.value: missing; a captured section needs its value"]),
        ["value an array"] = (WithSection(new JsonObject { ["status"] = "captured", ["value"] = new JsonArray() }), ["$.sections.exchangeOnline.value: an array; expected an object"]),
        ["failed without error"] = (WithSection(new JsonObject { ["status"] = "failed" }), ["$.sections.exchangeOnline.error: missing; a failed section needs an error object with httpStatus"]),
        ["failed with httpStatus 42"] = (WithSection(new JsonObject { ["status"] = "failed", ["error"] = new JsonObject { ["httpStatus"] = 42 } }), ["$.sections.exchangeOnline.error.httpStatus: number 42; expected an HTTP status code from 100 to 599"]),
        ["failed with a blank permission"] = (
            WithSection(new JsonObject { ["status"] = "failed", ["error"] = new JsonObject { ["httpStatus"] = 403, ["requiredPermissions"] = new JsonArray(" ") } }),
            ["$.sections.exchangeOnline.error.requiredPermissions[0]: string \" \"; expected a Graph permission name such as Policy.Read.All"]),

        ["tenant switch a string"] = (WithValue(v => v["smtpClientAuthenticationDisabled"] = "yes"), [$"{Value}.smtpClientAuthenticationDisabled: string \"yes\"; expected true or false"]),
        ["tenant switch missing"] = (WithValue(v => v.Remove("smtpClientAuthenticationDisabled")), [$"{Value}.smtpClientAuthenticationDisabled: missing; the Exchange Online settings need smtpClientAuthenticationDisabled (Get-TransportConfig)"]),
        ["tenant switch null"] = (WithValue(v => v["smtpClientAuthenticationDisabled"] = null), [$"{Value}.smtpClientAuthenticationDisabled: null; the Exchange Online settings need smtpClientAuthenticationDisabled (Get-TransportConfig)"]),
        ["default policy a number"] = (WithValue(v => v["defaultAuthenticationPolicy"] = 1), [$"{Value}.defaultAuthenticationPolicy: number 1; {PolicyNameExpected}"]),
        ["default policy empty"] = (WithValue(v => v["defaultAuthenticationPolicy"] = ""), [$"{Value}.defaultAuthenticationPolicy: string \"\"; {PolicyNameExpected}"]),
        ["policies an object"] = (WithValue(v => v["authenticationPolicies"] = new JsonObject()), [$"{Value}.authenticationPolicies: an object; expected an array"]),
        ["policy a string"] = (WithValue(v => v["authenticationPolicies"]!.AsArray().Add("Block Basic Auth")), [$"{Value}.authenticationPolicies[2]: string \"Block Basic Auth\"; expected an object (an authentication policy with name and allowBasicAuthSmtp)"]),
        ["policy without name"] = (WithValue(v => v["authenticationPolicies"]![0]!.AsObject().Remove("name")), [$"{Value}.authenticationPolicies[0].name: missing; every authentication policy needs its name"]),
        ["policy with an empty name"] = (WithValue(v => v["authenticationPolicies"]![1]!["name"] = ""), [$"{Value}.authenticationPolicies[1].name: string \"\"; expected the policy's name, which is never empty"]),
        ["policy name a number"] = (WithValue(v => v["authenticationPolicies"]![1]!["name"] = 7), [$"{Value}.authenticationPolicies[1].name: number 7; expected a string"]),
        ["allowBasicAuthSmtp a string"] = (WithValue(v => v["authenticationPolicies"]![0]!["allowBasicAuthSmtp"] = "False"), [$"{Value}.authenticationPolicies[0].allowBasicAuthSmtp: string \"False\"; expected true or false"]),
        ["allowBasicAuthSmtp missing"] = (WithValue(v => v["authenticationPolicies"]![1]!.AsObject().Remove("allowBasicAuthSmtp")), [$"{Value}.authenticationPolicies[1].allowBasicAuthSmtp: missing; every authentication policy needs allowBasicAuthSmtp (Get-AuthenticationPolicy)"]),
        ["duplicate policy names"] = (
            WithValue(v => v["authenticationPolicies"]!.AsArray().Add(new JsonObject { ["name"] = "block basic auth", ["allowBasicAuthSmtp"] = true })),
            [$"{Value}.authenticationPolicies[2].name: duplicate \"block basic auth\" (first at {Value}.authenticationPolicies[0].name); authentication policy names must be unique"]),
        ["users an array"] = (WithValue(v => v["users"] = new JsonArray()), [$"{Value}.users: an array; expected an object"]),
        ["user key not a GUID"] = (
            WithValue(v => v["users"]!["backup@contoso.com"] = new JsonObject { ["smtpClientAuthenticationDisabled"] = false }),
            [$"{Value}.users['backup@contoso.com']: the member name \"backup@contoso.com\"; expected a user's object id (a GUID such as 6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10) as the member name"]),
        ["user value a boolean"] = (WithValue(v => v["users"]![BackupId] = true), [$"{Value}.users['{BackupId}']: true; expected an object (a mailbox's settings with smtpClientAuthenticationDisabled and authenticationPolicy)"]),
        ["user switch a string"] = (WithValue(v => v["users"]![AliceId]!["smtpClientAuthenticationDisabled"] = "true"), [$"{Value}.users['{AliceId}'].smtpClientAuthenticationDisabled: string \"true\"; expected true, false or null"]),
        ["user switch a number"] = (WithValue(v => v["users"]![AliceId]!["smtpClientAuthenticationDisabled"] = 0), [$"{Value}.users['{AliceId}'].smtpClientAuthenticationDisabled: number 0; expected true, false or null"]),
        ["user policy a boolean"] = (WithValue(v => v["users"]![BackupId]!["authenticationPolicy"] = false), [$"{Value}.users['{BackupId}'].authenticationPolicy: false; {PolicyNameExpected}"]),
        ["user policy an object"] = (WithValue(v => v["users"]![BackupId]!["authenticationPolicy"] = new JsonObject()), [$"{Value}.users['{BackupId}'].authenticationPolicy: an object; {PolicyNameExpected}"]),
        ["user policy blank"] = (WithValue(v => v["users"]![BackupId]!["authenticationPolicy"] = " "), [$"{Value}.users['{BackupId}'].authenticationPolicy: string \" \"; {PolicyNameExpected}"]),
        ["the same user twice in another case"] = (
            WithValue(v => v["users"]![BackupId.ToUpperInvariant()] = new JsonObject()),
            [$"{Value}.users['{BackupId.ToUpperInvariant()}']: duplicate \"{BackupId.ToUpperInvariant()}\" (first at {Value}.users['{BackupId}']); the user object ids in users must be unique"]),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_bad_exchangeOnline_section_is_rejected_with_its_path(string name)
    {
        var (json, messages) = Cases[name];

        Messages(Errors(json)).Should().Equal(messages);
        Messages(Errors(Utf8(json))).Should().Equal(messages);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_standalone_value_gives_the_same_errors_rooted_at_the_value(string name)
    {
        var (json, messages) = Cases[name];
        var section = JsonNode.Parse(json)!["sections"]!["exchangeOnline"]!;
        if (section is not JsonObject { } obj || obj["status"]?.GetValue<string>() != "captured" || obj["value"] is not JsonObject value)
        {
            return; // Section-level cases have no standalone equivalent.
        }

        var read = () => new SnapshotReader().ReadExchangeOnlineSettings(value.ToJsonString());

        Messages(read.Should().Throw<SnapshotFormatException>().Which.Errors).Should().Equal(messages.Select(m => m.Replace(Value, "$", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_captured_section_is_read_into_the_model()
    {
        var exchange = Read(WithValue(_ => { })).Sections.ExchangeOnline;

        exchange.Status.Should().Be(SectionStatus.Captured);
        var settings = exchange.Value!;
        settings.SmtpClientAuthenticationDisabled.Should().BeFalse();
        settings.DefaultAuthenticationPolicy.Should().Be("Block Basic Auth");
        settings.AuthenticationPolicies.Select(p => (p.Name, p.AllowBasicAuthSmtp, p.Index)).Should().Equal(("Block Basic Auth", false, 0), ("Allow SMTP for scanners", true, 1));
        settings.FindAuthenticationPolicy("ALLOW smtp for scanners")!.AllowBasicAuthSmtp.Should().BeTrue();
        settings.Users.Select(u => u.UserId).Should().Equal(BackupId, AliceId);
        settings.FindUser(BackupId.ToUpperInvariant())!.Should().Match<ExchangeMailboxSettings>(u => u.SmtpClientAuthenticationDisabled == null && u.AuthenticationPolicy == "Allow SMTP for scanners");
        settings.FindUser(AliceId)!.Should().Match<ExchangeMailboxSettings>(u => u.SmtpClientAuthenticationDisabled == true && u.AuthenticationPolicy == null);
    }

    [Fact]
    public void Policies_users_and_the_default_policy_may_be_missing()
    {
        var settings = Read(WithValue(v =>
        {
            v.Remove("authenticationPolicies");
            v.Remove("users");
            v.Remove("defaultAuthenticationPolicy");
        })).Sections.ExchangeOnline.Value!;

        settings.AuthenticationPolicies.Should().BeEmpty();
        settings.Users.Should().BeEmpty();
        settings.DefaultAuthenticationPolicy.Should().BeNull();

        var nulls = Read(WithValue(v =>
        {
            v["authenticationPolicies"] = null;
            v["users"] = null;
            v["defaultAuthenticationPolicy"] = null;
            v["users"] = new JsonObject { [BackupId] = new JsonObject() };
        })).Sections.ExchangeOnline.Value!;
        nulls.FindUser(BackupId)!.SmtpClientAuthenticationDisabled.Should().BeNull();
        nulls.FindUser(BackupId)!.AuthenticationPolicy.Should().BeNull();
    }

    [Fact]
    public void An_absent_section_stays_absent_and_is_not_written()
    {
        var snapshot = Read(Full);

        snapshot.Sections.ExchangeOnline.Status.Should().Be(SectionStatus.NotCaptured);
        snapshot.Sections.ExchangeOnline.Should().BeSameAs(TenantSections.NotCaptured.ExchangeOnline);
        SnapshotWriter.ToJson(snapshot).Should().NotContain("exchangeOnline");
        SnapshotWriter.ToJson(Read(SnapshotWriter.ToJson(snapshot))).Should().Be(SnapshotWriter.ToJson(snapshot));
    }

    [Theory]
    [MemberData(nameof(FixtureNames), MemberType = typeof(SnapshotDocuments))]
    public void Fixtures_without_the_section_write_no_exchangeOnline(string fixture)
    {
        string text = File.ReadAllText(FixturePath(fixture));
        var snapshot = Read(text);

        if (!text.Contains("\"exchangeOnline\"", StringComparison.Ordinal))
        {
            snapshot.Sections.ExchangeOnline.Should().BeSameAs(TenantSections.NotCaptured.ExchangeOnline);
            SnapshotWriter.ToJson(snapshot).Should().NotContain("exchangeOnline");
        }
    }

    [Fact]
    public void Round_trip_is_byte_stable_and_keeps_unknown_properties()
    {
        string written = SnapshotWriter.ToJson(Read(WithValue(_ => { })));
        string again = SnapshotWriter.ToJson(Read(written));

        again.Should().Be(written);
        var node = JsonNode.Parse(written)!;
        var sections = node["sections"]!.AsObject().Select(p => p.Key).ToList();
        sections.Should().EndWith(["subscribedSkus", "exchangeOnline"]);
        JsonNode.DeepEquals(node["sections"]!["exchangeOnline"]!["value"], ValueNode()).Should().BeTrue();
        written.Should().Contain("\"collectedBy\": \"exchange-script 1.0\"").And.Contain("\"allowBasicAuthImap\": false").And.Contain("\"primarySmtpAddress\"");
    }

    [Theory]
    [InlineData("""{"status":"notCaptured"}""")]
    [InlineData("""{"status":"notCaptured","reason":"Exchange Online PowerShell was not run."}""")]
    [InlineData("""{"status":"failed","error":{"httpStatus":403,"code":"AccessDenied","message":"The user isn't assigned to any management roles.","requiredPermissions":["View-Only Configuration"]}}""")]
    public void Not_captured_and_failed_sections_round_trip(string section)
    {
        string json = WithSection(JsonNode.Parse(section)!);

        var snapshot = Read(json);
        string written = SnapshotWriter.ToJson(snapshot);

        snapshot.Sections.ExchangeOnline.Should().NotBeSameAs(TenantSections.NotCaptured.ExchangeOnline);
        JsonNode.DeepEquals(JsonNode.Parse(written)!["sections"]!["exchangeOnline"], JsonNode.Parse(section)).Should().BeTrue(written);
        SnapshotWriter.ToJson(Read(written)).Should().Be(written);
    }

    [Fact]
    public void Redaction_pseudonymises_policy_names_consistently_and_keeps_ids_and_switches()
    {
        var original = Read(WithValue(v =>
        {
            v["users"]![AliceId]!["authenticationPolicy"] = "BLOCK BASIC AUTH";
            v["users"]![BackupId]!["smtpClientAuthenticationDisabled"] = false;
        }));

        var redacted = SnapshotRedactor.Redact(original);
        var settings = redacted.Sections.ExchangeOnline.Value!;
        string json = SnapshotWriter.ToJson(redacted);

        json.Should().NotContain("Block Basic Auth").And.NotContain("BLOCK BASIC AUTH").And.NotContain("scanners");
        string block = settings.AuthenticationPolicies[0].Name;
        string allow = settings.AuthenticationPolicies[1].Name;
        block.Should().MatchRegex("^AuthPolicy-[0-9a-f]{16}$").And.NotBe(allow);
        settings.DefaultAuthenticationPolicy.Should().Be(block);
        settings.FindUser(AliceId)!.AuthenticationPolicy.Should().Be(block, "names are compared case-insensitively, so the pseudonym is too");
        settings.FindUser(BackupId)!.AuthenticationPolicy.Should().Be(allow);
        settings.Users.Select(u => (u.UserId, u.SmtpClientAuthenticationDisabled)).Should().Equal((BackupId, false), (AliceId, true));
        settings.SmtpClientAuthenticationDisabled.Should().BeFalse();
        settings.AuthenticationPolicies.Select(p => p.AllowBasicAuthSmtp).Should().Equal(false, true);
        json.Should().NotContain("alice@contoso.com", "unknown properties are swept like any free text");

        SnapshotRedactor.Redact(redacted).Sections.ExchangeOnline.Value!.AuthenticationPolicies.Select(p => p.Name).Should().Equal([block, allow], "a pseudonym is not redacted again");
        SnapshotWriter.ToJson(SnapshotRedactor.Redact(original)).Should().Be(json, "the same input gives the same pseudonyms");
    }

    [Fact]
    public void Redaction_does_not_change_the_diagnosis()
    {
        var original = Read(WithValue(_ => { }));
        var redacted = SnapshotRedactor.Redact(original);
        var service = new AuthDiagnosticsService(Options.Create(new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.SmtpAuth }));

        foreach (string id in new[] { BackupId, AliceId })
        {
            var before = service.Diagnose(original, UserRef.Parse(id));
            var after = service.Diagnose(redacted, UserRef.Parse(id));
            after.Verdict.Should().Be(before.Verdict);
            after.Findings.Select(f => (f.Code, f.RootCause)).Should().Equal(before.Findings.Select(f => (f.Code, f.RootCause)));
        }
    }

    [Fact]
    public void WithExchangeOnline_captures_the_section_and_replaces_any_other()
    {
        var reader = new SnapshotReader();
        var settings = reader.ReadExchangeOnlineSettings(ValueNode().ToJsonString());
        var failed = Read(WithSection(JsonNode.Parse("""{"status":"failed","error":{"httpStatus":500}}""")!));

        var merged = failed.WithExchangeOnline(settings);

        failed.Sections.ExchangeOnline.Status.Should().Be(SectionStatus.Failed, "the original is unchanged");
        merged.Sections.ExchangeOnline.Status.Should().Be(SectionStatus.Captured);
        merged.Sections.ExchangeOnline.Value.Should().BeSameAs(settings);
        merged.Users.Should().BeSameAs(failed.Users);
        merged.Sections.Domains.Should().BeSameAs(failed.Sections.Domains);
        merged.FindUser("backup@contoso.com").Should().NotBeNull();

        string written = SnapshotWriter.ToJson(merged);
        JsonNode.DeepEquals(JsonNode.Parse(written)!["sections"]!["exchangeOnline"]!["value"], ValueNode()).Should().BeTrue();
        SnapshotWriter.ToJson(Read(written)).Should().Be(written);

        var fromAbsent = Read(Full).WithExchangeOnline(settings);
        SnapshotWriter.ToJson(fromAbsent).Should().Be(written);
    }

    [Fact]
    public void WithExchangeOnline_refuses_settings_without_a_payload()
    {
        var act = () => Read(Full).WithExchangeOnline(new ExchangeOnlineSettings());

        act.Should().Throw<ArgumentException>().WithParameterName("settings");
    }

    [Fact]
    public async Task The_standalone_reader_reads_a_stream_a_string_and_a_file()
    {
        var reader = new SnapshotReader();
        string json = ValueNode().ToJsonString();

        var fromString = reader.ReadExchangeOnlineSettings(json);
        await using var stream = new MemoryStream([.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(json)]);
        var fromStream = await reader.ReadExchangeOnlineSettingsAsync(stream, TestContext.Current.CancellationToken);
        string path = Path.Combine(Path.GetTempPath(), $"exo-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(path, json, TestContext.Current.CancellationToken);
            var fromFile = await reader.ReadExchangeOnlineSettingsFileAsync(path, TestContext.Current.CancellationToken);

            foreach (var settings in new[] { fromString, fromStream, fromFile })
            {
                settings.DefaultAuthenticationPolicy.Should().Be("Block Basic Auth");
                settings.Users.Should().HaveCount(2);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("[]", "$: an array; expected an object (the exchangeOnline section's value, as exchange-script writes it)")]
    [InlineData("{\"status\":\"captured\",\"value\":{}}", "$.smtpClientAuthenticationDisabled: missing; the Exchange Online settings need smtpClientAuthenticationDisabled (Get-TransportConfig)")]
    [InlineData("{\"smtpClientAuthenticationDisabled\":true,", "$")]
    public void The_standalone_reader_rejects_documents_that_are_not_a_value(string json, string message)
    {
        var read = () => new SnapshotReader().ReadExchangeOnlineSettings(json);

        read.Should().Throw<SnapshotFormatException>().Which.Errors[0].Message.Should().StartWith(message);
    }

    [Fact]
    public async Task The_standalone_file_reader_names_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"exo-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(path, """{"smtpClientAuthenticationDisabled":"no"}""", TestContext.Current.CancellationToken);
            var read = () => new SnapshotReader().ReadExchangeOnlineSettingsFileAsync(path, TestContext.Current.CancellationToken);

            var error = (await read.Should().ThrowAsync<SnapshotFormatException>()).Which;
            error.Source.Should().Be(path);
            error.Message.Should().Contain(path).And.Contain("$.smtpClientAuthenticationDisabled: string \"no\"; expected true or false");

            var missing = () => new SnapshotReader().ReadExchangeOnlineSettingsFileAsync(path + ".none", TestContext.Current.CancellationToken);
            (await missing.Should().ThrowAsync<SnapshotFormatException>()).Which.Errors[0].Expected.Should().StartWith("expected an Exchange Online settings file at");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
