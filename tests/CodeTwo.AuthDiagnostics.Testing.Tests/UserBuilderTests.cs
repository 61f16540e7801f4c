using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Testing.Tests.Support;

namespace CodeTwo.AuthDiagnostics.Testing.Tests;

public sealed class UserBuilderTests
{
    private const string U = "/users/0";

    private static Built One(Action<UserBuilder> configure, Action<SnapshotBuilder>? tenant = null)
    {
        var builder = new SnapshotBuilder();
        tenant?.Invoke(builder);
        return Built.From(builder.WithUser("backup@contoso.com", configure));
    }

    private static UserEntry Entry(Built built) => built.Snapshot.Users[0];

    [Theory]
    [InlineData(PerUserMfaState.Disabled, "disabled")]
    [InlineData(PerUserMfaState.Enabled, "enabled")]
    [InlineData(PerUserMfaState.Enforced, "enforced")]
    [InlineData(PerUserMfaState.Unknown, "unknownFutureValue")]
    public void PerUserMfa_sets_the_state(PerUserMfaState state, string text)
    {
        var built = One(u => u.PerUserMfa(state));

        Entry(built).Sections.AuthenticationRequirements.Value!.PerUserMfaState.Should().Be(state);
        Entry(built).Sections.AuthenticationRequirements.Value!.PerUserMfaStateValue.Should().Be(text);
        built.Str($"{U}/sections/authenticationRequirements/value/perUserMfaState").Should().Be(text);
    }

    [Fact]
    public void PerUserMfaRaw_keeps_an_unknown_value()
    {
        var built = One(u => u.PerUserMfaRaw("unknownFutureValue"));

        var requirements = Entry(built).Sections.AuthenticationRequirements.Value!;
        requirements.PerUserMfaState.Should().Be(PerUserMfaState.Unknown);
        requirements.PerUserMfaStateValue.Should().Be("unknownFutureValue");
    }

    [Fact]
    public void Methods_write_one_realistic_payload_per_kind_in_order()
    {
        var kinds = Enum.GetValues<AuthenticationMethodKind>().Where(k => k != AuthenticationMethodKind.Unknown).ToArray();
        var built = One(u => u.Methods(kinds));

        var methods = Entry(built).Sections.AuthenticationMethods.Value!;
        methods.Select(m => m.Kind).Should().Equal(kinds);
        methods.Should().OnlyContain(m => !string.IsNullOrEmpty(m.Id));
        methods.Select(m => m.Id).Should().OnlyHaveUniqueItems();
        built.Str($"{U}/sections/authenticationMethods/value/0/@odata.type").Should().Be("#microsoft.graph.passwordAuthenticationMethod");
        built.Str($"{U}/sections/authenticationMethods/value/0/id").Should().Be("28c10230-6103-485e-b985-444c60001490");
        built.At($"{U}/sections/authenticationMethods/value/0/password").Should().BeNull();
        built.Str($"{U}/sections/authenticationMethods/value/1/@odata.type").Should().Be("#microsoft.graph.emailAuthenticationMethod");
        built.Str($"{U}/sections/authenticationMethods/value/1/emailAddress").Should().Be("backup.home@outlook.com");
        built.Str($"{U}/sections/authenticationMethods/value/2/@odata.type").Should().Be("#microsoft.graph.phoneAuthenticationMethod");
        built.Str($"{U}/sections/authenticationMethods/value/2/id").Should().Be("3179e48a-750b-4051-897c-87b9720928f7");
        built.Str($"{U}/sections/authenticationMethods/value/2/phoneType").Should().Be("mobile");
        built.Str($"{U}/sections/authenticationMethods/value/2/phoneNumber").Should().MatchRegex(@"^\+1 425555\d{4}$");
        built.Str($"{U}/sections/authenticationMethods/value/3/@odata.type").Should().Be("#microsoft.graph.microsoftAuthenticatorAuthenticationMethod");
        built.Str($"{U}/sections/authenticationMethods/value/6/@odata.type").Should().Be("#microsoft.graph.fido2AuthenticationMethod");
        built.Str($"{U}/sections/authenticationMethods/value/6/aaGuid").Should().Be("ee882879-721c-4913-9775-3dfcce97072a");
        built.Str($"{U}/sections/authenticationMethods/value/7/@odata.type").Should().Be("#microsoft.graph.windowsHelloForBusinessAuthenticationMethod");
        built.Str($"{U}/sections/authenticationMethods/value/8/@odata.type").Should().Be("#microsoft.graph.temporaryAccessPassAuthenticationMethod");
    }

    [Fact]
    public void Second_and_third_phones_get_graphs_alternate_and_office_ids()
    {
        var built = One(u => u.Methods(AuthenticationMethodKind.Phone, AuthenticationMethodKind.Phone, AuthenticationMethodKind.Phone));

        Entry(built).Sections.AuthenticationMethods.Value!.Select(m => m.Id).Should().Equal(
            "3179e48a-750b-4051-897c-87b9720928f7", "b6332ec1-7057-4abe-9331-3d72feddfe41", "e37fc753-ff3b-4958-9484-eaa9425c82bc");
        built.Str($"{U}/sections/authenticationMethods/value/1/phoneType").Should().Be("alternateMobile");
        built.Str($"{U}/sections/authenticationMethods/value/2/phoneType").Should().Be("office");
    }

    [Fact]
    public void NoMfaMethods_leaves_only_the_password_and_Methods_with_nothing_leaves_none()
    {
        var password = Entry(One(u => u.NoMfaMethods())).Sections.AuthenticationMethods.Value!;
        password.Should().ContainSingle().Which.Kind.Should().Be(AuthenticationMethodKind.Password);
        password.Should().OnlyContain(m => !m.IsMfaCapable);
        var json = One(u => u.NoMfaMethods());
        json.At($"{U}/sections/authenticationMethods/value")!.AsArray().Should().ContainSingle();
        json.Str($"{U}/sections/authenticationMethods/value/0/@odata.type").Should().Be("#microsoft.graph.passwordAuthenticationMethod");

        Entry(One(u => u.Methods())).Sections.AuthenticationMethods.Value.Should().BeEmpty();
    }

    [Fact]
    public void AddMethod_appends_known_and_unknown_kinds()
    {
        var built = One(u => u.NoMfaMethods().AddMethod(AuthenticationMethodKind.Email).AddMethod("#microsoft.graph.futureAuthenticationMethod"));

        var methods = Entry(built).Sections.AuthenticationMethods.Value!;
        methods.Select(m => m.Kind).Should().Equal(AuthenticationMethodKind.Password, AuthenticationMethodKind.Email, AuthenticationMethodKind.Unknown);
        methods[2].ODataType.Should().Be("#microsoft.graph.futureAuthenticationMethod");
        built.Str($"{U}/sections/authenticationMethods/value/2/@odata.type").Should().Be("#microsoft.graph.futureAuthenticationMethod");
        new SnapshotBuilder().Invoking(b => b.WithUser("x@contoso.com", u => u.Methods(AuthenticationMethodKind.Unknown))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void MemberOf_writes_group_objects_with_stable_ids()
    {
        var built = One(u => u.MemberOf("All Staff", "Backup Operators", "all staff"), t => t.WithGroup("Backup Operators", "23cc390c-9354-40e3-8e1f-39485d23d1f3"));

        var memberOf = Entry(built).Sections.TransitiveMemberOf.Value!;
        memberOf.Select(o => (o.Kind, o.DisplayName)).Should().Equal((DirectoryObjectKind.Group, "All Staff"), (DirectoryObjectKind.Group, "Backup Operators"));
        memberOf[1].Id.Should().Be("23cc390c-9354-40e3-8e1f-39485d23d1f3");
        memberOf[0].RoleTemplateId.Should().BeNull();
        built.Str($"{U}/sections/transitiveMemberOf/value/0/@odata.type").Should().Be("#microsoft.graph.group");
        built.At($"{U}/sections/transitiveMemberOf/value/0/securityEnabled")!.GetValue<bool>().Should().BeTrue();
        built.Str($"{U}/sections/transitiveMemberOf/value/0/mailNickname").Should().Be("allstaff");
        built.Str($"{U}/sections/transitiveMemberOf/value/0/securityIdentifier").Should().StartWith("S-1-12-1-");
    }

    [Fact]
    public void MemberOf_by_id_finds_the_declared_group_and_an_undeclared_id_fails_the_build()
    {
        var built = One(u => u.MemberOf("23cc390c-9354-40e3-8e1f-39485d23d1f3"), t => t.WithGroup("Service Accounts", "23cc390c-9354-40e3-8e1f-39485d23d1f3"));
        Entry(built).Sections.TransitiveMemberOf.Value!.Single().DisplayName.Should().Be("Service Accounts");

        var undeclared = new SnapshotBuilder().WithUser("backup@contoso.com", u => u.MemberOf("0f0e0d0c-0b0a-4909-8807-060504030201"));
        undeclared.Invoking(b => b.Build()).Should().Throw<InvalidOperationException>().WithMessage("*0f0e0d0c-0b0a-4909-8807-060504030201*WithGroup*");
    }

    [Fact]
    public void Two_users_in_the_same_group_share_its_id()
    {
        var built = Built.From(new SnapshotBuilder()
            .WithUser("a@contoso.com", u => u.MemberOf("Sales"))
            .WithUser("b@contoso.com", u => u.MemberOf("sales")));

        built.Snapshot.Users[0].Sections.TransitiveMemberOf.Value![0].Id.Should().Be(built.Snapshot.Users[1].Sections.TransitiveMemberOf.Value![0].Id);
    }

    [Fact]
    public void WithRole_writes_a_directory_role_with_its_template_id()
    {
        var built = One(u => u.MemberOf("All Staff").WithRole(KnownRoles.ExchangeAdministrator).WithRole("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers"));

        var memberOf = Entry(built).Sections.TransitiveMemberOf.Value!;
        memberOf.Select(o => o.Kind).Should().Equal(DirectoryObjectKind.Group, DirectoryObjectKind.DirectoryRole, DirectoryObjectKind.DirectoryRole);
        memberOf[1].RoleTemplateId.Should().Be("29232cdf-9323-42fd-ade2-1d097af3e4de");
        memberOf[1].DisplayName.Should().Be("Exchange Administrator");
        memberOf[2].DisplayName.Should().Be("Directory Readers");
        memberOf[1].Id.Should().NotBe(memberOf[1].RoleTemplateId, "a directory role's object id is not its template id");
        built.Str($"{U}/sections/transitiveMemberOf/value/1/@odata.type").Should().Be("#microsoft.graph.directoryRole");
        built.Str($"{U}/sections/transitiveMemberOf/value/1/roleTemplateId").Should().Be("29232cdf-9323-42fd-ade2-1d097af3e4de");
        new SnapshotBuilder().Invoking(b => b.WithUser("x@contoso.com", u => u.WithRole("88d8e3e3-8f55-4a1e-953a-9b9898b8876b"))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Guest_Disabled_and_Synced_set_the_user_object()
    {
        var built = One(u => u.Guest().Disabled().Synced());

        var user = Entry(built).User;
        user.UserType.Should().Be(UserType.Guest);
        user.AccountEnabled.Should().BeFalse();
        user.OnPremisesSyncEnabled.Should().BeTrue();
        built.Str($"{U}/user/userType").Should().Be("Guest");
        built.At($"{U}/user/accountEnabled")!.GetValue<bool>().Should().BeFalse();
        built.At($"{U}/user/onPremisesSyncEnabled")!.GetValue<bool>().Should().BeTrue();

        var back = Entry(One(u => u.Guest().Member().Synced().Synced(false).AccountEnabled(null))).User;
        back.UserType.Should().Be(UserType.Member);
        back.OnPremisesSyncEnabled.Should().BeNull();
        back.AccountEnabled.Should().BeNull();
    }

    [Fact]
    public void DisplayName_Id_and_SignInSessionsValidFrom_override_the_derived_values()
    {
        var validFrom = new DateTimeOffset(2025, 8, 19, 12, 31, 48, TimeSpan.Zero);
        var built = One(u => u.DisplayName("CodeTwo Backup").Id("4260CE86-CA96-4D78-BA56-9EE452A5D423").SignInSessionsValidFrom(validFrom));

        var user = Entry(built).User;
        user.DisplayName.Should().Be("CodeTwo Backup");
        user.Id.Should().Be("4260ce86-ca96-4d78-ba56-9ee452a5d423");
        user.SignInSessionsValidFromDateTime.Should().Be(validFrom);
        built.Str($"{U}/user/signInSessionsValidFromDateTime").Should().Be("2025-08-19T12:31:48Z");
        built.Str($"{U}/sections/authenticationRequirements/value/@odata.context").Should().Contain("users('4260ce86-ca96-4d78-ba56-9ee452a5d423')");
        Entry(One(u => u.DisplayName(null))).User.DisplayName.Should().BeNull();
        new SnapshotBuilder().Invoking(b => b.WithUser("x@contoso.com", u => u.Id("not-a-guid"))).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("jordan.miller@contoso.com", "Jordan Miller")]
    [InlineData("lee.chen_fabrikam.com#EXT#@contoso.onmicrosoft.com", "Lee Chen")]
    [InlineData("svc-backup@contoso.com", "Svc Backup")]
    public void The_display_name_is_derived_from_the_upn(string upn, string displayName)
    {
        Built.From(new SnapshotBuilder().WithUser(upn)).Snapshot.Users[0].User.DisplayName.Should().Be(displayName);
    }

    [Fact]
    public void Ids_are_derived_from_the_upn_case_insensitively()
    {
        string a = Built.From(new SnapshotBuilder().WithUser("Backup@Contoso.com")).Snapshot.Users[0].User.Id;
        string b = Built.From(new SnapshotBuilder().WithUser("backup@contoso.com")).Snapshot.Users[0].User.Id;
        string c = Built.From(new SnapshotBuilder().WithUser("other@contoso.com")).Snapshot.Users[0].User.Id;

        a.Should().Be(b).And.MatchRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
        c.Should().NotBe(a);
    }

    [Fact]
    public void WithUser_with_the_same_upn_configures_the_same_user()
    {
        var built = Built.From(new SnapshotBuilder()
            .WithUser("backup@contoso.com", u => u.PerUserMfa(PerUserMfaState.Enforced))
            .WithUser("BACKUP@contoso.com", u => u.Disabled()));

        var entry = built.Snapshot.Users.Should().ContainSingle().Subject;
        entry.User.UserPrincipalName.Should().Be("backup@contoso.com");
        entry.User.AccountEnabled.Should().BeFalse();
        entry.Sections.AuthenticationRequirements.Value!.PerUserMfaState.Should().Be(PerUserMfaState.Enforced);
    }

    [Theory]
    [InlineData(UserSectionName.AuthenticationRequirements, "authenticationRequirements")]
    [InlineData(UserSectionName.AuthenticationMethods, "authenticationMethods")]
    [InlineData(UserSectionName.TransitiveMemberOf, "transitiveMemberOf")]
    public void SectionFailed_records_the_graph_error(UserSectionName section, string name)
    {
        var built = One(u => u.SectionFailed(section, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", "UserAuthenticationMethod.Read.All"));

        var (status, error, _) = UserSection(Entry(built), section);
        status.Should().Be(SectionStatus.Failed);
        error!.HttpStatus.Should().Be(403);
        error.Code.Should().Be("Authorization_RequestDenied");
        error.RequiredPermissions.Should().Equal("UserAuthenticationMethod.Read.All");
        built.Str($"{U}/sections/{name}/status").Should().Be("failed");
        built.Str($"{U}/sections/{name}/error/message").Should().Be("Insufficient privileges to complete the operation.");
    }

    [Theory]
    [InlineData(UserSectionName.AuthenticationRequirements, "authenticationRequirements")]
    [InlineData(UserSectionName.AuthenticationMethods, "authenticationMethods")]
    [InlineData(UserSectionName.TransitiveMemberOf, "transitiveMemberOf")]
    public void SectionNotCaptured_records_the_reason_and_SectionCaptured_undoes_it(UserSectionName section, string name)
    {
        var built = One(u => u.SectionNotCaptured(section, "Not requested."));

        var (status, _, reason) = UserSection(Entry(built), section);
        status.Should().Be(SectionStatus.NotCaptured);
        reason.Should().Be("Not requested.");
        built.Str($"{U}/sections/{name}/reason").Should().Be("Not requested.");

        UserSection(Entry(One(u => u.SectionNotCaptured(section).SectionCaptured(section))), section).Status.Should().Be(SectionStatus.Captured);
    }

    [Fact]
    public void Setting_a_sections_value_after_a_failure_captures_it_again()
    {
        var entry = Entry(One(u => u
            .SectionFailed(UserSectionName.AuthenticationRequirements, 403)
            .PerUserMfa(PerUserMfaState.Enforced)
            .SectionFailed(UserSectionName.AuthenticationMethods, 403)
            .NoMfaMethods()
            .SectionFailed(UserSectionName.TransitiveMemberOf, 403)
            .MemberOf("All Staff")));

        entry.Sections.AuthenticationRequirements.IsCaptured.Should().BeTrue();
        entry.Sections.AuthenticationMethods.IsCaptured.Should().BeTrue();
        entry.Sections.TransitiveMemberOf.IsCaptured.Should().BeTrue();
    }

    [Fact]
    public void Extra_user_properties_are_kept()
    {
        var built = One(u => u.Property("employeeHireDate", "\"2024-03-01T00:00:00Z\"").Property("department", "null"));

        Entry(built).User.Json.GetProperty("employeeHireDate").GetString().Should().Be("2024-03-01T00:00:00Z");
        built.Str($"{U}/user/employeeHireDate").Should().Be("2024-03-01T00:00:00Z");
        built.Has($"{U}/user", "department").Should().BeTrue();
        new SnapshotBuilder().Invoking(b => b.WithUser("x@contoso.com", u => u.Property("userType", "\"Guest\""))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_upn_without_at_sign_is_rejected()
    {
        new SnapshotBuilder().Invoking(b => b.WithUser("backup")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Users_keep_the_order_they_were_added_in()
    {
        var built = Built.From(new SnapshotBuilder().WithUser("c@contoso.com").WithUser("a@contoso.com").WithUser("b@contoso.com"));

        built.Snapshot.Users.Select(u => u.User.UserPrincipalName).Should().Equal("c@contoso.com", "a@contoso.com", "b@contoso.com");
        built.Snapshot.Users.Select(u => u.Index).Should().Equal(0, 1, 2);
    }

    private static (SectionStatus Status, SectionError? Error, string? Reason) UserSection(UserEntry entry, UserSectionName section) => section switch
    {
        UserSectionName.AuthenticationRequirements => (entry.Sections.AuthenticationRequirements.Status, entry.Sections.AuthenticationRequirements.Error, entry.Sections.AuthenticationRequirements.Reason),
        UserSectionName.AuthenticationMethods => (entry.Sections.AuthenticationMethods.Status, entry.Sections.AuthenticationMethods.Error, entry.Sections.AuthenticationMethods.Reason),
        _ => (entry.Sections.TransitiveMemberOf.Status, entry.Sections.TransitiveMemberOf.Error, entry.Sections.TransitiveMemberOf.Reason),
    };
}
