namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>The least-privileged Graph permissions that read each snapshot section (application or delegated).</summary>
internal static class SectionPermissions
{
    /// <summary>The permissions that read the section named <paramref name="section"/>, as texts name them (comma-separated).</summary>
    /// <param name="section">A section's JSON name, or <c>user</c> for the user object.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="section"/> is not a snapshot section.</exception>
    public static string For(string section) => string.Join(", ", ListFor(section));

    /// <summary>The permissions that read the section named <paramref name="section"/>, one per item.</summary>
    /// <param name="section">A section's JSON name, or <c>user</c> for the user object.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="section"/> is not a snapshot section.</exception>
    public static IReadOnlyList<string> ListFor(string section) => section switch
    {
        "securityDefaults" or "conditionalAccessPolicies" or "authenticationMethodsPolicy" or "mfaServicePolicy" or "authenticationRequirements" => ["Policy.Read.All"],
        "domains" => ["Domain.Read.All"],
        "subscribedSkus" => ["LicenseAssignment.Read.All"],
        "authenticationMethods" => ["UserAuthenticationMethod.Read.All"],
        // Two: GroupMember.Read.All for the groups, and RoleManagement.Read.Directory for the roleTemplateId of the user's
        // directory roles, which Graph leaves out without it (or Directory.Read.All) and which Conditional Access
        // includeRoles/excludeRoles name.
        "transitiveMemberOf" => ["GroupMember.Read.All", "RoleManagement.Read.Directory"],
        // Catalog v1.2: the sign-in log also needs Entra ID P1/P2; What-If needs only this one.
        "signIns" => ["AuditLog.Read.All", "Directory.Read.All"],
        "conditionalAccessEvaluation" => ["Policy.Read.ConditionalAccess"],
        "user" => ["User.Read.All"],
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Not a snapshot section."),
    };
}
