using System.Text;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;

namespace CodeTwo.AuthDiagnostics.Testing.Tests;

public sealed class DeterminismTests
{
    /// <summary>A builder that uses most features, so every payload writer takes part.</summary>
    private static SnapshotBuilder Rich() => new SnapshotBuilder()
        .WithSecurityDefaults(enabled: false)
        .WithEntraIdP1()
        .WithMfaServicePolicy(allowAppPasswords: true)
        .WithDomain("fabrikam.com", DomainAuthenticationType.Federated)
        .WithGroup("Backup Operators")
        .WithUser("backup@contoso.com", u => u
            .PerUserMfa(PerUserMfaState.Enforced)
            .Methods(AuthenticationMethodKind.Password, AuthenticationMethodKind.Phone, AuthenticationMethodKind.Fido2, AuthenticationMethodKind.MicrosoftAuthenticator)
            .MemberOf("Backup Operators", "All Staff")
            .WithRole(KnownRoles.ExchangeAdministrator))
        .WithUser("partner_fabrikam.com#EXT#@contoso.onmicrosoft.com", u => u.Guest().SectionFailed(UserSectionName.AuthenticationMethods, 403, "Authorization_RequestDenied", null, "UserAuthenticationMethod.Read.All"))
        .WithConditionalAccessPolicy("Block legacy authentication", p => p
            .IncludeUsers(KnownUsers.All).ExcludeUsers("backup@contoso.com")
            .ClientAppTypes(ClientAppType.ExchangeActiveSync, ClientAppType.Other).Block())
        .WithConditionalAccessPolicy("Require MFA outside trusted locations", p => p
            .IncludeGroups("Backup Operators").OutsideTrustedLocations().RequireAuthenticationStrength(KnownAuthenticationStrengths.PhishingResistantMfa).ReportOnly())
        .WithMissingUser("former.employee@contoso.com");

    [Fact]
    public void The_same_calls_give_byte_identical_json()
    {
        Rich().BuildUtf8().Should().Equal(Rich().BuildUtf8());
    }

    [Fact]
    public void Build_can_be_called_repeatedly_with_equal_results()
    {
        var builder = Rich();
        byte[] first = SnapshotWriter.ToUtf8Bytes(builder.Build());
        byte[] second = SnapshotWriter.ToUtf8Bytes(builder.Build());
        string third = builder.BuildJson();

        second.Should().Equal(first);
        third.Should().Be(Encoding.UTF8.GetString(first));
    }

    [Fact]
    public void BuildJson_is_what_the_writer_writes_for_the_built_snapshot()
    {
        var builder = Rich();

        builder.BuildJson().Should().Be(SnapshotWriter.ToJson(builder.Build()));
        builder.BuildUtf8().Should().Equal(SnapshotWriter.ToUtf8Bytes(builder.Build()));
    }

    [Fact]
    public void BuildJson_reads_back_through_the_reader_to_an_equal_write()
    {
        string json = Rich().BuildJson();

        var read = new SnapshotReader().Read(json);

        SnapshotWriter.ToJson(read).Should().Be(json);
        read.Users.Should().HaveCount(2);
        read.Sections.ConditionalAccessPolicies.Value.Should().HaveCount(2);
        read.MissingUsers.Should().Equal("former.employee@contoso.com");
    }

    [Fact]
    public void The_json_is_canonical_two_space_indented_utf8_ending_with_a_newline()
    {
        byte[] bytes = Rich().BuildUtf8();
        string json = Encoding.UTF8.GetString(bytes);

        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
        json.Should().StartWith("{\n  \"schemaVersion\": 1,\n  \"capturedAt\": \"2026-11-24T09:30:00Z\",");
        json.Should().EndWith("}\n").And.NotContain("\r");
    }

    [Fact]
    public void A_different_configuration_gives_different_json()
    {
        Rich().WithUser("backup@contoso.com", u => u.PerUserMfa(PerUserMfaState.Disabled)).BuildJson().Should().NotBe(Rich().BuildJson());
        Rich().WithCapturedAt(SnapshotBuilder.DefaultCapturedAt.AddDays(1)).BuildJson().Should().NotBe(Rich().BuildJson());
    }

    [Fact]
    public void Clone_gives_an_independent_builder()
    {
        var original = Rich();
        string before = original.BuildJson();

        var copy = original.Clone()
            .WithSecurityDefaults(enabled: true)
            .WithUser("backup@contoso.com", u => u.Disabled().MemberOf("Sales").AddMethod(AuthenticationMethodKind.Email))
            .WithConditionalAccessPolicy("Block legacy authentication", p => p.Disabled().ExcludeGroups("Backup Operators"))
            .WithSku("AAD_PREMIUM", "078d2b04-f1bd-4111-bbd4-b4b1b354cef4")
            .WithDomain("contoso.us")
            .WithMissingUser("someone@contoso.com");

        original.BuildJson().Should().Be(before, "changing a clone must not change the original");
        copy.Clone().BuildJson().Should().Be(copy.BuildJson());
        var changed = copy.Build();
        changed.Sections.SecurityDefaults.Value!.IsEnabled.Should().BeTrue();
        changed.Users[0].User.AccountEnabled.Should().BeFalse();
        changed.Sections.ConditionalAccessPolicies.Value![0].State.Should().Be(ConditionalAccessPolicyState.Disabled);
        changed.Sections.SubscribedSkus.Value.Should().HaveCount(2);
    }

    [Fact]
    public void The_host_example_of_the_api_sketch_builds()
    {
        var snapshot = new SnapshotBuilder()
            .WithSecurityDefaults(enabled: true)
            .WithUser("backup@contoso.com", u => u.PerUserMfa(PerUserMfaState.Disabled))
            .Build();

        snapshot.Sections.SecurityDefaults.Value!.IsEnabled.Should().BeTrue();
        snapshot.FindUser("backup@contoso.com")!.Sections.AuthenticationRequirements.Value!.PerUserMfaState.Should().Be(PerUserMfaState.Disabled);
    }

    [Fact]
    public void Format_violations_surface_as_the_readers_exception()
    {
        var builder = new SnapshotBuilder()
            .WithUser("a@contoso.com", u => u.Id("4260ce86-ca96-4d78-ba56-9ee452a5d423"))
            .WithUser("b@contoso.com", u => u.Id("4260ce86-ca96-4d78-ba56-9ee452a5d423"));

        builder.Invoking(b => b.Build()).Should().Throw<SnapshotFormatException>()
            .Which.Errors.Should().Contain(e => e.Path == "$.users[1].user.id");
        new SnapshotBuilder().WithUser("a@contoso.com").WithMissingUser("a@contoso.com")
            .Invoking(b => b.Build()).Should().Throw<SnapshotFormatException>();
    }
}
