using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Graph.Fakes;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>
/// A live capture, through the fake Graph, of a user whose product sends the account's own password: per-user MFA
/// <c>disabled</c>, a Conditional Access policy requiring MFA, and a newest <c>Authenticated SMTP</c> sign-in answered
/// 50076 (MFA required); and the same with per-user MFA enforced, where the observation alone makes the verdict
/// <c>unusable</c> (catalog v1.2's APW073, issue #18).
/// </summary>
public sealed class ObservedSignInEndToEndTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_live_capture_records_the_newest_SMTP_sign_in_that_asked_for_MFA()
    {
        var (tenant, signIn) = ProductSendingTheAccountPassword();
        await using var host = await GraphTestHost.StartAsync(tenant, o => o.LegacyProtocols = LegacyProtocols.SmtpAuth, new FastForwardTimeProvider(Now));

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);

        var sections = snapshot.Users.Should().ContainSingle().Subject.Sections;
        sections.AuthenticationRequirements.Value!.PerUserMfaState.Should().Be(PerUserMfaState.Disabled);
        var newest = sections.SignIns.Value!.Should().HaveCount(2).And.Subject.First();
        newest.Id.Should().Be((string)signIn["id"]!);
        newest.ClientAppUsed.Should().Be("Authenticated SMTP");
        newest.ErrorCode.Should().Be(50076);
        var evaluation = sections.ConditionalAccessEvaluation.Value!.Should().HaveCount(2).And.Subject.First();
        evaluation.Results.Should().ContainSingle(r => r.Id == "7c1c2a1e-0000-4000-8000-000000000001" && r.PolicyApplies);
        evaluation.Json.GetProperty("request").GetProperty("signInConditions").GetProperty("ipAddress").GetString().Should().Be("198.51.100.23");
    }

    /// <summary>
    /// Catalog v1.2 §3 (APW073), live and offline: the diagnosis of the capture, and of the same snapshot written to a file
    /// and read back, are the same document.
    /// </summary>
    [Theory]
    [InlineData("disabled")]
    [InlineData("enforced")]
    public async Task The_diagnosis_says_the_product_sends_the_account_password(string perUserMfaState)
    {
        var (tenant, _) = ProductSendingTheAccountPassword(perUserMfaState);
        await using var host = await GraphTestHost.StartAsync(tenant, o => o.LegacyProtocols = LegacyProtocols.SmtpAuth, new FastForwardTimeProvider(Now));
        var diagnostics = new ServiceCollection().AddAuthDiagnostics(o => o.LegacyProtocols = LegacyProtocols.SmtpAuth).Services.BuildServiceProvider().GetRequiredService<IAuthDiagnostics>();

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);
        var diagnosis = diagnostics.Diagnose(snapshot, UserRef.Parse("backup@contoso.com"));

        // With per-user MFA disabled the brief's "unusable" is "unavailable" in the merged engine, rightly by the
        // catalog's precedence: App password is hidden (APW011, an availability blocker), which outranks APW073's
        // usability blocker. With per-user MFA enforced the option exists and the observation makes it "unusable".
        string findings = string.Join("; ", diagnosis.Findings.Select(f => f.Code + " " + f.Severity));
        diagnosis.Verdict.Should().Be(perUserMfaState == "disabled" ? Verdict.Unavailable : Verdict.Unusable, findings);
        diagnosis.Findings.Should().Contain(f => f.Code == "APW073" && f.Severity == Severity.Blocker, findings);
        var steps = diagnosis.Plan.Steps.Select(s => s.Id).ToList();
        steps.Should().Contain("configure-product-app-password");
        var offline = diagnostics.Diagnose(TenantSnapshot.Parse(SnapshotWriter.ToJson(snapshot)), UserRef.Parse("backup@contoso.com"));
        CodeTwo.AuthDiagnostics.Rendering.DiagnosisJson.Serialize(offline).Should().Be(CodeTwo.AuthDiagnostics.Rendering.DiagnosisJson.Serialize(diagnosis), "live = offline");
        if (perUserMfaState == "disabled")
        {
            diagnosis.Findings.Should().Contain(f => f.Code == "APW011", findings);
            steps.IndexOf("configure-product-app-password").Should().BeGreaterThan(steps.IndexOf("enforce-per-user-mfa"), "the product is set up after per-user MFA is enforced (catalog v1.2 §3)");
        }
    }

    /// <summary>The seed tenant's shape: security defaults off, one enabled policy requiring MFA of everyone, backup@contoso.com with per-user MFA disabled.</summary>
    private static (FakeTenant Tenant, JsonObject NewestSignIn) ProductSendingTheAccountPassword(string perUserMfaState = "disabled")
    {
        var tenant = ObservationCaptureTests.TenantWithMfaPolicy(0);
        var user = new FakeUser
        {
            User = JsonNode.Parse("""{"id":"cbf27734-ac10-4525-8b66-402800e03d2c","userPrincipalName":"backup@contoso.com","displayName":"Backup service account","accountEnabled":true,"userType":"Member","onPremisesSyncEnabled":null,"signInSessionsValidFromDateTime":"2026-01-01T00:00:00Z"}""")!.AsObject(),
            Requirements = new JsonObject { ["perUserMfaState"] = perUserMfaState },
            Methods = [JsonNode.Parse("""{"@odata.type":"#microsoft.graph.passwordAuthenticationMethod","id":"28c10230-6103-485e-b985-444c60001490"}""")],
            MemberOf = [],
        };
        tenant.Users.Add(user);
        var newest = FakeTenant.SignIn(user, "Authenticated SMTP", Now.AddMinutes(-30), 50076, "198.51.100.23", "PL", policies: ("7c1c2a1e-0000-4000-8000-000000000001", "Require MFA", "failure"));
        tenant.SignIns.Add(FakeTenant.SignIn(user, "Authenticated SMTP", Now.AddDays(-1), 50076, "198.51.100.23", "PL", policies: ("7c1c2a1e-0000-4000-8000-000000000001", "Require MFA", "failure")));
        tenant.SignIns.Add(newest);
        return (tenant, newest);
    }
}
