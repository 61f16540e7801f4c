namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>The least-privileged Graph permission that reads each snapshot section (application or delegated).</summary>
public static class SectionPermissions
{
    /// <summary>The permission that reads the section named <paramref name="section"/> (its JSON name).</summary>
    /// <param name="section">A section's JSON name, or <c>user</c> for the user object.</param>
    public static string For(string section) => section switch
    {
        "securityDefaults" or "conditionalAccessPolicies" or "authenticationMethodsPolicy" or "mfaServicePolicy" or "authenticationRequirements" => "Policy.Read.All",
        "domains" => "Domain.Read.All",
        "subscribedSkus" => "LicenseAssignment.Read.All",
        "authenticationMethods" => "UserAuthenticationMethod.Read.All",
        "transitiveMemberOf" => "GroupMember.Read.All",
        "user" => "User.Read.All",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Not a snapshot section."),
    };
}
