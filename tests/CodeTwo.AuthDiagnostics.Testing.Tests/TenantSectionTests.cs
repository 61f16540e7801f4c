using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Testing.Tests.Support;

namespace CodeTwo.AuthDiagnostics.Testing.Tests;

public sealed class TenantSectionTests
{
    [Fact]
    public void WithCapturedAt_and_WithTenantId_set_the_envelope_and_move_derived_values()
    {
        var at = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.FromHours(2));
        var tenant = new Guid("0b5a8d1c-2f3e-4a5b-8c6d-7e8f9a0b1c2d");
        var built = Built.From(new SnapshotBuilder().WithCapturedAt(at).WithTenantId(tenant).WithUser("backup@contoso.com"));

        built.Snapshot.CapturedAt.Should().Be(at);
        built.Snapshot.TenantId.Should().Be(tenant);
        built.Str("/capturedAt").Should().Be("2025-03-04T08:00:00Z");
        built.Str("/tenantId").Should().Be("0b5a8d1c-2f3e-4a5b-8c6d-7e8f9a0b1c2d");
        built.Str("/sections/subscribedSkus/value/0/accountId").Should().Be("0b5a8d1c-2f3e-4a5b-8c6d-7e8f9a0b1c2d");
        built.Snapshot.Users[0].User.SignInSessionsValidFromDateTime.Should().BeBefore(at);
    }

    [Theory]
    [InlineData(CloudEnvironment.Global, "global", "graph.microsoft.com", "contoso.onmicrosoft.com")]
    [InlineData(CloudEnvironment.UsGov, "usGov", "graph.microsoft.us", "contoso.onmicrosoft.us")]
    [InlineData(CloudEnvironment.UsGovDoD, "usGovDoD", "dod-graph.microsoft.us", "contoso.onmicrosoft.us")]
    [InlineData(CloudEnvironment.China, "china", "microsoftgraph.chinacloudapi.cn", "contoso.partner.onmschina.cn")]
    public void WithCloud_sets_the_cloud_graph_hosts_and_initial_domain(CloudEnvironment cloud, string text, string host, string initialDomain)
    {
        var built = Built.From(new SnapshotBuilder().WithCloud(cloud).WithUser("backup@contoso.com"));

        built.Snapshot.Cloud.Should().Be(cloud);
        built.Str("/cloud").Should().Be(text);
        built.Str("/users/0/user/@odata.context").Should().StartWith($"https://{host}/v1.0/$metadata#users(");
        built.Str("/sections/securityDefaults/value/@odata.context").Should().StartWith($"https://{host}/");
        built.Snapshot.Sections.Domains.Value!.Should().Contain(d => d.Id == initialDomain && d.IsInitial);
    }

    [Fact]
    public void WithCloud_after_WithDomain_still_moves_the_default_initial_domain()
    {
        var built = Built.From(new SnapshotBuilder().WithDomain("contoso.us", isDefault: true).WithCloud(CloudEnvironment.UsGov));

        built.Snapshot.Sections.Domains.Value!.Select(d => (d.Id, d.IsDefault, d.IsInitial)).Should().Equal(
            ("contoso.com", false, false),
            ("contoso.onmicrosoft.us", false, true),
            ("contoso.us", true, false));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WithSecurityDefaults_sets_isEnabled(bool enabled)
    {
        var built = Built.From(new SnapshotBuilder().WithSecurityDefaults(enabled));

        built.Snapshot.Sections.SecurityDefaults.Value!.IsEnabled.Should().Be(enabled);
        built.At("/sections/securityDefaults/value/isEnabled")!.GetValue<bool>().Should().Be(enabled);
    }

    [Theory]
    [InlineData(PolicyMigrationState.PreMigration, "preMigration")]
    [InlineData(PolicyMigrationState.MigrationInProgress, "migrationInProgress")]
    [InlineData(PolicyMigrationState.MigrationComplete, "migrationComplete")]
    [InlineData(PolicyMigrationState.Unknown, "unknownFutureValue")]
    public void WithAuthenticationMethodsPolicy_sets_the_migration_state(PolicyMigrationState state, string text)
    {
        var built = Built.From(new SnapshotBuilder().WithAuthenticationMethodsPolicy(state));

        built.Snapshot.Sections.AuthenticationMethodsPolicy.Value!.PolicyMigrationState.Should().Be(state);
        built.Str("/sections/authenticationMethodsPolicy/value/policyMigrationState").Should().Be(text);
    }

    [Fact]
    public void WithAuthenticationMethodsPolicy_null_writes_a_null_state()
    {
        var built = Built.From(new SnapshotBuilder().WithAuthenticationMethodsPolicy(null));

        built.Snapshot.Sections.AuthenticationMethodsPolicy.Value!.PolicyMigrationState.Should().BeNull();
        built.Has("/sections/authenticationMethodsPolicy/value", "policyMigrationState").Should().BeTrue();
        built.At("/sections/authenticationMethodsPolicy/value/policyMigrationState").Should().BeNull();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WithMfaServicePolicy_captures_the_app_password_switch(bool allow)
    {
        var built = Built.From(new SnapshotBuilder().WithMfaServicePolicy(allow));

        built.Snapshot.Sections.MfaServicePolicy.Status.Should().Be(SectionStatus.Captured);
        built.Snapshot.Sections.MfaServicePolicy.Value!.AllowAppPasswords.Should().Be(allow);
        built.At("/sections/mfaServicePolicy/value/allowAppPasswords")!.GetValue<bool>().Should().Be(allow);
        built.At("/sections/mfaServicePolicy/value/rememberMfaOnTrustedDevice/allowedNumberOfDays")!.GetValue<int>().Should().Be(14);
        built.Str("/sections/mfaServicePolicy/value/@odata.context").Should().Be("https://graph.microsoft.com/beta/$metadata#policies/mfaServicePolicy/$entity");
    }

    [Fact]
    public void WithDomain_adds_a_federated_domain_and_keeps_the_defaults()
    {
        var built = Built.From(new SnapshotBuilder().WithDomain("fabrikam.com", DomainAuthenticationType.Federated));

        built.Snapshot.Sections.Domains.Value!.Select(d => (d.Id, d.AuthenticationType, d.IsDefault)).Should().Equal(
            ("contoso.com", DomainAuthenticationType.Managed, true),
            ("contoso.onmicrosoft.com", DomainAuthenticationType.Managed, false),
            ("fabrikam.com", DomainAuthenticationType.Federated, false));
        built.Str("/sections/domains/value/2/authenticationType").Should().Be("Federated");
        built.Str("/sections/domains/value/2/id").Should().Be("fabrikam.com");
    }

    [Fact]
    public void WithDomain_changes_an_existing_domain_and_a_new_default_replaces_the_old_one()
    {
        var built = Built.From(new SnapshotBuilder()
            .WithDomain("contoso.com", DomainAuthenticationType.Federated)
            .WithDomain("contoso.us", isDefault: true));

        var domains = built.Snapshot.Sections.Domains.Value!;
        domains.Should().HaveCount(3);
        domains.Single(d => d.Id == "contoso.com").AuthenticationType.Should().Be(DomainAuthenticationType.Federated);
        domains.Single(d => d.Id == "contoso.com").IsDefault.Should().BeFalse();
        domains.Where(d => d.IsDefault).Select(d => d.Id).Should().Equal("contoso.us");
        built.At("/sections/domains/value/2/isDefault")!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void WithoutDomains_captures_an_empty_list_and_WithDomain_then_starts_from_it()
    {
        var none = Built.From(new SnapshotBuilder().WithoutDomains());
        none.Snapshot.Sections.Domains.Status.Should().Be(SectionStatus.Captured);
        none.Snapshot.Sections.Domains.Value.Should().BeEmpty();

        var one = Built.From(new SnapshotBuilder().WithoutDomains().WithDomain("contoso.us", isDefault: true, isInitial: false));
        one.Snapshot.Sections.Domains.Value!.Select(d => d.Id).Should().Equal("contoso.us");
    }

    [Fact]
    public void WithEntraIdP1_replaces_the_sku_with_business_premium_including_aad_premium()
    {
        var built = Built.From(new SnapshotBuilder().WithEntraIdP1());

        var sku = built.Snapshot.Sections.SubscribedSkus.Value!.Should().ContainSingle().Subject;
        sku.SkuPartNumber.Should().Be("SPB");
        sku.CapabilityStatus.Should().Be(SkuCapabilityStatus.Enabled);
        sku.ServicePlans.Should().ContainSingle(p => p.ServicePlanId == new Guid("41781fb2-bc02-4b7c-bd55-b576c07bb09d"))
            .Which.Should().Be(new ServicePlan(new Guid("41781fb2-bc02-4b7c-bd55-b576c07bb09d"), "AAD_PREMIUM", "Success"));
        sku.ServicePlans.Should().NotContain(p => p.ServicePlanName == "AAD_PREMIUM_P2");
        built.Str("/sections/subscribedSkus/value/0/skuId").Should().Be("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46");
    }

    [Fact]
    public void WithEntraIdP1_can_disable_the_plan_and_set_the_capability_status()
    {
        var built = Built.From(new SnapshotBuilder().WithEntraIdP1(ServicePlanProvisioningStatus.Disabled, SkuCapabilityStatus.LockedOut));

        var sku = built.Snapshot.Sections.SubscribedSkus.Value![0];
        sku.CapabilityStatus.Should().Be(SkuCapabilityStatus.LockedOut);
        sku.ServicePlans.Single(p => p.ServicePlanName == "AAD_PREMIUM").ProvisioningStatus.Should().Be("Disabled");
        sku.ServicePlans.Where(p => p.ServicePlanName != "AAD_PREMIUM").Should().OnlyContain(p => p.ProvisioningStatus == "Success");
        built.Str("/sections/subscribedSkus/value/0/capabilityStatus").Should().Be("LockedOut");
        var plans = built.At("/sections/subscribedSkus/value/0/servicePlans")!.AsArray();
        plans.Single(p => p!["servicePlanName"]!.GetValue<string>() == "AAD_PREMIUM")!["provisioningStatus"]!.GetValue<string>().Should().Be("Disabled");
    }

    [Fact]
    public void WithEntraIdP2_has_both_premium_plans()
    {
        var built = Built.From(new SnapshotBuilder().WithEntraIdP2());

        var sku = built.Snapshot.Sections.SubscribedSkus.Value!.Should().ContainSingle().Subject;
        sku.SkuPartNumber.Should().Be("SPE_E5");
        sku.ServicePlans.Select(p => p.ServicePlanId).Should().Contain(
            [new Guid(KnownLicenses.EntraIdP1ServicePlanId), new Guid(KnownLicenses.EntraIdP2ServicePlanId)]);
        built.Str("/sections/subscribedSkus/value/0/skuId").Should().Be("06ebc4ee-1bb5-47dd-8120-11324bc54e06");
        built.At("/sections/subscribedSkus/value/0/servicePlans")!.AsArray()
            .Select(p => p!["servicePlanId"]!.GetValue<string>())
            .Should().Contain(["41781fb2-bc02-4b7c-bd55-b576c07bb09d", "eec0eb4f-6444-4f95-aba0-50c24d67f998"]);
    }

    [Fact]
    public void WithoutEntraIdPremium_goes_back_to_business_standard_and_WithoutSkus_empties_the_list()
    {
        var standard = Built.From(new SnapshotBuilder().WithEntraIdP2().WithoutEntraIdPremium());
        standard.Snapshot.Sections.SubscribedSkus.Value!.Single().SkuPartNumber.Should().Be("O365_BUSINESS_PREMIUM");

        var none = Built.From(new SnapshotBuilder().WithoutSkus());
        none.Snapshot.Sections.SubscribedSkus.Status.Should().Be(SectionStatus.Captured);
        none.Snapshot.Sections.SubscribedSkus.Value.Should().BeEmpty();
        none.At("/sections/subscribedSkus/value")!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void WithSku_adds_a_custom_sku_beside_the_existing_ones()
    {
        var built = Built.From(new SnapshotBuilder()
            .WithUser("backup@contoso.com")
            .WithSku("AAD_PREMIUM", "078d2b04-f1bd-4111-bbd4-b4b1b354cef4", sku => sku
                .ServicePlan("AAD_PREMIUM", KnownLicenses.EntraIdP1ServicePlanId)
                .ServicePlan("MFA_PREMIUM", "8a256a2b-b617-496d-b51b-e76466e88db0", ServicePlanProvisioningStatus.PendingActivation)
                .CapabilityStatus(SkuCapabilityStatus.Warning)
                .Units(enabled: 50, consumed: 42)));

        var skus = built.Snapshot.Sections.SubscribedSkus.Value!;
        skus.Select(s => s.SkuPartNumber).Should().Equal("O365_BUSINESS_PREMIUM", "AAD_PREMIUM");
        skus[1].CapabilityStatus.Should().Be(SkuCapabilityStatus.Warning);
        skus[1].ServicePlans.Should().Equal(
            new ServicePlan(new Guid(KnownLicenses.EntraIdP1ServicePlanId), "AAD_PREMIUM", "Success"),
            new ServicePlan(new Guid("8a256a2b-b617-496d-b51b-e76466e88db0"), "MFA_PREMIUM", "PendingActivation"));
        built.At("/sections/subscribedSkus/value/1/consumedUnits")!.GetValue<int>().Should().Be(42);
        built.At("/sections/subscribedSkus/value/1/prepaidUnits/enabled")!.GetValue<int>().Should().Be(50);
        built.Str("/sections/subscribedSkus/value/1/servicePlans/1/appliesTo").Should().Be("User");
    }

    [Fact]
    public void WithSku_with_the_same_id_configures_the_existing_sku()
    {
        var built = Built.From(new SnapshotBuilder()
            .WithEntraIdP1()
            .WithSku("SPB", KnownLicenses.BusinessPremiumSkuId, sku => sku
                .ServicePlanStatus(KnownLicenses.EntraIdP1ServicePlanId, ServicePlanProvisioningStatus.Disabled)
                .WithoutServicePlan("c1ec4a95-1f05-45b3-a911-aa3fa01094f5")));

        var sku = built.Snapshot.Sections.SubscribedSkus.Value!.Should().ContainSingle().Subject;
        sku.ServicePlans.Single(p => p.ServicePlanName == "AAD_PREMIUM").ProvisioningStatus.Should().Be("Disabled");
        sku.ServicePlans.Should().NotContain(p => p.ServicePlanName == "INTUNE_A");
    }

    [Theory]
    [InlineData(TenantSectionName.SecurityDefaults, "securityDefaults")]
    [InlineData(TenantSectionName.ConditionalAccessPolicies, "conditionalAccessPolicies")]
    [InlineData(TenantSectionName.AuthenticationMethodsPolicy, "authenticationMethodsPolicy")]
    [InlineData(TenantSectionName.MfaServicePolicy, "mfaServicePolicy")]
    [InlineData(TenantSectionName.Domains, "domains")]
    [InlineData(TenantSectionName.SubscribedSkus, "subscribedSkus")]
    [InlineData(TenantSectionName.ExchangeOnline, "exchangeOnline")]
    public void WithSectionFailed_writes_the_graph_error(TenantSectionName section, string name)
    {
        var built = Built.From(new SnapshotBuilder().WithSectionFailed(
            section, httpStatus: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.", requiredPermissions: "Policy.Read.All"));

        var error = TenantSection(built.Snapshot, section).Error!;
        TenantSection(built.Snapshot, section).Status.Should().Be(SectionStatus.Failed);
        error.HttpStatus.Should().Be(403);
        error.Code.Should().Be("Authorization_RequestDenied");
        error.Message.Should().Be("Insufficient privileges to complete the operation.");
        error.RequiredPermissions.Should().Equal("Policy.Read.All");

        built.Str($"/sections/{name}/status").Should().Be("failed");
        built.At($"/sections/{name}/error/httpStatus")!.GetValue<int>().Should().Be(403);
        built.Strings($"/sections/{name}/error/requiredPermissions").Should().Equal("Policy.Read.All");
        built.Has($"/sections/{name}", "value").Should().BeFalse();
    }

    [Theory]
    [InlineData(TenantSectionName.SecurityDefaults, "securityDefaults")]
    [InlineData(TenantSectionName.ConditionalAccessPolicies, "conditionalAccessPolicies")]
    [InlineData(TenantSectionName.AuthenticationMethodsPolicy, "authenticationMethodsPolicy")]
    [InlineData(TenantSectionName.MfaServicePolicy, "mfaServicePolicy")]
    [InlineData(TenantSectionName.Domains, "domains")]
    [InlineData(TenantSectionName.SubscribedSkus, "subscribedSkus")]
    [InlineData(TenantSectionName.ExchangeOnline, "exchangeOnline")]
    public void WithSectionNotCaptured_writes_the_reason(TenantSectionName section, string name)
    {
        var built = Built.From(new SnapshotBuilder().WithSectionNotCaptured(section, "Conditional Access requires Microsoft Entra ID P1."));

        TenantSection(built.Snapshot, section).Status.Should().Be(SectionStatus.NotCaptured);
        TenantSection(built.Snapshot, section).Reason.Should().Be("Conditional Access requires Microsoft Entra ID P1.");
        built.Str($"/sections/{name}/status").Should().Be("notCaptured");
        built.Str($"/sections/{name}/reason").Should().Be("Conditional Access requires Microsoft Entra ID P1.");
    }

    [Fact]
    public void A_failed_section_without_code_message_or_permissions_writes_only_the_status_and_an_empty_permission_list()
    {
        var built = Built.From(new SnapshotBuilder().WithSectionFailed(TenantSectionName.Domains, 503));

        var error = built.Snapshot.Sections.Domains.Error!;
        error.HttpStatus.Should().Be(503);
        error.Code.Should().BeNull();
        error.Message.Should().BeNull();
        error.RequiredPermissions.Should().BeEmpty();
        built.Has("/sections/domains/error", "code").Should().BeFalse();
        built.At("/sections/domains/error/requiredPermissions")!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void A_sections_own_method_called_later_captures_it_again()
    {
        var built = Built.From(new SnapshotBuilder()
            .WithSectionFailed(TenantSectionName.SecurityDefaults, 403)
            .WithSecurityDefaults(enabled: true)
            .WithSectionNotCaptured(TenantSectionName.ConditionalAccessPolicies)
            .WithConditionalAccessPolicy("Require MFA", _ => { }));

        built.Snapshot.Sections.SecurityDefaults.Value!.IsEnabled.Should().BeTrue();
        built.Snapshot.Sections.ConditionalAccessPolicies.Value!.Should().ContainSingle();
    }

    [Fact]
    public void A_failure_set_after_the_value_wins()
    {
        var built = Built.From(new SnapshotBuilder().WithMfaServicePolicy(true).WithSectionFailed(TenantSectionName.MfaServicePolicy, 404, "Request_ResourceNotFound"));

        built.Snapshot.Sections.MfaServicePolicy.Status.Should().Be(SectionStatus.Failed);
        built.Snapshot.Sections.MfaServicePolicy.Error!.Code.Should().Be("Request_ResourceNotFound");
    }

    [Fact]
    public void Invalid_failures_are_rejected_when_declared()
    {
        var builder = new SnapshotBuilder();
        builder.Invoking(b => b.WithSectionFailed(TenantSectionName.Domains, 42)).Should().Throw<ArgumentOutOfRangeException>();
        builder.Invoking(b => b.WithSectionFailed(TenantSectionName.Domains, 403, requiredPermissions: " ")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void WithMissingUser_lists_the_user_once()
    {
        var built = Built.From(new SnapshotBuilder()
            .WithUser("backup@contoso.com")
            .WithMissingUser("former.employee@contoso.com")
            .WithMissingUser("FORMER.EMPLOYEE@contoso.com")
            .WithMissingUser("4bb3a2d2-1b1f-4a53-b1a4-2a0f6a6f3d11"));

        built.Snapshot.MissingUsers.Should().Equal("former.employee@contoso.com", "4bb3a2d2-1b1f-4a53-b1a4-2a0f6a6f3d11");
        built.Strings("/missingUsers").Should().Equal("former.employee@contoso.com", "4bb3a2d2-1b1f-4a53-b1a4-2a0f6a6f3d11");
    }

    private static Section<object> TenantSection(TenantSnapshot s, TenantSectionName section) => section switch
    {
        TenantSectionName.SecurityDefaults => Untyped(s.Sections.SecurityDefaults),
        TenantSectionName.ConditionalAccessPolicies => Untyped(s.Sections.ConditionalAccessPolicies),
        TenantSectionName.AuthenticationMethodsPolicy => Untyped(s.Sections.AuthenticationMethodsPolicy),
        TenantSectionName.MfaServicePolicy => Untyped(s.Sections.MfaServicePolicy),
        TenantSectionName.Domains => Untyped(s.Sections.Domains),
        TenantSectionName.ExchangeOnline => Untyped(s.Sections.ExchangeOnline),
        _ => Untyped(s.Sections.SubscribedSkus),
    };

    private static Section<object> Untyped<T>(Section<T> section)
        where T : class => section.Status switch
        {
            SectionStatus.Captured => Section.Captured<object>(section.Value!),
            SectionStatus.Failed => Section.Failed<object>(section.Error!),
            _ => Section.NotCaptured<object>(section.Reason),
        };
}
