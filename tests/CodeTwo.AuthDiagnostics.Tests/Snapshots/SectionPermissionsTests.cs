using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>The least permissions each section names when it is missing or failed (catalog v1.1 §3 for transitiveMemberOf).</summary>
public sealed class SectionPermissionsTests
{
    [Fact]
    public void TransitiveMemberOf_needs_the_role_read_permission_besides_the_group_one()
    {
        SectionPermissions.ListFor("transitiveMemberOf").Should().Equal("GroupMember.Read.All", "RoleManagement.Read.Directory");
        SectionPermissions.For("transitiveMemberOf").Should().Be("GroupMember.Read.All, RoleManagement.Read.Directory");
    }

    [Theory]
    [InlineData("securityDefaults", "Policy.Read.All")]
    [InlineData("conditionalAccessPolicies", "Policy.Read.All")]
    [InlineData("authenticationMethodsPolicy", "Policy.Read.All")]
    [InlineData("mfaServicePolicy", "Policy.Read.All")]
    [InlineData("authenticationRequirements", "Policy.Read.All")]
    [InlineData("domains", "Domain.Read.All")]
    [InlineData("subscribedSkus", "LicenseAssignment.Read.All")]
    [InlineData("authenticationMethods", "UserAuthenticationMethod.Read.All")]
    [InlineData("user", "User.Read.All")]
    public void Other_sections_need_one_permission(string section, string permission)
    {
        SectionPermissions.ListFor(section).Should().Equal(permission);
        SectionPermissions.For(section).Should().Be(permission);
    }

    [Fact]
    public void An_unknown_section_is_refused()
    {
        var act = () => SectionPermissions.ListFor("exchangeOnline-typo");

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("section");
    }
}
