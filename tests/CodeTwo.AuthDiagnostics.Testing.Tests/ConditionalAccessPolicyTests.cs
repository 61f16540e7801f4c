using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Testing.Tests.Support;

namespace CodeTwo.AuthDiagnostics.Testing.Tests;

public sealed class ConditionalAccessPolicyTests
{
    private const string P = "/sections/conditionalAccessPolicies/value/0";

    private static Built One(Action<ConditionalAccessPolicyBuilder> configure, Action<SnapshotBuilder>? tenant = null)
    {
        var builder = new SnapshotBuilder().WithEntraIdP1().WithUser("backup@contoso.com");
        tenant?.Invoke(builder);
        return Built.From(builder.WithConditionalAccessPolicy("Policy under test", configure));
    }

    private static ConditionalAccessPolicy Policy(Built built) => built.Snapshot.Sections.ConditionalAccessPolicies.Value![0];

    [Fact]
    public void A_policy_with_no_configuration_requires_mfa_for_all_users_all_apps_and_all_clients()
    {
        var built = One(_ => { });
        var policy = Policy(built);

        policy.DisplayName.Should().Be("Policy under test");
        Guid.TryParseExact(policy.Id, "D", out _).Should().BeTrue();
        policy.State.Should().Be(ConditionalAccessPolicyState.Enabled);
        policy.Conditions.Users.IncludeUsers.Should().Equal("All");
        policy.Conditions.Users.ExcludeUsers.Should().BeEmpty();
        policy.Conditions.Applications.IncludeApplications.Should().Equal("All");
        policy.Conditions.ClientAppTypes.Should().Equal(ClientAppType.All);
        policy.Conditions.SignInDependentConditions.Should().BeEmpty();
        policy.GrantControls!.Operator.Should().Be("OR");
        policy.GrantControls.BuiltInControls.Should().Equal(BuiltInControl.Mfa);
        policy.GrantControls.HasAuthenticationStrength.Should().BeFalse();

        built.Str($"{P}/state").Should().Be("enabled");
        built.At($"{P}/templateId").Should().BeNull();
        built.At($"{P}/sessionControls").Should().BeNull();
        built.Str($"{P}/createdDateTime").Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$");
        DateTimeOffset.Parse(built.Str($"{P}/createdDateTime")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeBefore(built.Snapshot.CapturedAt);
        built.Has(P, "modifiedDateTime").Should().BeTrue();
        foreach (string name in new[] { "insiderRiskLevels", "platforms", "locations", "devices", "clientApplications", "authenticationFlows" })
        {
            built.Has($"{P}/conditions", name).Should().BeTrue(name);
            built.At($"{P}/conditions/{name}").Should().BeNull(name);
        }

        foreach (string name in new[] { "userRiskLevels", "signInRiskLevels", "servicePrincipalRiskLevels" })
        {
            built.At($"{P}/conditions/{name}")!.AsArray().Should().BeEmpty(name);
        }

        built.Strings($"{P}/conditions/clientAppTypes").Should().Equal("all");
        built.Strings($"{P}/conditions/applications/includeApplications").Should().Equal("All");
        built.At($"{P}/conditions/applications/applicationFilter").Should().BeNull();
        built.Strings($"{P}/conditions/users/includeUsers").Should().Equal("All");
        foreach (string name in new[] { "excludeUsers", "includeGroups", "excludeGroups", "includeRoles", "excludeRoles" })
        {
            built.At($"{P}/conditions/users/{name}")!.AsArray().Should().BeEmpty(name);
        }

        built.At($"{P}/conditions/users/includeGuestsOrExternalUsers").Should().BeNull();
        built.Has($"{P}/conditions/users", "excludeGuestsOrExternalUsers").Should().BeTrue();
        built.Str($"{P}/grantControls/operator").Should().Be("OR");
        built.Strings($"{P}/grantControls/builtInControls").Should().Equal("mfa");
        built.At($"{P}/grantControls/customAuthenticationFactors")!.AsArray().Should().BeEmpty();
        built.At($"{P}/grantControls/termsOfUse")!.AsArray().Should().BeEmpty();
        built.At($"{P}/grantControls/authenticationStrength").Should().BeNull();
        built.Str($"{P}/grantControls/authenticationStrength@odata.context").Should()
            .Be($"https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies('{policy.Id}')/grantControls/authenticationStrength/$entity");
    }

    [Theory]
    [InlineData("enabled", ConditionalAccessPolicyState.Enabled)]
    [InlineData("disabled", ConditionalAccessPolicyState.Disabled)]
    [InlineData("enabledForReportingButNotEnforced", ConditionalAccessPolicyState.EnabledForReportingButNotEnforced)]
    public void The_state_shortcuts_write_graph_states(string text, ConditionalAccessPolicyState state)
    {
        Action<ConditionalAccessPolicyBuilder> configure = state switch
        {
            ConditionalAccessPolicyState.Enabled => p => p.Disabled().Enabled(),
            ConditionalAccessPolicyState.Disabled => p => p.Disabled(),
            _ => p => p.ReportOnly(),
        };
        var built = One(configure);

        Policy(built).State.Should().Be(state);
        Policy(built).StateValue.Should().Be(text);
        built.Str($"{P}/state").Should().Be(text);
    }

    [Fact]
    public void Unknown_and_raw_states_are_kept()
    {
        Policy(One(p => p.State(ConditionalAccessPolicyState.Unknown))).StateValue.Should().Be("unknownFutureValue");
        var raw = Policy(One(p => p.StateRaw("enabledForTesting")));
        raw.State.Should().Be(ConditionalAccessPolicyState.Unknown);
        raw.StateValue.Should().Be("enabledForTesting");
    }

    [Fact]
    public void Users_given_by_upn_resolve_to_the_ids_of_the_builders_users_even_when_added_later()
    {
        var builder = new SnapshotBuilder()
            .WithConditionalAccessPolicy("Block legacy", p => p.IncludeUsers("All").ExcludeUsers("breakglass@contoso.com", "BACKUP@contoso.com"))
            .WithUser("backup@contoso.com")
            .WithUser("breakglass@contoso.com", u => u.Id("0a8e1f3c-9c3e-4f6e-9b0d-6f2f1f0c4a55"));
        var built = Built.From(builder);

        string backupId = built.Snapshot.FindUser("backup@contoso.com")!.User.Id;
        Policy(built).Conditions.Users.ExcludeUsers.Should().Equal("0a8e1f3c-9c3e-4f6e-9b0d-6f2f1f0c4a55", backupId);
        built.Strings($"{P}/conditions/users/excludeUsers").Should().Equal("0a8e1f3c-9c3e-4f6e-9b0d-6f2f1f0c4a55", backupId);
    }

    [Fact]
    public void User_literals_are_written_in_graph_case_and_ids_pass_through()
    {
        var built = One(p => p.IncludeUsers("guestsorexternalusers", "4C6D7E8F-0A1B-4C2D-8E3F-405162738495").ExcludeUsers("none"));

        Policy(built).Conditions.Users.IncludeUsers.Should().Equal("GuestsOrExternalUsers", "4c6d7e8f-0a1b-4c2d-8e3f-405162738495");
        Policy(built).Conditions.Users.ExcludeUsers.Should().Equal("None");
    }

    [Fact]
    public void An_unknown_upn_fails_the_build_with_the_policy_and_the_value_named()
    {
        var builder = new SnapshotBuilder().WithConditionalAccessPolicy("Block legacy", p => p.ExcludeUsers("nobody@contoso.com"));

        builder.Invoking(b => b.Build()).Should().Throw<InvalidOperationException>()
            .WithMessage("*\"Block legacy\"*excludeUsers*nobody@contoso.com*");
    }

    [Fact]
    public void Groups_given_by_name_resolve_to_the_ids_users_are_members_of()
    {
        var built = One(
            p => p.IncludeGroups("Backup Operators").ExcludeGroups("break glass accounts", "7d0c4f1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f"),
            t => t.WithGroup("Break Glass Accounts", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
                  .WithUser("backup@contoso.com", u => u.MemberOf("Backup Operators")));

        var memberOf = built.Snapshot.FindUser("backup@contoso.com")!.Sections.TransitiveMemberOf.Value!;
        string operators = memberOf.Single(o => o.DisplayName == "Backup Operators").Id;
        var users = Policy(built).Conditions.Users;
        users.IncludeGroups.Should().Equal(operators);
        users.ExcludeGroups.Should().Equal("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", "7d0c4f1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f");
        built.Strings($"{P}/conditions/users/includeGroups").Should().Equal(operators);
    }

    [Fact]
    public void A_declared_group_without_members_still_gets_a_stable_id()
    {
        var first = Policy(One(p => p.IncludeGroups("Sales"), t => t.WithGroup("Sales"))).Conditions.Users.IncludeGroups;
        var second = Policy(One(p => p.IncludeGroups("Sales"), t => t.WithGroup("Sales"))).Conditions.Users.IncludeGroups;

        first.Should().ContainSingle().Which.Should().MatchRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
        second.Should().Equal(first);
    }

    [Fact]
    public void An_unknown_group_name_fails_the_build()
    {
        var builder = new SnapshotBuilder().WithConditionalAccessPolicy("Pilot", p => p.IncludeGroups("Pilot Users"));

        builder.Invoking(b => b.Build()).Should().Throw<InvalidOperationException>().WithMessage("*\"Pilot\"*includeGroups*Pilot Users*");
    }

    [Fact]
    public void Roles_are_role_template_ids()
    {
        var built = One(p => p.IncludeRoles(KnownRoles.GlobalAdministrator, KnownRoles.ExchangeAdministrator).ExcludeRoles(KnownRoles.GlobalReader));

        Policy(built).Conditions.Users.IncludeRoles.Should().Equal("62e90394-69f5-4237-9190-012177145e10", "29232cdf-9323-42fd-ade2-1d097af3e4de");
        Policy(built).Conditions.Users.ExcludeRoles.Should().Equal(KnownRoles.GlobalReader);
        Policy(built).Conditions.Users.IncludeUsers.Should().BeEmpty("naming roles replaces the default All users");
        built.Strings($"{P}/conditions/users/includeRoles").Should().Equal("62e90394-69f5-4237-9190-012177145e10", "29232cdf-9323-42fd-ade2-1d097af3e4de");
        new SnapshotBuilder().Invoking(b => b.WithConditionalAccessPolicy("x", p => p.IncludeRoles("Global Administrator")))
            .Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Guests_or_external_users_are_objects()
    {
        var built = One(p => p.IncludeGuestsOrExternalUsers().ExcludeGuestsOrExternalUsers("b2bDirectConnectUser"));

        Policy(built).Conditions.Users.IncludeGuestsOrExternalUsers.Should().BeTrue();
        Policy(built).Conditions.Users.ExcludeGuestsOrExternalUsers.Should().BeTrue();
        Policy(built).Conditions.Users.IncludeUsers.Should().BeEmpty();
        built.Str($"{P}/conditions/users/includeGuestsOrExternalUsers/guestOrExternalUserTypes").Should().Be(ConditionalAccessPolicyBuilder.AllGuestOrExternalUserTypes);
        built.Str($"{P}/conditions/users/includeGuestsOrExternalUsers/externalTenants/membershipKind").Should().Be("all");
        built.Str($"{P}/conditions/users/excludeGuestsOrExternalUsers/guestOrExternalUserTypes").Should().Be("b2bDirectConnectUser");
    }

    [Fact]
    public void Applications_include_and_exclude_literals_and_app_ids()
    {
        var built = One(p => p.IncludeApplications(KnownApps.Office365, KnownApps.ExchangeOnline).ExcludeApplications(KnownApps.MicrosoftTeams));

        var apps = Policy(built).Conditions.Applications;
        apps.IncludeApplications.Should().Equal("Office365", "00000002-0000-0ff1-ce00-000000000000");
        apps.ExcludeApplications.Should().Equal(KnownApps.MicrosoftTeams);
        built.Strings($"{P}/conditions/applications/includeApplications").Should().Equal("Office365", "00000002-0000-0ff1-ce00-000000000000");
        built.Strings($"{P}/conditions/applications/excludeApplications").Should().Equal("cc15fd57-2c6c-4117-a88c-83b1d56b4bbe");
    }

    [Fact]
    public void A_user_action_policy_targets_no_application()
    {
        var built = One(p => p.IncludeUserActions(KnownUserActions.RegisterSecurityInfo).OutsideTrustedLocations().Block());

        var apps = Policy(built).Conditions.Applications;
        apps.IncludeApplications.Should().BeEmpty();
        apps.IncludeUserActions.Should().Equal("urn:user:registersecurityinfo");
        built.At($"{P}/conditions/applications/includeApplications")!.AsArray().Should().BeEmpty();
        built.Strings($"{P}/conditions/applications/includeUserActions").Should().Equal("urn:user:registersecurityinfo");
    }

    [Fact]
    public void Authentication_contexts_are_written()
    {
        var built = One(p => p.IncludeAuthenticationContexts("c1", "c2"));

        Policy(built).Conditions.Applications.IncludeAuthenticationContextClassReferences.Should().Equal("c1", "c2");
        Policy(built).Conditions.Applications.IncludeApplications.Should().BeEmpty();
        built.Strings($"{P}/conditions/applications/includeAuthenticationContextClassReferences").Should().Equal("c1", "c2");
        built.At($"{P}/conditions/applications/includeApplications")!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void Client_app_types_replace_the_default()
    {
        var built = One(p => p.ClientAppTypes(ClientAppType.ExchangeActiveSync, ClientAppType.Other));

        Policy(built).Conditions.ClientAppTypes.Should().Equal(ClientAppType.ExchangeActiveSync, ClientAppType.Other);
        built.Strings($"{P}/conditions/clientAppTypes").Should().Equal("exchangeActiveSync", "other");
    }

    [Fact]
    public void Every_client_app_type_round_trips()
    {
        var all = Enum.GetValues<ClientAppType>().Where(t => t != ClientAppType.Unknown).ToArray();
        var built = One(p => p.ClientAppTypes(all));

        Policy(built).Conditions.ClientAppTypes.Should().Equal(all);
        built.Strings($"{P}/conditions/clientAppTypes").Should().Equal("all", "browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "easSupported", "easUnsupported", "other");
    }

    [Fact]
    public void Empty_unknown_and_raw_client_app_types_are_written_as_given()
    {
        built(p => p.ClientAppTypes()).Strings($"{P}/conditions/clientAppTypes").Should().BeEmpty();
        var unknown = built(p => p.ClientAppTypes(ClientAppType.Unknown));
        unknown.Strings($"{P}/conditions/clientAppTypes").Should().Equal("unknownFutureValue");
        Policy(unknown).Conditions.ClientAppTypes.Should().Equal(ClientAppType.Unknown);
        built(p => p.ClientAppTypesRaw("other", "futureClient")).Strings($"{P}/conditions/clientAppTypes").Should().Equal("other", "futureClient");

        static Built built(Action<ConditionalAccessPolicyBuilder> configure) => One(configure);
    }

    [Theory]
    [InlineData(BuiltInControl.Block, "block")]
    [InlineData(BuiltInControl.Mfa, "mfa")]
    [InlineData(BuiltInControl.CompliantDevice, "compliantDevice")]
    [InlineData(BuiltInControl.DomainJoinedDevice, "domainJoinedDevice")]
    [InlineData(BuiltInControl.ApprovedApplication, "approvedApplication")]
    [InlineData(BuiltInControl.CompliantApplication, "compliantApplication")]
    [InlineData(BuiltInControl.PasswordChange, "passwordChange")]
    [InlineData(BuiltInControl.RiskRemediation, "riskRemediation")]
    [InlineData(BuiltInControl.Unknown, "unknownFutureValue")]
    public void Each_built_in_control_is_written_alone(BuiltInControl control, string text)
    {
        Action<ConditionalAccessPolicyBuilder> shortcut = control switch
        {
            BuiltInControl.Block => p => p.Block(),
            BuiltInControl.Mfa => p => p.RequireMfa(),
            BuiltInControl.CompliantDevice => p => p.RequireCompliantDevice(),
            BuiltInControl.DomainJoinedDevice => p => p.RequireDomainJoinedDevice(),
            BuiltInControl.ApprovedApplication => p => p.RequireApprovedApplication(),
            BuiltInControl.CompliantApplication => p => p.RequireCompliantApplication(),
            BuiltInControl.PasswordChange => p => p.RequirePasswordChange(),
            BuiltInControl.RiskRemediation => p => p.RequireRiskRemediation(),
            _ => p => p.Grant(BuiltInControl.Unknown),
        };

        foreach (var built in new[] { One(shortcut), One(p => p.Grant(control)) })
        {
            Policy(built).GrantControls!.BuiltInControls.Should().Equal(control);
            Policy(built).GrantControls!.BuiltInControlValues.Should().Equal(text);
            built.Strings($"{P}/grantControls/builtInControls").Should().Equal(text);
        }
    }

    [Fact]
    public void Several_controls_with_the_and_operator()
    {
        var built = One(p => p.RequireMfa().RequireCompliantDevice().RequireAll());

        Policy(built).GrantControls!.BuiltInControls.Should().Equal(BuiltInControl.Mfa, BuiltInControl.CompliantDevice);
        Policy(built).GrantControls!.Operator.Should().Be("AND");
        built.Str($"{P}/grantControls/operator").Should().Be("AND");
        Policy(One(p => p.RequireMfa().RequireAll().RequireOneOf())).GrantControls!.Operator.Should().Be("OR");
        Policy(One(p => p.Operator(GrantOperator.And))).GrantControls!.Operator.Should().Be("AND");
    }

    [Fact]
    public void Block_replaces_every_other_control()
    {
        var built = One(p => p.RequireMfa().RequireTermsOfUse("Acceptable Use").Block());

        Policy(built).GrantControls!.BuiltInControls.Should().Equal(BuiltInControl.Block);
        Policy(built).GrantControls!.TermsOfUse.Should().BeEmpty();
    }

    [Fact]
    public void Raw_controls_keep_unknown_strings()
    {
        var grant = Policy(One(p => p.GrantRaw("mfa", "requireFutureThing"))).GrantControls!;

        grant.BuiltInControlValues.Should().Equal("mfa", "requireFutureThing");
        grant.BuiltInControls.Should().Equal(BuiltInControl.Mfa, BuiltInControl.Unknown);
    }

    [Theory]
    [InlineData(KnownAuthenticationStrengths.Multifactor, "00000000-0000-0000-0000-000000000002", "builtIn")]
    [InlineData(KnownAuthenticationStrengths.PasswordlessMfa, "00000000-0000-0000-0000-000000000003", "builtIn")]
    [InlineData(KnownAuthenticationStrengths.PhishingResistantMfa, "00000000-0000-0000-0000-000000000004", "builtIn")]
    public void A_built_in_authentication_strength_has_its_real_id(string name, string id, string policyType)
    {
        var built = One(p => p.RequireAuthenticationStrength(name));

        var grant = Policy(built).GrantControls!;
        grant.HasAuthenticationStrength.Should().BeTrue();
        grant.AuthenticationStrengthName.Should().Be(name);
        grant.BuiltInControls.Should().BeEmpty("a strength replaces the default mfa control");
        built.Str($"{P}/grantControls/authenticationStrength/id").Should().Be(id);
        built.Str($"{P}/grantControls/authenticationStrength/policyType").Should().Be(policyType);
        built.Str($"{P}/grantControls/authenticationStrength/requirementsSatisfied").Should().Be("mfa");
        built.Strings($"{P}/grantControls/authenticationStrength/allowedCombinations").Should().Contain("fido2");
    }

    [Fact]
    public void A_custom_authentication_strength_gets_a_derived_id()
    {
        var built = One(p => p.RequireAuthenticationStrength("Contoso FIDO2 only"));

        Policy(built).GrantControls!.AuthenticationStrengthName.Should().Be("Contoso FIDO2 only");
        built.Str($"{P}/grantControls/authenticationStrength/policyType").Should().Be("custom");
        built.Str($"{P}/grantControls/authenticationStrength/id").Should().NotStartWith("00000000-");
    }

    [Fact]
    public void Terms_of_use_and_custom_factors_are_written()
    {
        var built = One(p => p.RequireMfa().RequireTermsOfUse("9b6f9c57-1d5d-4e3f-8a4b-3c2d1e0f9a8b").RequireTermsOfUse("Acceptable Use").RequireCustomAuthenticationFactor("duo"));

        var grant = Policy(built).GrantControls!;
        grant.TermsOfUse.Should().HaveCount(2).And.StartWith("9b6f9c57-1d5d-4e3f-8a4b-3c2d1e0f9a8b");
        grant.CustomAuthenticationFactors.Should().Equal("duo");
        grant.BuiltInControls.Should().Equal(BuiltInControl.Mfa);
        built.Strings($"{P}/grantControls/termsOfUse")[1].Should().MatchRegex("^[0-9a-f-]{36}$");
    }

    [Fact]
    public void NoGrantControls_writes_null_and_sign_in_frequency_writes_session_controls()
    {
        var built = One(p => p.NoGrantControls().SignInFrequency(4));

        Policy(built).GrantControls.Should().BeNull();
        built.Has(P, "grantControls").Should().BeTrue();
        built.At($"{P}/grantControls").Should().BeNull();
        built.At($"{P}/sessionControls/signInFrequency/value")!.GetValue<int>().Should().Be(4);
        built.Str($"{P}/sessionControls/signInFrequency/type").Should().Be("hours");
        built.At($"{P}/sessionControls/persistentBrowser").Should().BeNull();
    }

    [Fact]
    public void Locations_are_a_sign_in_condition()
    {
        var built = One(p => p.OutsideTrustedLocations().ExcludeLocations("3f5a7c9e-2b4d-4f6a-8c0e-1a3c5e7a9b2d"));

        Policy(built).Conditions.SignInDependentConditions.Should().Equal("locations");
        built.Strings($"{P}/conditions/locations/includeLocations").Should().Equal("All");
        built.Strings($"{P}/conditions/locations/excludeLocations").Should().Equal("AllTrusted", "3f5a7c9e-2b4d-4f6a-8c0e-1a3c5e7a9b2d");
    }

    [Fact]
    public void Platforms_are_a_sign_in_condition()
    {
        var built = One(p => p.IncludePlatforms(DevicePlatform.All).ExcludePlatforms(DevicePlatform.IOS, DevicePlatform.MacOS, DevicePlatform.WindowsPhone));

        Policy(built).Conditions.SignInDependentConditions.Should().Equal("platforms");
        built.Strings($"{P}/conditions/platforms/includePlatforms").Should().Equal("all");
        built.Strings($"{P}/conditions/platforms/excludePlatforms").Should().Equal("iOS", "macOS", "windowsPhone");
    }

    [Fact]
    public void A_device_filter_is_a_sign_in_condition()
    {
        var built = One(p => p.DeviceFilter("device.isCompliant -eq True"));

        Policy(built).Conditions.SignInDependentConditions.Should().Equal("devices");
        built.Str($"{P}/conditions/devices/deviceFilter/mode").Should().Be("exclude");
        built.Str($"{P}/conditions/devices/deviceFilter/rule").Should().Be("device.isCompliant -eq True");
    }

    [Fact]
    public void Risk_levels_are_sign_in_conditions()
    {
        var built = One(p => p.UserRiskLevels(RiskLevel.High).SignInRiskLevels(RiskLevel.Medium, RiskLevel.High).InsiderRiskLevels(InsiderRiskLevels.Moderate | InsiderRiskLevels.Elevated));

        Policy(built).Conditions.SignInDependentConditions.Should().Equal("userRiskLevels", "signInRiskLevels", "insiderRiskLevels");
        built.Strings($"{P}/conditions/userRiskLevels").Should().Equal("high");
        built.Strings($"{P}/conditions/signInRiskLevels").Should().Equal("medium", "high");
        built.Str($"{P}/conditions/insiderRiskLevels").Should().Be("moderate,elevated");
    }

    [Fact]
    public void Application_filters_are_sign_in_conditions_and_authentication_flows_limit_the_policy()
    {
        var built = One(p => p.AuthenticationFlows(AuthenticationFlowTransferMethods.DeviceCodeFlow | AuthenticationFlowTransferMethods.AuthenticationTransfer)
            .ApplicationFilter("CustomSecurityAttribute.Dept -eq \"Sales\""));

        Policy(built).Conditions.SignInDependentConditions.Should().BeEquivalentTo("applications.applicationFilter");
        Policy(built).Conditions.LimitedToAuthenticationFlows.Should().BeTrue("catalog v1.1: a policy with authenticationFlows applies to device code flow and authentication transfer only");
        built.Str($"{P}/conditions/authenticationFlows/transferMethods").Should().Be("deviceCodeFlow,authenticationTransfer");
        built.Str($"{P}/conditions/applications/applicationFilter/mode").Should().Be("include");
        built.Str($"{P}/conditions/applications/applicationFilter/rule").Should().Be("CustomSecurityAttribute.Dept -eq \"Sales\"");
    }

    [Fact]
    public void Invalid_flag_values_are_rejected()
    {
        var policy = new SnapshotBuilder();
        policy.Invoking(b => b.WithConditionalAccessPolicy("x", p => p.InsiderRiskLevels(InsiderRiskLevels.None))).Should().Throw<ArgumentOutOfRangeException>();
        policy.Invoking(b => b.WithConditionalAccessPolicy("y", p => p.AuthenticationFlows(AuthenticationFlowTransferMethods.None))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Id_template_and_dates_can_be_set()
    {
        var created = new DateTimeOffset(2023, 8, 14, 13, 22, 9, TimeSpan.Zero).AddTicks(7_731_045);
        var built = One(p => p.Id("4D1DD7DE-07C1-437B-95D0-C57B811008B7").TemplateId("0b2282f9-2862-4178-88b5-d79340b36cb8").Created(created).Modified(null));

        Policy(built).Id.Should().Be("4d1dd7de-07c1-437b-95d0-c57b811008b7");
        built.Str($"{P}/templateId").Should().Be("0b2282f9-2862-4178-88b5-d79340b36cb8");
        built.Str($"{P}/createdDateTime").Should().Be("2023-08-14T13:22:09.7731045Z");
        built.At($"{P}/modifiedDateTime").Should().BeNull();
        built.Str($"{P}/grantControls/authenticationStrength@odata.context").Should().Contain("policies('4d1dd7de-07c1-437b-95d0-c57b811008b7')");

        var modified = One(p => p.Modified(new DateTimeOffset(2025, 1, 20, 16, 40, 12, TimeSpan.Zero)));
        modified.Str($"{P}/modifiedDateTime").Should().Be("2025-01-20T16:40:12Z");
    }

    [Fact]
    public void The_same_display_name_configures_the_same_policy_and_different_names_get_different_ids()
    {
        var built = Built.From(new SnapshotBuilder()
            .WithConditionalAccessPolicy("A", p => p.IncludeApplications(KnownApps.Office365))
            .WithConditionalAccessPolicy("B")
            .WithConditionalAccessPolicy("A", p => p.Block()));

        var policies = built.Snapshot.Sections.ConditionalAccessPolicies.Value!;
        policies.Select(p => p.DisplayName).Should().Equal("A", "B");
        policies[0].Conditions.Applications.IncludeApplications.Should().Equal("Office365");
        policies[0].GrantControls!.BuiltInControls.Should().Equal(BuiltInControl.Block);
        policies[0].Id.Should().NotBe(policies[1].Id);
    }

    [Fact]
    public void WithoutConditionalAccessPolicies_removes_them_all()
    {
        var built = Built.From(new SnapshotBuilder().WithConditionalAccessPolicy("A").WithoutConditionalAccessPolicies());

        built.Snapshot.Sections.ConditionalAccessPolicies.Value.Should().BeEmpty();
        built.At("/sections/conditionalAccessPolicies/value")!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void Extra_properties_are_kept_and_builder_properties_cannot_be_overwritten()
    {
        var built = One(p => p.Property("description", "\"Created by the baseline script\""));

        built.Str($"{P}/description").Should().Be("Created by the baseline script");
        Policy(built).Json.GetProperty("description").GetString().Should().Be("Created by the baseline script");
        new SnapshotBuilder().Invoking(b => b.WithConditionalAccessPolicy("x", p => p.Property("state", "\"enabled\""))).Should().Throw<ArgumentException>();
        new SnapshotBuilder().Invoking(b => b.WithConditionalAccessPolicy("x", p => p.Property("note", "{not json"))).Should().Throw<ArgumentException>();
    }
}
