namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>The rules of diagnostic catalog v1.2, in evaluation order.</summary>
internal static class BuiltInRules
{
    public static IDiagnosticRule[] Create() =>
    [
        new UserPresenceRule(),
        new AccountStateRule(),
        new PerUserMfaRule(),
        new SecurityDefaultsRule(),
        new TenantAppPasswordSwitchRule(),
        new ConditionalAccessRule(),
        new MfaMethodsRule(),
        new FederatedDomainRule(),
        new MethodsPolicyMigrationRule(),
        new LegacyProtocolRule(),
        new SmtpAuthRule(),
        new PrivilegedRoleRule(),
        new SignInLogRule(),
        new SignInEvidenceRule(),
        new DataCoverageRule(),
        new PerUserMfaMixedRule(),
        new SignInSucceededRule(),
        new ModernAuthRule(),
    ];
}
