using CodeTwo.AuthDiagnostics.Snapshots.Exchange;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>The tenant-wide sections of a snapshot.</summary>
internal sealed record TenantSections
{
    /// <summary>Every section not captured.</summary>
    public static TenantSections NotCaptured { get; } = new();

    /// <summary><c>securityDefaults</c>: <c>GET /v1.0/policies/identitySecurityDefaultsEnforcementPolicy</c>.</summary>
    public Section<SecurityDefaultsPolicy> SecurityDefaults { get; internal init; } = Section<SecurityDefaultsPolicy>.Absent;

    /// <summary><c>conditionalAccessPolicies</c>: <c>GET /v1.0/identity/conditionalAccess/policies</c> (all pages).</summary>
    public Section<IReadOnlyList<ConditionalAccessPolicy>> ConditionalAccessPolicies { get; internal init; } = Section<IReadOnlyList<ConditionalAccessPolicy>>.Absent;

    /// <summary><c>authenticationMethodsPolicy</c>: <c>GET /v1.0/policies/authenticationMethodsPolicy</c>.</summary>
    public Section<AuthenticationMethodsPolicy> AuthenticationMethodsPolicy { get; internal init; } = Section<AuthenticationMethodsPolicy>.Absent;

    /// <summary><c>mfaServicePolicy</c>: <c>GET /beta/policies/mfaServicePolicy</c> (undocumented; best effort).</summary>
    public Section<MfaServicePolicy> MfaServicePolicy { get; internal init; } = Section<MfaServicePolicy>.Absent;

    /// <summary><c>domains</c>: <c>GET /v1.0/domains</c>.</summary>
    public Section<IReadOnlyList<Domain>> Domains { get; internal init; } = Section<IReadOnlyList<Domain>>.Absent;

    /// <summary><c>subscribedSkus</c>: <c>GET /v1.0/subscribedSkus</c>.</summary>
    public Section<IReadOnlyList<SubscribedSku>> SubscribedSkus { get; internal init; } = Section<IReadOnlyList<SubscribedSku>>.Absent;

    /// <summary>
    /// <c>exchangeOnline</c> (optional; catalog v1.1): the SMTP AUTH settings of Exchange Online, from Exchange Online
    /// PowerShell (no Graph API exists). Absent from a document means not captured.
    /// </summary>
    public Section<ExchangeOnlineSettings> ExchangeOnline { get; internal init; } = Section<ExchangeOnlineSettings>.Absent;
}
