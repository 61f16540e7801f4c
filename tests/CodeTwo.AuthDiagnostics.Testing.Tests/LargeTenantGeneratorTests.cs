using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;

namespace CodeTwo.AuthDiagnostics.Testing.Tests;

/// <summary>The full-size fixture (10,000 users, 200 policies, default seed), generated once for the class.</summary>
public sealed class LargeTenantFixture
{
    public GeneratedTenant Tenant { get; } = LargeTenantGenerator.Generate(users: 10_000, policies: 200);

    public TenantSnapshot Snapshot => Tenant.Snapshot;

    internal IReadOnlyList<UserEntry> Members => Snapshot.Users.Where(u => u.User.UserType == UserType.Member).ToList();

    internal IReadOnlyList<ConditionalAccessPolicy> Policies => Snapshot.Sections.ConditionalAccessPolicies.Value!;
}

public sealed class LargeTenantGeneratorTests(LargeTenantFixture fixture) : IClassFixture<LargeTenantFixture>
{
    private TenantSnapshot Snapshot => fixture.Snapshot;

    [Fact]
    public void It_has_exactly_the_users_and_policies_asked_for()
    {
        Snapshot.Users.Should().HaveCount(10_000);
        fixture.Policies.Should().HaveCount(200);
        Snapshot.Users.Select(u => u.User.Id).Should().OnlyHaveUniqueItems();
        Snapshot.Users.Select(u => u.User.UserPrincipalName.ToLowerInvariant()).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 3)]
    [InlineData(3, 1)]
    [InlineData(250, 17)]
    public void Small_sizes_are_exact_too(int users, int policies)
    {
        var snapshot = LargeTenantGenerator.Generate(users, policies).Snapshot;

        snapshot.Users.Should().HaveCount(users);
        snapshot.Sections.ConditionalAccessPolicies.Value.Should().HaveCount(policies);
    }

    [Fact]
    public void The_tenant_has_premium_licences_and_realistic_tenant_sections()
    {
        var sections = Snapshot.Sections;
        sections.SecurityDefaults.Value!.IsEnabled.Should().BeFalse();
        sections.SubscribedSkus.Value!.SelectMany(s => s.ServicePlans).Select(p => p.ServicePlanId)
            .Should().Contain([new Guid(KnownLicenses.EntraIdP1ServicePlanId), new Guid(KnownLicenses.EntraIdP2ServicePlanId)]);
        sections.AuthenticationMethodsPolicy.Value!.PolicyMigrationState.Should().Be(PolicyMigrationState.MigrationComplete);
        sections.MfaServicePolicy.Value!.AllowAppPasswords.Should().BeTrue();
        sections.Domains.Value!.Should().Contain(d => d.Id == "corp.contoso.com" && d.AuthenticationType == DomainAuthenticationType.Federated);
        sections.Domains.Value!.Where(d => d.IsDefault).Select(d => d.Id).Should().Equal("contoso.com");
    }

    [Fact]
    public void The_well_known_accounts_come_first()
    {
        Snapshot.Users.Take(3).Select(u => u.User.UserPrincipalName).Should().Equal(LargeTenantGenerator.WellKnownUsers);
        var breakGlass = Snapshot.Users[0];
        breakGlass.Sections.TransitiveMemberOf.Value!.Should().Contain(o => o.RoleTemplateId == KnownRoles.GlobalAdministrator);
        breakGlass.Sections.AuthenticationMethods.Value!.Select(m => m.Kind).Should().Contain(AuthenticationMethodKind.Fido2);
        Snapshot.Users[2].Sections.AuthenticationRequirements.Value!.PerUserMfaState.Should().Be(PerUserMfaState.Enforced);
    }

    [Fact]
    public void Users_are_a_realistic_mix()
    {
        var users = Snapshot.Users;
        var members = fixture.Members;
        double guests = users.Count(u => u.User.UserType == UserType.Guest) / (double)users.Count;
        double disabled = users.Count(u => u.User.AccountEnabled == false) / (double)users.Count;
        double synced = members.Count(u => u.User.OnPremisesSyncEnabled == true) / (double)members.Count;
        double federated = members.Count(u => u.User.UpnDomain == "corp.contoso.com") / (double)members.Count;

        guests.Should().BeInRange(0.03, 0.07);
        disabled.Should().BeInRange(0.015, 0.05);
        synced.Should().BeInRange(0.28, 0.42);
        federated.Should().BeInRange(0.02, 0.09);
        users.Where(u => u.User.UserType == UserType.Guest).Select(u => u.User.UserPrincipalName)
            .Should().OnlyContain(upn => upn.Contains("#EXT#@contoso.onmicrosoft.com"));
    }

    [Fact]
    public void Per_user_mfa_states_are_mixed()
    {
        var states = Snapshot.Users.Select(u => u.Sections.AuthenticationRequirements.Value!.PerUserMfaState).ToList();

        Share(states, PerUserMfaState.Disabled).Should().BeInRange(0.65, 0.80);
        Share(states, PerUserMfaState.Enabled).Should().BeInRange(0.05, 0.11);
        Share(states, PerUserMfaState.Enforced).Should().BeInRange(0.15, 0.25);
    }

    [Fact]
    public void Some_members_have_no_mfa_capable_method()
    {
        var members = fixture.Members;
        double withoutMfa = members.Count(u => !u.Sections.AuthenticationMethods.Value!.Any(m => m.IsMfaCapable)) / (double)members.Count;
        double withPhone = members.Count(u => u.Sections.AuthenticationMethods.Value!.Any(m => m.Kind == AuthenticationMethodKind.Phone)) / (double)members.Count;

        withoutMfa.Should().BeInRange(0.06, 0.14);
        withPhone.Should().BeInRange(0.30, 0.50);
        members.Where(u => !u.Sections.AuthenticationMethods.Value!.Any(m => m.Kind == AuthenticationMethodKind.Password))
            .Select(u => u.User.UserPrincipalName).Should().BeEmpty();
    }

    [Fact]
    public void About_two_percent_of_the_users_are_administrators()
    {
        var admins = Snapshot.Users.Skip(2).Where(u => u.Sections.TransitiveMemberOf.Value!.Any(o => o.Kind == DirectoryObjectKind.DirectoryRole)).ToList();

        (admins.Count / (double)Snapshot.Users.Count).Should().BeInRange(0.012, 0.03);
        admins.SelectMany(a => a.Sections.TransitiveMemberOf.Value!).Where(o => o.Kind == DirectoryObjectKind.DirectoryRole)
            .Select(o => o.RoleTemplateId).Distinct().Count().Should().BeGreaterThan(5);
    }

    [Fact]
    public void Memberships_come_from_a_pool_of_about_200_groups()
    {
        var groups = Snapshot.Users.SelectMany(u => u.Sections.TransitiveMemberOf.Value!).Where(o => o.Kind == DirectoryObjectKind.Group).ToList();
        var distinct = groups.Select(g => g.Id).Distinct().Count();

        distinct.Should().BeInRange(150, LargeTenantGenerator.GroupPoolSize);
        groups.GroupBy(g => g.Id).Should().OnlyContain(g => g.Select(x => x.DisplayName).Distinct().Count() == 1, "one id, one name");
        fixture.Members.Skip(2).Where(u => !u.Sections.TransitiveMemberOf.Value!.Any(o => o.DisplayName == "All Staff"))
            .Select(u => u.User.UserPrincipalName).Should().BeEmpty("every member but the break-glass accounts is in All Staff");
        fixture.Members.Average(u => u.Sections.TransitiveMemberOf.Value!.Count).Should().BeInRange(3.0, 5.5);
    }

    [Fact]
    public void Policy_states_are_mostly_enabled()
    {
        var states = fixture.Policies.Select(p => p.State).ToList();

        Share(states, ConditionalAccessPolicyState.Enabled).Should().BeInRange(0.65, 0.85);
        Share(states, ConditionalAccessPolicyState.EnabledForReportingButNotEnforced).Should().BeInRange(0.08, 0.22);
        Share(states, ConditionalAccessPolicyState.Disabled).Should().BeInRange(0.04, 0.16);
    }

    [Fact]
    public void Policies_scope_users_in_every_way()
    {
        var users = fixture.Policies.Select(p => p.Conditions.Users).ToList();

        users.Count(u => u.IncludeUsers.Contains("All")).Should().BeGreaterThan(40);
        users.Count(u => u.IncludeGroups.Count > 0).Should().BeGreaterThan(40);
        users.Count(u => u.IncludeRoles.Count > 0).Should().BeGreaterThan(15);
        users.Count(u => u.IncludeGuestsOrExternalUsers || u.IncludeUsers.Contains("GuestsOrExternalUsers")).Should().BeGreaterThan(5);
        users.Count(u => u.IncludeUsers.Any(id => Guid.TryParse(id, out _))).Should().BeGreaterThan(3);
    }

    [Fact]
    public void Policies_target_apps_clients_and_grants_in_a_realistic_mix()
    {
        var policies = fixture.Policies;

        policies.Count(p => p.Conditions.Applications.IncludeApplications.Contains("All")).Should().BeGreaterThan(50);
        policies.Count(p => p.Conditions.Applications.IncludeApplications.Contains("Office365")).Should().BeGreaterThan(25);
        policies.Count(p => p.Conditions.Applications.IncludeApplications.Contains(KnownApps.ExchangeOnline)).Should().BeGreaterThan(3);
        policies.Count(p => p.Conditions.Applications.IncludeUserActions.Contains(KnownUserActions.RegisterSecurityInfo)).Should().BeGreaterThan(5);
        policies.Count(p => p.Conditions.ClientAppTypes.Contains(ClientAppType.Other) && !p.Conditions.ClientAppTypes.Contains(ClientAppType.All)).Should().BeGreaterThan(20);
        policies.Count(p => p.Conditions.ClientAppTypes.SequenceEqual([ClientAppType.Browser, ClientAppType.MobileAppsAndDesktopClients])).Should().BeGreaterThan(20);
        policies.Count(p => p.GrantControls!.BuiltInControls.Contains(BuiltInControl.Mfa)).Should().BeGreaterThan(40);
        policies.Count(p => p.GrantControls!.BuiltInControls.Contains(BuiltInControl.Block)).Should().BeGreaterThan(30);
        policies.Count(p => p.GrantControls!.BuiltInControls.Contains(BuiltInControl.CompliantDevice)).Should().BeGreaterThan(15);
        policies.Count(p => p.GrantControls!.HasAuthenticationStrength).Should().BeGreaterThan(3);
    }

    [Fact]
    public void Some_policies_depend_on_the_sign_in()
    {
        var conditions = fixture.Policies.SelectMany(p => p.Conditions.SignInDependentConditions).ToList();

        conditions.Count(c => c == "locations").Should().BeInRange(15, 50);
        conditions.Count(c => c == "platforms").Should().BeInRange(8, 35);
        fixture.Policies.Count(p => p.Conditions.SignInDependentConditions.Count == 0).Should().BeGreaterThan(100);
    }

    [Fact]
    public void Every_reference_in_a_policy_resolves_to_the_tenant()
    {
        var groupIds = Snapshot.Users.SelectMany(u => u.Sections.TransitiveMemberOf.Value!).Where(o => o.Kind == DirectoryObjectKind.Group).Select(g => g.Id).ToHashSet();
        var breakGlass = new[] { Snapshot.Users[0].User.Id, Snapshot.Users[1].User.Id };

        foreach (var policy in fixture.Policies)
        {
            var users = policy.Conditions.Users;
            users.IncludeGroups.Concat(users.ExcludeGroups).Where(id => !groupIds.Contains(id)).Should().BeEmpty(policy.DisplayName);
            users.IncludeUsers.Where(id => Guid.TryParse(id, out _) && Snapshot.FindUser(id) is null).Should().BeEmpty(policy.DisplayName);
            users.ExcludeUsers.Should().Contain(breakGlass, policy.DisplayName);
            users.IncludeRoles.Where(id => KnownRoles.DisplayNameOf(id) is null).Should().BeEmpty(policy.DisplayName);
        }
    }

    [Fact]
    public void Policy_names_are_unique_and_follow_the_naming_convention()
    {
        fixture.Policies.Select(p => p.DisplayName).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(n => System.Text.RegularExpressions.Regex.IsMatch(n!, @"^CA\d{3}-[A-Za-z]+-[A-Za-z0-9]+-[A-Za-z]+$"));
        fixture.Policies.Select(p => p.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_json_is_canonical_and_reads_back_to_an_equal_write()
    {
        var tenant = fixture.Tenant;

        SnapshotWriter.ToUtf8Bytes(Snapshot).Should().Equal(tenant.Utf8Json);
        tenant.Json.Should().Be(System.Text.Encoding.UTF8.GetString(tenant.Utf8Json));
        SnapshotWriter.ToUtf8Bytes(new SnapshotReader().Read(tenant.Utf8Json)).Should().Equal(tenant.Utf8Json);
        tenant.Seed.Should().Be(LargeTenantGenerator.DefaultSeed);
    }

    [Fact]
    public void The_same_seed_gives_identical_bytes()
    {
        LargeTenantGenerator.Generate(1_500, 60, seed: 7).Utf8Json.Should().Equal(LargeTenantGenerator.Generate(1_500, 60, seed: 7).Utf8Json);
        LargeTenantGenerator.Generate(10_000, 200).Utf8Json.Should().Equal(fixture.Tenant.Utf8Json);
    }

    [Fact]
    public void A_different_seed_gives_a_different_tenant()
    {
        var a = LargeTenantGenerator.Generate(1_500, 60, seed: 7);
        var b = LargeTenantGenerator.Generate(1_500, 60, seed: 8);

        b.Utf8Json.Should().NotEqual(a.Utf8Json);
        b.Snapshot.TenantId.Should().NotBe(a.Snapshot.TenantId);
        b.Snapshot.Users.Skip(3).Select(u => u.User.UserPrincipalName).Should().NotEqual(a.Snapshot.Users.Skip(3).Select(u => u.User.UserPrincipalName));
        b.Snapshot.Sections.ConditionalAccessPolicies.Value!.Select(p => p.DisplayName)
            .Should().NotEqual(a.Snapshot.Sections.ConditionalAccessPolicies.Value!.Select(p => p.DisplayName));
    }

    [Fact]
    public void A_larger_tenant_starts_with_the_same_users_as_a_smaller_one_of_the_same_seed()
    {
        var small = LargeTenantGenerator.Generate(300, 0, seed: 5).Snapshot.Users.Select(u => u.User.UserPrincipalName);
        var large = LargeTenantGenerator.Generate(600, 0, seed: 5).Snapshot.Users.Take(300).Select(u => u.User.UserPrincipalName);

        large.Should().Equal(small);
    }

    [Fact]
    public void The_builder_can_be_extended_before_building()
    {
        var snapshot = LargeTenantGenerator.CreateBuilder(users: 200, policies: 10, seed: 3)
            .WithUser("backup@contoso.com", u => u.PerUserMfa(PerUserMfaState.Enforced).MemberOf("Backup Operators"))
            .WithConditionalAccessPolicy("Block legacy auth for Backup Operators", p => p.IncludeGroups("Backup Operators").ClientAppTypes(ClientAppType.Other).Block())
            .Build();

        snapshot.Users.Should().HaveCount(201);
        snapshot.Sections.ConditionalAccessPolicies.Value.Should().HaveCount(11);
        var operators = snapshot.FindUser("svc-backup@contoso.com")!.Sections.TransitiveMemberOf.Value!.Single(g => g.DisplayName == "Backup Operators").Id;
        snapshot.Sections.ConditionalAccessPolicies.Value![^1].Conditions.Users.IncludeGroups.Should().Equal(operators);
    }

    [Fact]
    public void Negative_sizes_are_rejected()
    {
        FluentActions.Invoking(() => LargeTenantGenerator.Generate(-1, 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => LargeTenantGenerator.CreateBuilder(0, -1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    private static double Share<T>(IReadOnlyCollection<T> items, T value) => items.Count(i => EqualityComparer<T>.Default.Equals(i, value)) / (double)items.Count;
}
