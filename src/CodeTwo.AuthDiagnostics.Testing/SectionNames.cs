namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>The tenant-wide sections of a snapshot, for <see cref="SnapshotBuilder.WithSectionFailed"/> and <see cref="SnapshotBuilder.WithSectionNotCaptured"/>.</summary>
public enum TenantSectionName
{
    /// <summary><c>securityDefaults</c>: <c>GET /v1.0/policies/identitySecurityDefaultsEnforcementPolicy</c>.</summary>
    SecurityDefaults,

    /// <summary><c>conditionalAccessPolicies</c>: <c>GET /v1.0/identity/conditionalAccess/policies</c>.</summary>
    ConditionalAccessPolicies,

    /// <summary><c>authenticationMethodsPolicy</c>: <c>GET /v1.0/policies/authenticationMethodsPolicy</c>.</summary>
    AuthenticationMethodsPolicy,

    /// <summary><c>mfaServicePolicy</c>: <c>GET /beta/policies/mfaServicePolicy</c>.</summary>
    MfaServicePolicy,

    /// <summary><c>domains</c>: <c>GET /v1.0/domains</c>.</summary>
    Domains,

    /// <summary><c>subscribedSkus</c>: <c>GET /v1.0/subscribedSkus</c>.</summary>
    SubscribedSkus,

    /// <summary>
    /// <c>exchangeOnline</c> (optional; from Exchange Online PowerShell, not Graph): absent unless
    /// <see cref="SnapshotBuilder.WithExchangeOnline"/>, <see cref="SnapshotBuilder.WithSectionFailed"/> or
    /// <see cref="SnapshotBuilder.WithSectionNotCaptured"/> names it.
    /// </summary>
    ExchangeOnline,
}

/// <summary>The per-user sections of a snapshot, for <see cref="UserBuilder.SectionFailed"/> and <see cref="UserBuilder.SectionNotCaptured"/>.</summary>
public enum UserSectionName
{
    /// <summary><c>authenticationRequirements</c>: <c>GET /beta/users/{id}/authentication/requirements</c>.</summary>
    AuthenticationRequirements,

    /// <summary><c>authenticationMethods</c>: <c>GET /v1.0/users/{id}/authentication/methods</c>.</summary>
    AuthenticationMethods,

    /// <summary><c>transitiveMemberOf</c>: <c>GET /v1.0/users/{id}/transitiveMemberOf</c>.</summary>
    TransitiveMemberOf,

    /// <summary>
    /// <c>conditionalAccessEvaluation</c> (optional; catalog v1.2): Microsoft's What-If answers,
    /// <c>POST /v1.0/identity/conditionalAccess/evaluate</c>. Absent unless <see cref="UserBuilder.WhatIf(ClientAppType, Action{WhatIfBuilder})"/>,
    /// <see cref="UserBuilder.WhatIfRegisterSecurityInfo"/>, <see cref="UserBuilder.SectionCaptured"/>,
    /// <see cref="UserBuilder.SectionFailed"/> or <see cref="UserBuilder.SectionNotCaptured"/> names it.
    /// </summary>
    ConditionalAccessEvaluation,

    /// <summary>
    /// <c>signIns</c> (optional; catalog v1.2): the user's legacy-client sign-ins, <c>GET /beta/auditLogs/signIns</c>.
    /// Absent unless <see cref="UserBuilder.SignIn(DateTimeOffset, string, int, Action{SignInBuilder}?)"/>,
    /// <see cref="UserBuilder.SectionCaptured"/>, <see cref="UserBuilder.SectionFailed"/> or
    /// <see cref="UserBuilder.SectionNotCaptured"/> names it.
    /// </summary>
    SignIns,
}
