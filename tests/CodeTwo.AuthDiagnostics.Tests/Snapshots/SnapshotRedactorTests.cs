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
