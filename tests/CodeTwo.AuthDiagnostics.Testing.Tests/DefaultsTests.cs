using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Testing.Tests.Support;

namespace CodeTwo.AuthDiagnostics.Testing.Tests;

/// <summary><c>new SnapshotBuilder().WithUser("backup@contoso.com")</c> is a healthy-looking tenant.</summary>
public sealed class DefaultsTests
{
    private readonly Built built = Built.From(new SnapshotBuilder().WithUser("backup@contoso.com"));

    [Fact]
    public void Envelope_has_the_fixed_capture_instant_tenant_and_global_cloud()
    {
        var s = built.Snapshot;
        s.SchemaVersion.Should().Be(1);
        s.CapturedAt.Should().Be(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));
        s.TenantId.Should().Be(new Guid("6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10"));
        s.Cloud.Should().Be(CloudEnvironment.Global);
        s.MissingUsers.Should().BeEmpty();

        built.At("/schemaVersion")!.GetValue<int>().Should().Be(1);
        built.Str("/capturedAt").Should().Be("2026-11-24T09:30:00Z");
        built.Str("/tenantId").Should().Be("6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10");
        built.Str("/cloud").Should().Be("global");
        built.Json.AsObject().ContainsKey("missingUsers").Should().BeFalse();
    }

    [Fact]
    public void Security_defaults_are_captured_and_disabled()
    {
        var section = built.Snapshot.Sections.SecurityDefaults;
        section.Status.Should().Be(SectionStatus.Captured);
        section.Value!.IsEnabled.Should().BeFalse();
        section.Value.Id.Should().Be("00000000-0000-0000-0000-000000000005");
        section.Value.DisplayName.Should().Be("Security Defaults");

        built.Str("/sections/securityDefaults/status").Should().Be("captured");
        built.At("/sections/securityDefaults/value/isEnabled")!.GetValue<bool>().Should().BeFalse();
        built.Str("/sections/securityDefaults/value/@odata.context").Should()
            .Be("https://graph.microsoft.com/v1.0/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity");
    }

    [Fact]
    public void Conditional_access_is_captured_empty()
    {
        built.Snapshot.Sections.ConditionalAccessPolicies.Status.Should().Be(SectionStatus.Captured);
        built.Snapshot.Sections.ConditionalAccessPolicies.Value.Should().BeEmpty();
        built.At("/sections/conditionalAccessPolicies/value")!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void Authentication_methods_policy_is_captured_in_migration()
    {
        var policy = built.Snapshot.Sections.AuthenticationMethodsPolicy;
        policy.Status.Should().Be(SectionStatus.Captured);
        policy.Value!.PolicyMigrationState.Should().Be(PolicyMigrationState.MigrationInProgress);
        policy.Value.Id.Should().Be("authenticationMethodsPolicy");

        built.Str("/sections/authenticationMethodsPolicy/value/policyMigrationState").Should().Be("migrationInProgress");
        built.Str("/sections/authenticationMethodsPolicy/value/authenticationMethodConfigurations/1/@odata.type").Should()
            .Be("#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration");
        built.Str("/sections/authenticationMethodsPolicy/value/registrationEnforcement/authenticationMethodsRegistrationCampaign/state").Should().Be("default");
    }

    [Fact]
    public void Mfa_service_policy_is_not_captured_with_a_reason()
    {
        var section = built.Snapshot.Sections.MfaServicePolicy;
        section.Status.Should().Be(SectionStatus.NotCaptured);
        section.Reason.Should().Be(SnapshotBuilder.DefaultMfaServicePolicyReason);

        built.Str("/sections/mfaServicePolicy/status").Should().Be("notCaptured");
        built.Str("/sections/mfaServicePolicy/reason").Should().Contain("mfaServicePolicy is undocumented");
        built.Has("/sections/mfaServicePolicy", "value").Should().BeFalse();
    }

    [Fact]
    public void Domains_are_contoso_com_by_default_and_the_initial_domain()
    {
        var domains = built.Snapshot.Sections.Domains.Value!;
        domains.Select(d => (d.Id, d.AuthenticationType, d.IsDefault, d.IsInitial)).Should().Equal(
            ("contoso.com", DomainAuthenticationType.Managed, true, false),
            ("contoso.onmicrosoft.com", DomainAuthenticationType.Managed, false, true));

        built.Str("/sections/domains/value/0/authenticationType").Should().Be("Managed");
        built.At("/sections/domains/value/0/isDefault")!.GetValue<bool>().Should().BeTrue();
        built.At("/sections/domains/value/1/isInitial")!.GetValue<bool>().Should().BeTrue();
        built.Strings("/sections/domains/value/1/supportedServices").Should().Equal("Email", "OfficeCommunicationsOnline");
    }

    [Fact]
    public void The_only_sku_is_business_standard_without_entra_id_p1()
    {
        var skus = built.Snapshot.Sections.SubscribedSkus.Value!;
        skus.Should().ContainSingle();
        skus[0].SkuId.Should().Be(new Guid(KnownLicenses.BusinessStandardSkuId));
        skus[0].SkuPartNumber.Should().Be("O365_BUSINESS_PREMIUM");
        skus[0].CapabilityStatus.Should().Be(SkuCapabilityStatus.Enabled);
        skus[0].ServicePlans.Should().NotContain(p => p.ServicePlanId == new Guid(KnownLicenses.EntraIdP1ServicePlanId));
        skus[0].ServicePlans.Should().NotContain(p => p.ServicePlanId == new Guid(KnownLicenses.EntraIdP2ServicePlanId));
        skus[0].ServicePlans.Should().Contain(p => p.ServicePlanName == "EXCHANGE_S_STANDARD" && p.ProvisioningStatus == "Success");

        built.Str("/sections/subscribedSkus/value/0/skuId").Should().Be("f245ecc8-75af-4f8e-b61f-27d8114de5f3");
        built.Str("/sections/subscribedSkus/value/0/id").Should().Be("6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10_f245ecc8-75af-4f8e-b61f-27d8114de5f3");
        built.Str("/sections/subscribedSkus/value/0/accountId").Should().Be("6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10");
        built.At("/sections/subscribedSkus/value/0/consumedUnits")!.GetValue<int>().Should().Be(1);
        built.At("/sections/subscribedSkus/value/0/prepaidUnits/enabled")!.GetValue<int>().Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void The_user_is_an_enabled_cloud_member_with_per_user_mfa_disabled()
    {
        var entry = built.Snapshot.Users.Should().ContainSingle().Subject;
        entry.User.UserPrincipalName.Should().Be("backup@contoso.com");
        Guid.TryParseExact(entry.User.Id, "D", out _).Should().BeTrue();
        entry.User.DisplayName.Should().Be("Backup");
        entry.User.AccountEnabled.Should().BeTrue();
        entry.User.UserType.Should().Be(UserType.Member);
        entry.User.OnPremisesSyncEnabled.Should().BeNull();
        entry.User.SignInSessionsValidFromDateTime.Should().BeBefore(built.Snapshot.CapturedAt);
        entry.Sections.AuthenticationRequirements.Value!.PerUserMfaState.Should().Be(PerUserMfaState.Disabled);

        built.Str("/users/0/user/userType").Should().Be("Member");
        built.At("/users/0/user/accountEnabled")!.GetValue<bool>().Should().BeTrue();
        built.Has("/users/0/user", "onPremisesSyncEnabled").Should().BeTrue();
        built.At("/users/0/user/onPremisesSyncEnabled").Should().BeNull();
        built.Str("/users/0/sections/authenticationRequirements/value/perUserMfaState").Should().Be("disabled");
        built.Str("/users/0/sections/authenticationRequirements/value/@odata.context").Should()
            .Be($"https://graph.microsoft.com/beta/$metadata#users('{entry.User.Id}')/authentication/requirements/$entity");
    }

    [Fact]
    public void The_user_has_password_and_authenticator_and_no_groups()
    {
        var sections = built.Snapshot.Users[0].Sections;
        sections.AuthenticationMethods.Value!.Select(m => m.Kind).Should().Equal(AuthenticationMethodKind.Password, AuthenticationMethodKind.MicrosoftAuthenticator);
        sections.AuthenticationMethods.Value![0].Id.Should().Be("28c10230-6103-485e-b985-444c60001490");
        sections.TransitiveMemberOf.Status.Should().Be(SectionStatus.Captured);
        sections.TransitiveMemberOf.Value.Should().BeEmpty();

        built.Str("/users/0/sections/authenticationMethods/value/0/@odata.type").Should().Be("#microsoft.graph.passwordAuthenticationMethod");
        built.Str("/users/0/sections/authenticationMethods/value/1/@odata.type").Should().Be("#microsoft.graph.microsoftAuthenticatorAuthenticationMethod");
        built.Str("/users/0/sections/authenticationMethods/value/1/deviceTag").Should().Be("SoftwareTokenActivated");
        built.At("/users/0/sections/transitiveMemberOf/value")!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void An_empty_builder_builds_a_tenant_without_users()
    {
        var empty = Built.From(new SnapshotBuilder());
        empty.Snapshot.Users.Should().BeEmpty();
        empty.At("/users")!.AsArray().Should().BeEmpty();
        empty.At("/sections/subscribedSkus/value/0/consumedUnits")!.GetValue<int>().Should().Be(0);
    }
}
