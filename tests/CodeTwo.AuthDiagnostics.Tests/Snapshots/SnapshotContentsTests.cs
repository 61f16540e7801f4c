using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>The read-only view of a snapshot (<see cref="TenantSnapshot.Contents"/>) says what the document holds.</summary>
public sealed class SnapshotContentsTests
{
    [Fact]
    public void A_failed_section_names_its_status_error_and_permissions()
    {
        var contents = Fixture.Load("ca-section-failed-403.json").Snapshot().Contents;

        var policies = contents.TenantSections.Single(s => s.Name == "conditionalAccessPolicies");
        policies.Status.Should().Be(SectionStatus.Failed);
        policies.HttpStatus.Should().Be(403);
        policies.ErrorCode.Should().Be("Authorization_RequestDenied");
        policies.ErrorMessage.Should().Contain("Insufficient privileges");
        policies.RequiredPermissions.Should().Equal("Policy.Read.All");
        contents.TenantSections.Single(s => s.Name == "securityDefaults").Status.Should().Be(SectionStatus.Captured);
        contents.TenantSections.Single(s => s.Name == "securityDefaults").Value.GetProperty("isEnabled").ValueKind.Should().BeOneOf(System.Text.Json.JsonValueKind.True, System.Text.Json.JsonValueKind.False);
    }

    [Fact]
    public void Users_are_listed_in_document_order_with_their_sections_and_the_missing_users_as_asked()
    {
        var contents = Fixture.Load("multi-user-tenant.json").Snapshot().Contents;

        contents.Users.Select(u => u.UserPrincipalName).Should().Equal(
            "backup@contoso.com", "admin@contoso.com", "alice@contoso.com", "lee.chen_fabrikam.com#EXT#@contoso.onmicrosoft.com", "jordan.miller@contoso.com");
        contents.Users.Count.Should().Be(5);
        contents.Users[1].Id.Should().Be(contents.Users[1].User.GetProperty("id").GetString());
        contents.Users[0].Sections.Select(s => s.Name).Should().Equal("authenticationRequirements", "authenticationMethods", "transitiveMemberOf");
        contents.Users[0].Should().BeSameAs(contents.Users[0], "a view is made once and kept");
        contents.MissingUsers.Should().Equal("former.employee@contoso.com");
    }

    [Fact]
    public void RequiredPermissionsFor_names_what_reads_a_section_and_refuses_an_unknown_name()
    {
        SnapshotSection.RequiredPermissionsFor("domains").Should().Equal("Domain.Read.All");
        FluentActions.Invoking(() => SnapshotSection.RequiredPermissionsFor("nonsense")).Should().Throw<ArgumentOutOfRangeException>();
    }
}
