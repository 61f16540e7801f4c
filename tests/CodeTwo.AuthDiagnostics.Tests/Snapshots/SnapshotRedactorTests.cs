using System.Text.Json;
using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;
using static CodeTwo.AuthDiagnostics.Tests.Snapshots.SnapshotDocuments;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>Redaction: no personal data left, stable pseudonyms, and nothing the diagnosis reads is changed.</summary>
public sealed class SnapshotRedactorTests
{
    private static readonly string[] TenantSuffixes = [".onmicrosoft.com", ".onmicrosoft.us", ".partner.onmschina.cn"];

    public static TheoryData<string> Documents()
    {
        var data = FixtureNames();
        data.Add("(full test document)");
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Redacted_output_holds_no_UPN_mail_address_user_name_or_custom_domain(string document)
    {
        string original = Load(document);
        var secrets = PersonalData(JsonNode.Parse(original)!);
        secrets.Should().NotBeEmpty("every document has at least one user");

        string redacted = SnapshotWriter.ToJson(Read(original), new SnapshotWriterOptions { Redact = true });

        foreach (string secret in secrets)
        {
            redacted.Should().NotContainEquivalentOf(secret);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_same_value_always_gets_the_same_pseudonym(string document)
    {
        var snapshot = Read(Load(document));

        var once = SnapshotRedactor.Redact(snapshot);
        var twice = SnapshotRedactor.Redact(snapshot);

        SnapshotWriter.ToUtf8Bytes(twice).Should().Equal(SnapshotWriter.ToUtf8Bytes(once));
        SnapshotWriter.ToJson(snapshot, new SnapshotWriterOptions { Redact = true }).Should().Be(SnapshotWriter.ToJson(once));

        // Users of one domain keep sharing one (pseudonymous) domain; users of different domains do not.
        var pairs = snapshot.Users.Zip(once.Users, (before, after) => (Before: before.User.UpnDomain, After: after.User.UpnDomain)).ToArray();
        foreach (var a in pairs)
        {
            foreach (var b in pairs)
            {
                (a.After == b.After).Should().Be(a.Before == b.Before, $"{a.Before} and {b.Before} become {a.After} and {b.After}");
            }
        }
    }

    [Fact]
    public void A_UPN_that_appears_in_several_places_gets_one_pseudonym_everywhere()
    {
        var snapshot = Read(FullWith(d =>
        {
            d["users"]![0]!["user"]!["mail"] = "Backup@contoso.com";
            d["users"]![1]!["user"]!["otherMails"] = new JsonArray("backup@contoso.com");
            Section(d, "mfaServicePolicy")["error"]!["message"] = "Access denied for backup@contoso.com.";
        }));

        var redacted = SnapshotRedactor.Redact(snapshot);

        string upn = redacted.Users[0].User.UserPrincipalName;
        upn.Should().NotContainEquivalentOf("backup").And.NotContainEquivalentOf("contoso");
        redacted.Users[0].User.Json.GetProperty("mail").GetString().Should().Be(upn);
        redacted.Users[1].User.Json.GetProperty("otherMails")[0].GetString().Should().Be(upn);
        redacted.Sections.MfaServicePolicy.Error!.Message.Should().Be($"Access denied for {upn}.");
        redacted.FindUser(upn).Should().BeSameAs(redacted.Users[0]);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void UPN_domains_still_match_the_domains_section(string document)
    {
        var snapshot = Read(Load(document));
        var redacted = SnapshotRedactor.Redact(snapshot);

        var domainsBefore = snapshot.Sections.Domains.Value!.Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var domainsAfter = redacted.Sections.Domains.Value!.Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        domainsAfter.Should().HaveCount(domainsBefore.Count);
        for (int i = 0; i < snapshot.Users.Count; i++)
        {
            domainsAfter.Contains(redacted.Users[i].User.UpnDomain).Should().Be(
                domainsBefore.Contains(snapshot.Users[i].User.UpnDomain),
                $"{snapshot.Users[i].User.UpnDomain} became {redacted.Users[i].User.UpnDomain}");
        }

        // The default, initial and federated flags still sit on the matching domains.
        redacted.Sections.Domains.Value!.Select(d => (d.IsDefault, d.IsInitial, d.AuthenticationType))
            .Should().Equal(snapshot.Sections.Domains.Value!.Select(d => (d.IsDefault, d.IsInitial, d.AuthenticationType)));
        redacted.Sections.Domains.Value!.Where(d => d.IsInitial).Should().AllSatisfy(
            d => TenantSuffixes.Should().Contain(suffix => d.Id.EndsWith(suffix, StringComparison.Ordinal), "the initial domain keeps its cloud's suffix"));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Ids_and_every_setting_the_diagnosis_reads_are_unchanged(string document)
    {
        var snapshot = Read(Load(document));
        var redacted = SnapshotRedactor.Redact(snapshot);

        redacted.TenantId.Should().Be(snapshot.TenantId);
        redacted.Cloud.Should().Be(snapshot.Cloud);
        redacted.CapturedAt.Should().Be(snapshot.CapturedAt);
        redacted.Users.Select(u => u.User.Id).Should().Equal(snapshot.Users.Select(u => u.User.Id));
        redacted.Users.Select(u => (u.User.AccountEnabled, u.User.UserType, u.User.OnPremisesSyncEnabled, u.User.SignInSessionsValidFromDateTime))
            .Should().Equal(snapshot.Users.Select(u => (u.User.AccountEnabled, u.User.UserType, u.User.OnPremisesSyncEnabled, u.User.SignInSessionsValidFromDateTime)));

        SameJson(redacted.Sections.SecurityDefaults.Value?.Json, snapshot.Sections.SecurityDefaults.Value?.Json);
        SameJson(redacted.Sections.AuthenticationMethodsPolicy.Value?.Json, snapshot.Sections.AuthenticationMethodsPolicy.Value?.Json);
        SameJson(redacted.Sections.MfaServicePolicy.Value?.Json, snapshot.Sections.MfaServicePolicy.Value?.Json);
        SameJson(redacted.Sections.SubscribedSkus.Value?.Select(s => s.Json), snapshot.Sections.SubscribedSkus.Value?.Select(s => s.Json));
        redacted.Sections.ConditionalAccessPolicies.Status.Should().Be(snapshot.Sections.ConditionalAccessPolicies.Status);
        redacted.Sections.ConditionalAccessPolicies.Error.Should().BeEquivalentTo(snapshot.Sections.ConditionalAccessPolicies.Error);
        foreach (var (after, before) in (redacted.Sections.ConditionalAccessPolicies.Value ?? []).Zip(snapshot.Sections.ConditionalAccessPolicies.Value ?? []))
        {
            after.Id.Should().Be(before.Id);
            after.StateValue.Should().Be(before.StateValue);
            SameJson(after.Json.GetProperty("conditions"), before.Json.GetProperty("conditions"));
            SameJson(Property(after.Json, "grantControls"), Property(before.Json, "grantControls"));
            SameJson(Property(after.Json, "sessionControls"), Property(before.Json, "sessionControls"));
        }

        for (int i = 0; i < snapshot.Users.Count; i++)
        {
            var before = snapshot.Users[i].Sections;
            var after = redacted.Users[i].Sections;
            after.AuthenticationRequirements.Value?.PerUserMfaStateValue.Should().Be(before.AuthenticationRequirements.Value?.PerUserMfaStateValue);
            after.AuthenticationMethods.Value?.Select(m => (m.Id, m.ODataType)).Should().Equal(before.AuthenticationMethods.Value!.Select(m => (m.Id, m.ODataType)));
            after.TransitiveMemberOf.Value?.Select(g => (g.Id, g.Kind, g.RoleTemplateId)).Should().Equal(before.TransitiveMemberOf.Value!.Select(g => (g.Id, g.Kind, g.RoleTemplateId)));
            after.AuthenticationMethods.Status.Should().Be(before.AuthenticationMethods.Status);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_key_of_ones_own_gives_other_pseudonyms(string document)
    {
        var snapshot = Read(Load(document));

        var byDefault = SnapshotRedactor.Redact(snapshot);
        var withKey = SnapshotRedactor.Redact(snapshot, "support-case-4711");
        var withKeyAgain = Read(SnapshotWriter.ToJson(snapshot, new SnapshotWriterOptions { Redact = true, RedactionKey = "support-case-4711" }));
        var withOtherKey = SnapshotRedactor.Redact(snapshot, "support-case-4712");

        for (int i = 0; i < snapshot.Users.Count; i++)
        {
            string upn = withKey.Users[i].User.UserPrincipalName;
            withKeyAgain.Users[i].User.UserPrincipalName.Should().Be(upn);
            upn.Should().NotBe(byDefault.Users[i].User.UserPrincipalName);
            upn.Should().NotBe(withOtherKey.Users[i].User.UserPrincipalName);
            upn.Should().NotBe(snapshot.Users[i].User.UserPrincipalName);
        }

        withKey.Sections.Domains.Value!.Select(d => d.Id).Should().NotIntersectWith(byDefault.Sections.Domains.Value!.Select(d => d.Id));
    }

    [Fact]
    public void Missing_users_phone_numbers_and_free_text_are_redacted_too()
    {
        var snapshot = Read(Full);

        string redacted = SnapshotWriter.ToJson(snapshot, new SnapshotWriterOptions { Redact = true });

        redacted.Should().NotContain("former.employee").And.NotContain("4255550100").And.NotContain("allstaff@");
        var node = JsonNode.Parse(redacted)!;
        node["missingUsers"]![0]!.GetValue<string>().Should().MatchRegex("^user-[0-9a-f]{16}@domain-[0-9a-f]{16}\\.example$");
        Read(redacted).MissingUsers.Should().ContainSingle();
    }

    [Fact]
    public void On_premises_domain_names_and_subdomains_of_the_tenant_are_redacted()
    {
        var snapshot = Read(FullWith(d =>
        {
            var group = UserSection(d, 0, "transitiveMemberOf")["value"]![0]!.AsObject();
            group["onPremisesDomainName"] = "corp.local";
            group["description"] = "Synchronized from eu.corp.contoso.com every 30 minutes";
        }));

        var redacted = SnapshotRedactor.Redact(snapshot);

        string written = SnapshotWriter.ToJson(redacted);
        written.Should().NotContainEquivalentOf("corp.local").And.NotContainEquivalentOf("contoso");
        var group = redacted.Users[0].Sections.TransitiveMemberOf.Value![0].Json;
        group.GetProperty("onPremisesDomainName").GetString().Should().MatchRegex("^domain-[0-9a-f]{16}\\.example$");
        group.GetProperty("description").GetString().Should().MatchRegex("^Synchronized from domain-[0-9a-f]{16}\\.example every 30 minutes$");
    }

    [Fact]
    public void Free_text_that_names_a_user_is_redacted_but_one_word_settings_are_not()
    {
        var snapshot = Read(FullWith(d =>
        {
            User(d, 1)["displayName"] = "Guest";
            User(d, 1)["userType"] = "Guest";
            var group = UserSection(d, 0, "transitiveMemberOf")["value"]![0]!.AsObject();
            group["description"] = "Accounts used by CODETWO BACKUP and by Guest";
        }));

        var redacted = SnapshotRedactor.Redact(snapshot);

        string backup = redacted.Users[0].User.DisplayName!;
        string guest = redacted.Users[1].User.DisplayName!;
        backup.Should().MatchRegex("^Name-[0-9a-f]{16}$");
        guest.Should().MatchRegex("^Name-[0-9a-f]{16}$");
        redacted.Users[0].Sections.TransitiveMemberOf.Value![0].Json.GetProperty("description").GetString()
            .Should().Be($"Accounts used by {backup} and by {guest}");
        redacted.Users[1].User.UserType.Should().Be(CodeTwo.AuthDiagnostics.Snapshots.Graph.UserType.Guest);
        redacted.Sections.ConditionalAccessPolicies.Value![0].Conditions.Users.IncludeUsers.Should().Equal("All");
    }

    private static string Load(string document) =>
        document == "(full test document)" ? Full : File.ReadAllText(FixturePath(document));

    /// <summary>Everything personal in a document: UPNs, mail addresses, user names and the tenant's own domain names.</summary>
    private static HashSet<string> PersonalData(JsonNode root)
    {
        var secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var addresses = new List<string>();
        foreach (string property in new[] { "userPrincipalName", "mail", "otherMails", "emailAddress", "proxyAddresses", "onPremisesUserPrincipalName" })
        {
            addresses.AddRange(StringsOf(root, property).Select(a => a.Contains(':', StringComparison.Ordinal) ? a[(a.IndexOf(':', StringComparison.Ordinal) + 1)..] : a));
        }

        addresses.AddRange((root["missingUsers"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).Where(m => m.Contains('@', StringComparison.Ordinal)));
        foreach (string address in addresses.Where(a => a.Length > 0))
        {
            secrets.Add(address);
            int at = address.LastIndexOf('@');
            if (at > 0)
            {
                AddDomain(secrets, address[(at + 1)..]);

                // A guest's UPN carries the guest's own address: alice_fabrikam.com#EXT#@contoso.onmicrosoft.com.
                string local = address[..at];
                int ext = local.IndexOf("#EXT#", StringComparison.OrdinalIgnoreCase);
                if (ext > 0 && local.LastIndexOf('_', ext) is > 0 and var underscore)
                {
                    AddDomain(secrets, local[(underscore + 1)..ext]);
                }
            }
        }

        foreach (var entry in root["users"]!.AsArray())
        {
            foreach (string property in new[] { "displayName", "givenName", "surname" })
            {
                if (entry!["user"]![property] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > 0)
                {
                    secrets.Add(value.GetValue<string>());
                }
            }
        }

        foreach (string domain in (root["sections"]?["domains"]?["value"]?.AsArray() ?? []).Select(d => d!["id"]!.GetValue<string>()))
        {
            AddDomain(secrets, domain);
        }

        return secrets;
    }

    // ----- catalog v1.2: signIns and conditionalAccessEvaluation -----

    /// <summary>Both v1.2 sections, with an IP address also in free text and geo-coordinates on the first sign-in.</summary>
    private static string SignInDocument() => FullWith(d =>
    {
        var sections = UserSection(d, 0, "authenticationRequirements").Parent!.AsObject();
        var signIns = SignInSectionsReaderTests.SignInValue();
        signIns[0]!["status"]!["additionalDetails"] = "Blocked sign-in from 40.77.182.32 for backup@contoso.com";
        signIns[0]!["location"]!["geoCoordinates"] = new JsonObject { ["altitude"] = null, ["latitude"] = 47.6062, ["longitude"] = -122.3321 };
        signIns[1]!["location"] = new JsonObject { ["city"] = "Kraków", ["state"] = "Małopolskie", ["countryOrRegion"] = "PL" };
        signIns[1]!["deviceDetail"] = new JsonObject { ["deviceId"] = "c7a5f3a1-2b4d-4e6f-8a9b-0c1d2e3f4a5b", ["displayName"] = "Alice Wilber's laptop", ["operatingSystem"] = "Windows 11", ["browser"] = "" };
        sections["conditionalAccessEvaluation"] = new JsonObject { ["status"] = "captured", ["value"] = SignInSectionsReaderTests.EvaluationValue() };
        sections["signIns"] = new JsonObject { ["status"] = "captured", ["value"] = signIns };
    });

    private static readonly string[] SignInSecrets =
    [
        "40.77.182.32", "2a01:111:f400::1", "Seattle", "Washington", "Kraków", "Małopolskie", "SCANNER-01", "Alice Wilber", "laptop",
        "backup@contoso.com", "CodeTwo Backup", "contoso.com", "47.6062", "122.3321",
    ];

    [Fact]
    public void Sign_in_evidence_keeps_no_IP_address_city_state_device_name_UPN_or_display_name()
    {
        string redacted = SnapshotWriter.ToJson(Read(SignInDocument()), new SnapshotWriterOptions { Redact = true });

        foreach (string secret in SignInSecrets)
        {
            redacted.Should().NotContainEquivalentOf(secret);
        }
    }

    [Fact]
    public void Sign_in_evidence_keeps_ids_codes_results_and_countries()
    {
        var original = Read(SignInDocument()).Users[0].Sections;
        var redacted = SnapshotRedactor.Redact(Read(SignInDocument())).Users[0].Sections;

        var before = original.SignIns.Value!;
        var after = redacted.SignIns.Value!;
        after.Select(s => (s.Id, s.CreatedDateTime, s.ClientAppUsed, s.ErrorCode, s.CountryOrRegion)).Should().Equal(
            before.Select(s => (s.Id, s.CreatedDateTime, s.ClientAppUsed, s.ErrorCode, s.CountryOrRegion)));
        after[0].AppliedConditionalAccessPolicies.Select(p => (p.Id, p.Result)).Should().Equal(before[0].AppliedConditionalAccessPolicies.Select(p => (p.Id, p.Result)));
        after[0].Json.GetProperty("userId").GetString().Should().Be(BackupId);
        after[0].Json.GetProperty("appId").GetString().Should().Be("00000002-0000-0ff1-ce00-000000000000");
        after[0].Json.GetProperty("status").GetProperty("errorCode").GetInt32().Should().Be(53003);
        after[0].Json.GetProperty("conditionalAccessStatus").GetString().Should().Be("failure");
        after[0].Json.GetProperty("userPrincipalName").GetString().Should().Be(SnapshotRedactor.Redact(Read(SignInDocument())).Users[0].User.UserPrincipalName);
        after[0].Json.GetProperty("userDisplayName").GetString().Should().StartWith("Name-");
        after[1].Json.GetProperty("deviceDetail").GetProperty("deviceId").GetString().Should().Be("c7a5f3a1-2b4d-4e6f-8a9b-0c1d2e3f4a5b");
        after[1].Json.GetProperty("deviceDetail").GetProperty("operatingSystem").GetString().Should().Be("Windows 11");
        after[0].Json.GetProperty("deviceDetail").GetProperty("displayName").GetString().Should().MatchRegex("^Device-[0-9a-f]{16}$");
        after[0].Json.GetProperty("location").GetProperty("city").GetString().Should().MatchRegex("^City-[0-9a-f]{16}$");
        after[0].Json.GetProperty("location").GetProperty("state").GetString().Should().MatchRegex("^State-[0-9a-f]{16}$");
        after[0].Json.GetProperty("location").GetProperty("geoCoordinates").EnumerateObject().Should().OnlyContain(p => p.Value.ValueKind == JsonValueKind.Null);

        var evaluationsBefore = original.ConditionalAccessEvaluation.Value!;
        var evaluationsAfter = redacted.ConditionalAccessEvaluation.Value!;
        evaluationsAfter.Select(e => (e.ContextKind, e.ClientAppType, e.UserAction, string.Join(",", e.IncludeApplications))).Should().Equal(
            evaluationsBefore.Select(e => (e.ContextKind, e.ClientAppType, e.UserAction, string.Join(",", e.IncludeApplications))));
        evaluationsAfter[0].Results.Select(r => (r.Id, r.PolicyApplies, r.AnalysisReasonsValue)).Should().Equal(
            evaluationsBefore[0].Results.Select(r => (r.Id, r.PolicyApplies, r.AnalysisReasonsValue)));
        var request = evaluationsAfter[0].Json.GetProperty("request");
        request.GetProperty("signInIdentity").GetProperty("userId").GetString().Should().Be(BackupId);
        request.GetProperty("signInConditions").GetProperty("country").GetString().Should().Be("US");
    }

    [Fact]
    public void An_IP_address_becomes_one_documentation_address_wherever_it_stands()
    {
        var redacted = SnapshotRedactor.Redact(Read(SignInDocument()));
        var signIns = redacted.Users[0].Sections.SignIns.Value!;
        string v4 = signIns[0].IpAddress!;
        string v6 = signIns[1].IpAddress!;

        v4.Should().MatchRegex(@"^(192\.0\.2|198\.51\.100|203\.0\.113)\.([1-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-4])$");
        System.Net.IPAddress.Parse(v6).GetAddressBytes()[..4].Should().Equal(0x20, 0x01, 0x0d, 0xb8);
        redacted.Users[0].Sections.ConditionalAccessEvaluation.Value![0].Json.GetProperty("request").GetProperty("signInConditions").GetProperty("ipAddress").GetString()
            .Should().Be(v4, "the What-If request sent the same address as the sign-in");
        signIns[0].Json.GetProperty("status").GetProperty("additionalDetails").GetString().Should().StartWith($"Blocked sign-in from {v4} for user-");
    }

    [Fact]
    public void Distinct_addresses_stay_distinct_and_documentation_addresses_stay_as_they_are()
    {
        var addresses = Enumerable.Range(0, 600).Select(i => $"10.{i / 250}.{i % 250}.7").Append("198.51.100.23").Append("2001:db8::1").ToArray();
        string json = FullWith(d => UserSection(d, 0, "authenticationRequirements").Parent!.AsObject()["signIns"] = new JsonObject
        {
            ["status"] = "captured",
            ["value"] = new JsonArray(addresses.Select((ip, i) => (JsonNode)new JsonObject
            {
                ["id"] = $"sign-in-{i}",
                ["createdDateTime"] = "2026-11-24T08:00:00Z",
                ["clientAppUsed"] = "IMAP4",
                ["ipAddress"] = ip,
                ["status"] = new JsonObject { ["errorCode"] = 0 },
            }).ToArray()),
        });

        var redacted = SnapshotRedactor.Redact(Read(json)).Users[0].Sections.SignIns.Value!.Select(s => s.IpAddress!).ToArray();

        redacted.Should().OnlyHaveUniqueItems();
        redacted[^2].Should().Be("198.51.100.23");
        redacted[^1].Should().Be("2001:db8::1");
        redacted[..600].Should().OnlyContain(ip => ip.StartsWith("192.0.2.") || ip.StartsWith("198.51.100.") || ip.StartsWith("203.0.113."));
    }

    [Fact]
    public void Sign_in_pseudonyms_are_stable_depend_on_the_key_and_are_not_redacted_again()
    {
        var snapshot = Read(SignInDocument());

        var once = SnapshotRedactor.Redact(snapshot);
        SnapshotWriter.ToUtf8Bytes(SnapshotRedactor.Redact(snapshot)).Should().Equal(SnapshotWriter.ToUtf8Bytes(once));
        var other = SnapshotRedactor.Redact(snapshot, "another key");
        other.Users[0].Sections.SignIns.Value![0].IpAddress.Should().NotBe(once.Users[0].Sections.SignIns.Value![0].IpAddress);

        var twice = SnapshotRedactor.Redact(once).Users[0].Sections.SignIns.Value!;
        var first = once.Users[0].Sections.SignIns.Value!;
        twice.Select(s => s.IpAddress).Should().Equal(first.Select(s => s.IpAddress));
        twice[0].Json.GetProperty("location").GetRawText().Should().Be(first[0].Json.GetProperty("location").GetRawText());
        twice[0].Json.GetProperty("deviceDetail").GetRawText().Should().Be(first[0].Json.GetProperty("deviceDetail").GetRawText());

        string written = SnapshotWriter.ToJson(once);
        SnapshotWriter.ToJson(Read(written)).Should().Be(written, "the redacted document reads back");
    }

    private static void AddDomain(HashSet<string> secrets, string domain)
    {
        if (!TenantSuffixes.Any(suffix => domain.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
        {
            secrets.Add(domain);
        }
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : null;

    private static void SameJson(JsonElement? actual, JsonElement? expected)
    {
        JsonNode.DeepEquals(ToNode(actual), ToNode(expected)).Should().BeTrue($"{actual?.GetRawText()} should equal {expected?.GetRawText()}");
    }

    private static void SameJson(IEnumerable<JsonElement>? actual, IEnumerable<JsonElement>? expected)
    {
        (actual is null).Should().Be(expected is null);
        if (actual is not null)
        {
            actual.Select(e => ToNode(e)!.ToJsonString()).Should().Equal(expected!.Select(e => ToNode(e)!.ToJsonString()));
        }
    }

    private static JsonNode? ToNode(JsonElement? element) => element is { } e ? JsonNode.Parse(e.GetRawText()) : null;
}
