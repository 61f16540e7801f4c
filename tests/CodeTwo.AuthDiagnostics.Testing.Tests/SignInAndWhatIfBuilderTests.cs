using System.Text;
using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Testing.Tests.Support;

namespace CodeTwo.AuthDiagnostics.Testing.Tests;

/// <summary>The catalog v1.2 user sections: <c>signIns</c> and <c>conditionalAccessEvaluation</c>.</summary>
public sealed class SignInAndWhatIfBuilderTests
{
    private const string U = "/users/0";
    private const string Upn = "backup@contoso.com";

    private static Built One(Action<UserBuilder> configure, Action<SnapshotBuilder>? tenant = null)
    {
        var builder = new SnapshotBuilder().WithUser(Upn, configure);
        tenant?.Invoke(builder);
        return Built.From(builder);
    }

    private static UserEntry Entry(Built built) => built.Snapshot.Users[0];

    // ----- absent by default -----

    [Fact]
    public void By_default_neither_section_is_in_the_document_and_the_bytes_do_not_mention_them()
    {
        var builder = new SnapshotBuilder().WithUser(Upn).WithUser("alice@contoso.com", u => u.SectionFailed(UserSectionName.AuthenticationMethods, 403));
        var built = Built.From(builder);

        built.Has($"{U}/sections", "signIns").Should().BeFalse();
        built.Has($"{U}/sections", "conditionalAccessEvaluation").Should().BeFalse();
        Entry(built).Sections.SignIns.Should().BeSameAs(UserSections.NotCaptured.SignIns);
        Entry(built).Sections.ConditionalAccessEvaluation.Should().BeSameAs(UserSections.NotCaptured.ConditionalAccessEvaluation);
        built.Snapshot.Contents.Users[0].Sections.Select(s => s.Name).Should().Equal("authenticationRequirements", "authenticationMethods", "transitiveMemberOf");
        string text = Encoding.UTF8.GetString(builder.BuildDocument().Span);
        text.Should().NotContain("signIns").And.NotContain("conditionalAccessEvaluation");
    }

    [Fact]
    public void Adding_the_sections_to_one_user_leaves_the_other_users_bytes_alone()
    {
        var plain = new SnapshotBuilder().WithUser("alice@contoso.com").WithUser(Upn);
        var withSections = plain.Clone().WithUser(Upn, u => u
            .SignIn(TimeSpan.FromHours(1), "IMAP4", 0)
            .WhatIf(ClientAppType.Other, r => r.Applies("00000000-0000-0000-0000-000000000001")));

        var before = JsonNode.Parse(plain.BuildJson())!;
        var after = JsonNode.Parse(withSections.BuildJson())!;
        after["users"]![0]!.ToJsonString().Should().Be(before["users"]![0]!.ToJsonString());
        after["sections"]!.ToJsonString().Should().Be(before["sections"]!.ToJsonString());
        plain.BuildJson().Should().NotContain("signIns", "the clone's additions do not leak into the original");
    }

    [Theory]
    [InlineData(UserSectionName.SignIns, "signIns")]
    [InlineData(UserSectionName.ConditionalAccessEvaluation, "conditionalAccessEvaluation")]
    public void Naming_an_optional_section_puts_it_into_the_document(UserSectionName section, string name)
    {
        var failed = One(u => u.SectionFailed(section, 403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license", "AuditLog.Read.All", "Directory.Read.All"));
        failed.Str($"{U}/sections/{name}/status").Should().Be("failed");
        failed.Str($"{U}/sections/{name}/error/code").Should().Be("Authentication_RequestFromNonPremiumTenantOrB2CTenant");
        failed.At($"{U}/sections/{name}/error/httpStatus")!.GetValue<int>().Should().Be(403);
        failed.Strings($"{U}/sections/{name}/error/requiredPermissions").Should().Equal("AuditLog.Read.All", "Directory.Read.All");

        var notCaptured = One(u => u.SectionNotCaptured(section, "Not requested."));
        notCaptured.Str($"{U}/sections/{name}/status").Should().Be("notCaptured");
        notCaptured.Str($"{U}/sections/{name}/reason").Should().Be("Not requested.");

        var captured = One(u => u.SectionCaptured(section));
        captured.Str($"{U}/sections/{name}/status").Should().Be("captured");
        captured.At($"{U}/sections/{name}/value")!.AsArray().Should().BeEmpty();

        One(u => u.SectionFailed(section, 403).SectionCaptured(section)).Str($"{U}/sections/{name}/status").Should().Be("captured");
        captured.Snapshot.Contents.Users[0].Sections.Select(s => s.Name).Should().Contain(name);
    }

    [Fact]
    public void Adding_content_after_a_failure_captures_the_section_again()
    {
        var entry = Entry(One(u => u
            .SectionFailed(UserSectionName.SignIns, 403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant")
            .SignIn(TimeSpan.FromHours(2), "Authenticated SMTP", 0)
            .SectionNotCaptured(UserSectionName.ConditionalAccessEvaluation)
            .WhatIfRegisterSecurityInfo(r => r.Applies("00000000-0000-0000-0000-000000000001"))));

        entry.Sections.SignIns.IsCaptured.Should().BeTrue();
        entry.Sections.SignIns.Value.Should().ContainSingle();
        entry.Sections.ConditionalAccessEvaluation.IsCaptured.Should().BeTrue();
    }

    // ----- sign-ins -----

    [Fact]
    public void A_sign_in_is_a_realistic_graph_beta_signIn_object()
    {
        var at = new DateTimeOffset(2026, 11, 23, 17, 4, 9, TimeSpan.Zero);
        var built = One(u => u.DisplayName("Backup Service").SignIn(at, "Authenticated SMTP", 50126));
        string userId = Entry(built).User.Id;

        var signIn = built.At($"{U}/sections/signIns/value/0")!.AsObject();
        signIn.Select(p => p.Key).Should().Equal(
            "id", "createdDateTime", "userDisplayName", "userPrincipalName", "userId", "appId", "appDisplayName", "ipAddress", "clientAppUsed",
            "correlationId", "conditionalAccessStatus", "isInteractive", "resourceDisplayName", "resourceId", "status", "deviceDetail", "location",
            "appliedConditionalAccessPolicies", "signInEventTypes", "authenticationRequirement");
        Guid.TryParse(signIn["id"]!.GetValue<string>(), out _).Should().BeTrue();
        signIn["createdDateTime"]!.GetValue<string>().Should().Be("2026-11-23T17:04:09Z");
        signIn["userDisplayName"]!.GetValue<string>().Should().Be("Backup Service");
        signIn["userPrincipalName"]!.GetValue<string>().Should().Be(Upn);
        signIn["userId"]!.GetValue<string>().Should().Be(userId);
        signIn["appId"]!.GetValue<string>().Should().Be(KnownApps.ExchangeOnline);
        signIn["appDisplayName"]!.GetValue<string>().Should().Be("Office 365 Exchange Online");
        signIn["ipAddress"]!.GetValue<string>().Should().StartWith("198.51.100.");
        signIn["clientAppUsed"]!.GetValue<string>().Should().Be("Authenticated SMTP");
        signIn["conditionalAccessStatus"]!.GetValue<string>().Should().Be("notApplied");
        signIn["isInteractive"]!.GetValue<bool>().Should().BeTrue();
        signIn["status"]!.ToJsonString().Should().Be("""{"errorCode":50126,"failureReason":"Error validating credentials due to invalid username or password.","additionalDetails":null}""");
        signIn["deviceDetail"]!["displayName"]!.GetValue<string>().Should().BeEmpty();
        signIn["location"]!.ToJsonString().Should().Be("""{"city":"Redmond","state":"Washington","countryOrRegion":"US"}""");
        signIn["appliedConditionalAccessPolicies"]!.AsArray().Should().BeEmpty();
        built.Strings($"{U}/sections/signIns/value/0/signInEventTypes").Should().Equal("interactiveUser");

        var read = Entry(built).Sections.SignIns.Value!.Should().ContainSingle().Subject;
        read.CreatedDateTime.Should().Be(at);
        read.ClientAppUsed.Should().Be("Authenticated SMTP");
        read.ErrorCode.Should().Be(50126);
        read.CountryOrRegion.Should().Be("US");
    }

    [Fact]
    public void The_configured_members_are_written()
    {
        var built = One(u => u.SignIn(TimeSpan.FromMinutes(5), "IMAP4", 53003, s => s
            .Id("0b5bd2b5-2ba1-4b3c-9f0e-5d1c3b6f1a00")
            .FailureReason("Blocked.")
            .AdditionalDetails("Details.")
            .AppliedPolicy("11111111-2222-4333-8444-555555555555", "Old name", "failure")
            .AppliedPolicy("22222222-2222-4333-8444-555555555555", null, "reportOnlyFailure")
            .IpAddress("2001:db8::7")
            .Location("Kraków", "PL", "Małopolskie")
            .DeviceName("SCANNER-01")
            .NonInteractive()));

        var s = built.At($"{U}/sections/signIns/value/0")!;
        s["id"]!.GetValue<string>().Should().Be("0b5bd2b5-2ba1-4b3c-9f0e-5d1c3b6f1a00");
        s["status"]!.ToJsonString().Should().Be("""{"errorCode":53003,"failureReason":"Blocked.","additionalDetails":"Details."}""");
        s["ipAddress"]!.GetValue<string>().Should().Be("2001:db8::7");
        s["location"]!["city"]!.GetValue<string>().Should().Be("Kraków");
        s["location"]!["state"]!.GetValue<string>().Should().Be("Małopolskie");
        s["location"]!["countryOrRegion"]!.GetValue<string>().Should().Be("PL");
        s["deviceDetail"]!["displayName"]!.GetValue<string>().Should().Be("SCANNER-01");
        s["isInteractive"]!.GetValue<bool>().Should().BeFalse();
        s["signInEventTypes"]!.ToJsonString().Should().Be("""["nonInteractiveUser"]""");
        s["conditionalAccessStatus"]!.GetValue<string>().Should().Be("failure");
        s["appliedConditionalAccessPolicies"]!.ToJsonString().Should().Be(
            """[{"id":"11111111-2222-4333-8444-555555555555","displayName":"Old name","enforcedGrantControls":[],"enforcedSessionControls":[],"result":"failure"},"""
            + """{"id":"22222222-2222-4333-8444-555555555555","displayName":null,"enforcedGrantControls":[],"enforcedSessionControls":[],"result":"reportOnlyFailure"}]""");

        var read = Entry(built).Sections.SignIns.Value![0];
        read.AppliedConditionalAccessPolicies.Select(p => (p.Id, p.DisplayName, p.Result)).Should().Equal(
            ("11111111-2222-4333-8444-555555555555", "Old name", "failure"),
            ("22222222-2222-4333-8444-555555555555", null, "reportOnlyFailure"));
        read.IpAddress.Should().Be("2001:db8::7");
        read.FailureReason.Should().Be("Blocked.");
    }

    [Fact]
    public void An_applied_policy_named_by_display_name_takes_the_snapshot_policys_id_name_and_grant()
    {
        var built = One(
            u => u.SignIn(TimeSpan.FromHours(1), "Authenticated SMTP", 53003, s => s.AppliedPolicy("Block legacy authentication", null, "failure")),
            b => b.WithConditionalAccessPolicy("Block legacy authentication", p => p.IncludeUsers(KnownUsers.All).ClientAppTypes(ClientAppType.Other).Block()));

        var policy = built.Snapshot.Sections.ConditionalAccessPolicies.Value!.Single();
        var applied = built.At($"{U}/sections/signIns/value/0/appliedConditionalAccessPolicies/0")!;
        applied["id"]!.GetValue<string>().Should().Be(policy.Id);
        applied["displayName"]!.GetValue<string>().Should().Be("Block legacy authentication");
        applied["enforcedGrantControls"]!.ToJsonString().Should().Be("""["Block"]""");
    }

    [Fact]
    public void Sign_ins_are_newest_first_and_relative_times_follow_capturedAt_set_later()
    {
        var capturedAt = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var builder = new SnapshotBuilder()
            .WithUser(Upn, u => u
                .SignIn(TimeSpan.FromDays(2), "POP3", 0)
                .SignIn(capturedAt.AddHours(-1), "IMAP4", 0)
                .SignIn(TimeSpan.FromHours(1), "Authenticated SMTP", 0)
                .SignIn(TimeSpan.FromMinutes(10), "Exchange ActiveSync", 50076))
            .WithCapturedAt(capturedAt);
        var built = Built.From(builder);

        var signIns = Entry(built).Sections.SignIns.Value!;
        signIns.Select(s => (s.ClientAppUsed, s.CreatedDateTime)).Should().Equal(
            ("Exchange ActiveSync", capturedAt.AddMinutes(-10)),
            ("IMAP4", capturedAt.AddHours(-1)),
            ("Authenticated SMTP", capturedAt.AddHours(-1)),
            ("POP3", capturedAt.AddDays(-2)));
        signIns.Select(s => s.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Sign_in_ids_are_deterministic_and_distinct_for_identical_sign_ins()
    {
        static SnapshotBuilder Make() => new SnapshotBuilder().WithUser(Upn, u => u
            .SignIn(TimeSpan.FromHours(1), "Authenticated SMTP", 0)
            .SignIn(TimeSpan.FromHours(1), "Authenticated SMTP", 0)
            .WhatIf(ClientAppType.Other, r => r.Applies("Block legacy authentication"))
            .WhatIfRegisterSecurityInfo(r => r.DoesNotApply("Block legacy authentication", "userActions")))
            .WithConditionalAccessPolicy("Block legacy authentication", p => p.ClientAppTypes(ClientAppType.Other).Block());

        Make().BuildUtf8().Should().Equal(Make().BuildUtf8());
        Make().Clone().BuildUtf8().Should().Equal(Make().BuildUtf8());
        var ids = Built.From(Make()).Snapshot.Users[0].Sections.SignIns.Value!.Select(s => s.Id).ToArray();
        ids.Should().HaveCount(2).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Bad_sign_in_arguments_are_rejected()
    {
        var b = new SnapshotBuilder();
        b.Invoking(x => x.WithUser(Upn, u => u.SignIn(TimeSpan.Zero, " ", 0))).Should().Throw<ArgumentException>();
        b.Invoking(x => x.WithUser(Upn, u => u.SignIn(TimeSpan.Zero, "IMAP4", 0, s => s.IpAddress("not an ip")))).Should().Throw<ArgumentException>();
        b.Invoking(x => x.WithUser(Upn, u => u.SignIn(TimeSpan.Zero, "IMAP4", 0, s => s.AppliedPolicy("", null, "failure")))).Should().Throw<ArgumentException>();
        b.Invoking(x => x.WithUser(Upn, u => u.WhatIf(ClientAppType.Other, r => r.DoesNotApply("p", " ")))).Should().Throw<ArgumentException>();
        b.Invoking(x => x.WithUser(Upn, u => u.WhatIf(ClientAppType.Other, r => r.IpAddress("999.1.1.1")))).Should().Throw<ArgumentException>();
    }

    // ----- What-If -----

    [Fact]
    public void A_WhatIf_entry_is_the_documented_request_and_the_answer()
    {
        var built = One(
            u => u.WhatIf(ClientAppType.Other, r => r
                .Applies("Block legacy authentication")
                .DoesNotApply("Require MFA", "users,location")
                .Result("33333333-3333-4333-8333-333333333333", false, "notEnoughInformation")
                .IpAddress("203.0.113.9")
                .Country("PL")),
            b => b
                .WithConditionalAccessPolicy("Block legacy authentication", p => p.ClientAppTypes(ClientAppType.Other).Block())
                .WithConditionalAccessPolicy("Require MFA", p => p.RequireMfa()));
        string userId = Entry(built).User.Id;

        built.At($"{U}/sections/conditionalAccessEvaluation/value/0/request")!.ToJsonString().Should().Be(
            $$"""{"signInIdentity":{"@odata.type":"#microsoft.graph.userSignIn","userId":"{{userId}}"},"signInContext":{"@odata.type":"#microsoft.graph.applicationContext","includeApplications":["00000002-0000-0ff1-ce00-000000000000"]},"signInConditions":{"clientAppType":"other","ipAddress":"203.0.113.9","country":"PL"},"appliedPoliciesOnly":false}""");

        var policies = built.At("/sections/conditionalAccessPolicies/value")!.AsArray();
        var results = built.At($"{U}/sections/conditionalAccessEvaluation/value/0/value")!.AsArray();
        results.Should().HaveCount(3);
        for (int i = 0; i < 2; i++)
        {
            var result = results[i]!.DeepClone().AsObject();
            result.Remove("policyApplies");
            result.Remove("analysisReasons");
            result.ToJsonString().Should().Be(policies[i]!.ToJsonString(), "a result is the snapshot's full policy plus the answer");
        }

        results[0]!["policyApplies"]!.GetValue<bool>().Should().BeTrue();
        results[0]!["analysisReasons"]!.GetValue<string>().Should().Be("notSet");
        results[1]!["policyApplies"]!.GetValue<bool>().Should().BeFalse();
        results[1]!["analysisReasons"]!.GetValue<string>().Should().Be("users,location");
        results[2]!.ToJsonString().Should().Be("""{"id":"33333333-3333-4333-8333-333333333333","displayName":null,"state":"enabled","policyApplies":false,"analysisReasons":"notEnoughInformation"}""");

        var evaluation = Entry(built).Sections.ConditionalAccessEvaluation.Value!.Should().ContainSingle().Subject;
        evaluation.ContextKind.Should().Be(EvaluationContextKind.Application);
        evaluation.IncludeApplications.Should().Equal(KnownApps.ExchangeOnline);
        evaluation.ClientAppType.Should().Be(ClientAppType.Other);
        evaluation.Results.Select(r => (r.Id, r.PolicyApplies, r.AnalysisReasonsValue)).Should().Equal(
            (policies[0]!["id"]!.GetValue<string>(), true, "notSet"),
            (policies[1]!["id"]!.GetValue<string>(), false, "users,location"),
            ("33333333-3333-4333-8333-333333333333", false, "notEnoughInformation"));
        evaluation.Results[1].AnalysisReasons.Should().Equal("users", "location");
    }

    [Fact]
    public void WhatIf_for_another_app_and_the_security_info_registration_are_written_in_call_order()
    {
        var built = One(u => u
            .WhatIf(ClientAppType.ExchangeActiveSync, KnownApps.Office365, r => r.Applies("00000000-0000-0000-0000-00000000000a"))
            .WhatIfRegisterSecurityInfo(r => r.DoesNotApply("00000000-0000-0000-0000-00000000000a", "userActions"))
            .WhatIf(ClientAppType.Other, r => { }));

        built.At($"{U}/sections/conditionalAccessEvaluation/value/0/request/signInContext")!.ToJsonString().Should().Be(
            $$"""{"@odata.type":"#microsoft.graph.applicationContext","includeApplications":["{{KnownApps.Office365}}"]}""");
        built.Str($"{U}/sections/conditionalAccessEvaluation/value/0/request/signInConditions/clientAppType").Should().Be("exchangeActiveSync");
        built.At($"{U}/sections/conditionalAccessEvaluation/value/1/request/signInContext")!.ToJsonString().Should().Be(
            """{"@odata.type":"#microsoft.graph.userActionContext","userAction":"registerSecurityInformation"}""");
        built.At($"{U}/sections/conditionalAccessEvaluation/value/1/request/signInConditions")!.ToJsonString().Should().Be("""{"clientAppType":"browser"}""");
        built.At($"{U}/sections/conditionalAccessEvaluation/value/2/value")!.AsArray().Should().BeEmpty();

        var evaluations = Entry(built).Sections.ConditionalAccessEvaluation.Value!;
        evaluations.Select(e => (e.ContextKind, e.ClientAppType, e.UserAction)).Should().Equal(
            (EvaluationContextKind.Application, ClientAppType.ExchangeActiveSync, null),
            (EvaluationContextKind.UserAction, ClientAppType.Browser, "registerSecurityInformation"),
            (EvaluationContextKind.Application, ClientAppType.Other, null));
    }

    [Fact]
    public void A_later_result_for_the_same_policy_replaces_the_earlier_one_in_place()
    {
        var built = One(u => u.WhatIf(ClientAppType.Other, r => r
            .Applies("00000000-0000-0000-0000-00000000000a")
            .Applies("00000000-0000-0000-0000-00000000000b")
            .DoesNotApply("00000000-0000-0000-0000-00000000000A", "clientApps")));

        Entry(built).Sections.ConditionalAccessEvaluation.Value![0].Results.Select(r => (r.Id, r.PolicyApplies)).Should().Equal(
            ("00000000-0000-0000-0000-00000000000A", false),
            ("00000000-0000-0000-0000-00000000000b", true));
    }

    // ----- the in-memory tenant keeps them -----

    [Fact]
    public async Task The_in_memory_tenant_keeps_both_sections_through_writes_and_captures()
    {
        var snapshot = new SnapshotBuilder()
            .WithUser(Upn, u => u
                .SignIn(TimeSpan.FromHours(1), "Authenticated SMTP", 50076, s => s.IpAddress("203.0.113.5"))
                .WhatIf(ClientAppType.Other, r => r.DoesNotApply("00000000-0000-0000-0000-00000000000a", "users")))
            .Build();
        string before = SnapshotWriter.ToJson(snapshot);
        string userId = snapshot.Users[0].User.Id;
        var tenant = new InMemoryTenant(snapshot);

        var response = await tenant.SendAsync(
            new GraphRequest("PATCH", $"https://graph.microsoft.com/beta/users/{userId}/authentication/requirements", """{"perUserMfaState":"enforced"}"""),
            TestContext.Current.CancellationToken);
        response.StatusCode.Should().BeLessThan(300);

        var after = JsonNode.Parse(tenant.ToJson())!;
        var original = JsonNode.Parse(before)!;
        after["users"]![0]!["sections"]!["authenticationRequirements"]!["value"]!["perUserMfaState"]!.GetValue<string>().Should().Be("enforced");
        after["users"]![0]!["sections"]!["signIns"]!.ToJsonString().Should().Be(original["users"]![0]!["sections"]!["signIns"]!.ToJsonString());
        after["users"]![0]!["sections"]!["conditionalAccessEvaluation"]!.ToJsonString().Should().Be(original["users"]![0]!["sections"]!["conditionalAccessEvaluation"]!.ToJsonString());

        var captured = await tenant.CaptureAsync(SnapshotRequest.ForUser(Upn), TestContext.Current.CancellationToken);
        captured.Users[0].Sections.SignIns.Value.Should().ContainSingle();
        captured.Users[0].Sections.ConditionalAccessEvaluation.Value.Should().ContainSingle();
    }
}
