namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>The per-user sections of a capture.</summary>
[Flags]
public enum UserSectionSelection
{
    /// <summary>Only the always-read <see cref="AuthenticationRequirements"/>.</summary>
    None = 0,

    /// <summary><c>GET /beta/users/{id}/authentication/requirements</c> (per-user MFA state); always read.</summary>
    AuthenticationRequirements = 1,

    /// <summary><c>GET /v1.0/users/{id}/authentication/methods</c> (registered methods).</summary>
    AuthenticationMethods = 2,

    /// <summary>
    /// <c>GET /v1.0/users/{id}/transitiveMemberOf</c> (groups and directory roles, all pages). Needs
    /// <c>GroupMember.Read.All</c>, and <c>RoleManagement.Read.Directory</c> for the <c>roleTemplateId</c> of the user's
    /// directory roles (which Conditional Access <c>includeRoles</c>/<c>excludeRoles</c> name): without it Graph returns
    /// roles with only <c>@odata.type</c> and <c>id</c>.
    /// </summary>
    TransitiveMemberOf = 4,

    /// <summary>
    /// <c>GET /beta/auditLogs/signIns</c>: the user's legacy-protocol sign-ins of the 7 days before the capture, newest
    /// first, at most 50 (snapshot section <c>signIns</c>). Needs <c>AuditLog.Read.All</c> and <c>Directory.Read.All</c>
    /// and an Entra ID P1/P2 tenant; otherwise the section is recorded as failed and the capture goes on. A tenant-wide
    /// capture reads the log once for every user (pages of 1,000), never once per user.
    /// </summary>
    SignIns = 8,

    /// <summary>
    /// <c>POST /v1.0/identity/conditionalAccess/evaluate</c> (What-If): Microsoft's evaluation of the Conditional Access
    /// policies for the user's legacy sign-in (one evaluation per client type of the declared protocols) and for
    /// registering security information (snapshot section <c>conditionalAccessEvaluation</c>). Three requests per user at
    /// most, batched; needs <c>Policy.Read.ConditionalAccess</c>. Read after <see cref="SignIns"/> (the newest legacy
    /// sign-in's IP address and country go into the evaluation). A tenant-wide capture reads it only when
    /// <see cref="MicrosoftGraphOptions.TenantUserSections"/> asks for it.
    /// </summary>
    ConditionalAccessEvaluation = 16,

    /// <summary>All five.</summary>
    All = AuthenticationRequirements | AuthenticationMethods | TransitiveMemberOf | SignIns | ConditionalAccessEvaluation,
}
