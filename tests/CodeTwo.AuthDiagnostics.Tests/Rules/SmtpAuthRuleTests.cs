using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Baseline;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>APW062, APW063, APW092 with SMTP AUTH declared, over the optional exchangeOnline section (catalog v1.1 §1, §6.8–9).</summary>
public sealed class SmtpAuthRuleTests
{
    private const string Identity = "'backup@contoso.com'";

    private static Fixture WithExchange(bool tenantDisabled, JsonObject? mailbox = null, string? defaultPolicy = null, params (string Name, bool Allow)[] policies) =>
        Healthy.With(root =>
        {
            var users = new JsonObject();
            if (mailbox is not null)
            {
                users[UserId] = mailbox;
            }

            root["sections"]!["exchangeOnline"] = Edit.Captured(new JsonObject
            {
                ["smtpClientAuthenticationDisabled"] = tenantDisabled,
                ["defaultAuthenticationPolicy"] = defaultPolicy,
                ["authenticationPolicies"] = new JsonArray(policies.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["allowBasicAuthSmtp"] = p.Allow }).ToArray()),
                ["users"] = users,
            });
        });

    private static JsonObject Mailbox(bool? disabled, string? policy = null) => new() { ["smtpClientAuthenticationDisabled"] = disabled, ["authenticationPolicy"] = policy };

    private static DiagnosisResult Smtp(Fixture fixture) => Diagnose.User(fixture, options => options.LegacyProtocols = LegacyProtocols.SmtpAuth);

    [Fact]
    public void APW063_fires_for_a_mailbox_switched_off_and_plans_Set_CASMailbox_with_its_rollback()
    {
        var fixture = WithExchange(tenantDisabled: false, Mailbox(true));

        var diagnosis = Smtp(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        diagnosis.ShouldFire(fixture, DiagnosticCodes.SmtpAuthDisabledForMailbox, Severity.Blocker, FindingKind.Usability, rootCause: true, $"/sections/exchangeOnline/value/users/{UserId}/smtpClientAuthenticationDisabled", Upn);
        diagnosis.Codes().Should().NotContain([DiagnosticCodes.ExchangeSettingsNotCaptured, DiagnosticCodes.SmtpAuthBasicOffByDefault]);
        var step = diagnosis.Plan.FindStep(PlanStepIds.AllowSmtpAuth)!;
        step.Kind.Should().Be(PlanStepKind.Manual);
        step.Command.Should().Be($"Set-CASMailbox -Identity {Identity} -SmtpClientAuthenticationDisabled $false");
        step.RollbackCommand.Should().Be($"Set-CASMailbox -Identity {Identity} -SmtpClientAuthenticationDisabled $true");
        step.Fixes.Should().Equal(DiagnosticCodes.SmtpAuthDisabledForMailbox);
        step.Request.Should().BeNull("no Graph API reaches Exchange Online's settings");
        diagnosis.Counterfactual.ReachesAvailable.Should().BeTrue();
        diagnosis.Counterfactual.Changes.Should().Equal(PlanStepIds.AllowSmtpAuth);
        CodeTwo.AuthDiagnostics.Rendering.DiagnosisJson.Serialize(diagnosis).Should().Contain("\"command\": \"Set-CASMailbox");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void APW063_fires_for_a_mailbox_that_follows_a_tenant_switched_off_and_rolls_back_to_null(bool listed)
    {
        var fixture = WithExchange(tenantDisabled: true, listed ? Mailbox(null) : null);

        var diagnosis = Smtp(fixture);

        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.SmtpAuthDisabledForMailbox, Severity.Blocker, FindingKind.Usability, rootCause: true, "/sections/exchangeOnline/value/smtpClientAuthenticationDisabled", Upn);
        finding.Explanation.Should().Contain("follows the tenant");
        diagnosis.Plan.FindStep(PlanStepIds.AllowSmtpAuth)!.RollbackCommand.Should().Be($"Set-CASMailbox -Identity {Identity} -SmtpClientAuthenticationDisabled $null");
    }

    [Fact]
    public void APW063_stays_silent_for_a_mailbox_switched_on_under_a_tenant_switched_off()
    {
        var diagnosis = Smtp(WithExchange(tenantDisabled: true, Mailbox(false)));

        diagnosis.Codes().Should().NotContain([DiagnosticCodes.SmtpAuthDisabledForMailbox, DiagnosticCodes.ExchangeSettingsNotCaptured, DiagnosticCodes.SmtpAuthBasicOffByDefault]);
        diagnosis.Verdict.Should().Be(Verdict.Available);
        diagnosis.Plan.Steps.Should().BeEmpty();
    }

    [Fact]
    public void APW063_fires_for_the_default_authentication_policy_and_plans_a_dedicated_policy()
    {
        var fixture = WithExchange(tenantDisabled: false, null, "Block Basic", ("Block Basic", false));

        var diagnosis = Smtp(fixture);

        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.SmtpAuthDisabledForMailbox, Severity.Blocker, FindingKind.Usability, rootCause: true, "/sections/exchangeOnline/value/authenticationPolicies/0/allowBasicAuthSmtp", Upn, "Block Basic");
        finding.Evidence.Select(e => e.Path).Should().Contain("/sections/exchangeOnline/value/defaultAuthenticationPolicy");
        var step = diagnosis.Plan.FindStep(PlanStepIds.AllowSmtpAuth)!;
        step.Command.Should().Be($"New-AuthenticationPolicy -Name 'Allow SMTP AUTH Basic - backup@contoso.com' -AllowBasicAuthSmtp; Set-User -Identity {Identity} -AuthenticationPolicy 'Allow SMTP AUTH Basic - backup@contoso.com'");
        step.RollbackCommand.Should().Be($"Set-User -Identity {Identity} -AuthenticationPolicy $null");
        diagnosis.Counterfactual.ReachesAvailable.Should().BeTrue("the dedicated policy allows Basic SMTP AUTH");
    }

    [Fact]
    public void APW063_for_the_users_own_policy_rolls_back_to_it_and_a_policy_that_allows_is_silent()
    {
        var blocked = Smtp(WithExchange(tenantDisabled: false, Mailbox(null, "Strict"), "Open", ("Open", true), ("Strict", false)));
        var allowed = Smtp(WithExchange(tenantDisabled: false, Mailbox(null, "Open"), "Strict", ("Open", true), ("Strict", false)));

        blocked.Plan.FindStep(PlanStepIds.AllowSmtpAuth)!.RollbackCommand.Should().Be($"Set-User -Identity {Identity} -AuthenticationPolicy 'Strict'");
        allowed.ShouldNotFire(DiagnosticCodes.SmtpAuthDisabledForMailbox);
        allowed.Verdict.Should().Be(Verdict.Available);
    }

    [Fact]
    public void Mailbox_and_policy_both_in_the_way_give_both_commands_least_change_first()
    {
        var diagnosis = Smtp(WithExchange(tenantDisabled: true, null, "Block Basic", ("Block Basic", false)));

        var step = diagnosis.Plan.FindStep(PlanStepIds.AllowSmtpAuth)!;
        step.Command.Should().StartWith("Set-CASMailbox").And.Contain("New-AuthenticationPolicy");
        step.RollbackCommand.Should().StartWith("Set-User").And.EndWith("-SmtpClientAuthenticationDisabled $null");
        diagnosis.Counterfactual.ReachesAvailable.Should().BeTrue();
    }

    [Fact]
    public void Captured_and_off_from_2027_gives_APW063_only()
    {
        var diagnosis = Smtp(WithExchange(tenantDisabled: true).With(root => root["capturedAt"] = "2027-01-05T00:00:00Z"));

        diagnosis.Codes().Should().Contain(DiagnosticCodes.SmtpAuthDisabledForMailbox).And.NotContain([DiagnosticCodes.SmtpAuthBasicOffByDefault, DiagnosticCodes.ExchangeSettingsNotCaptured]);
    }

    [Fact]
    public void An_authentication_policy_that_is_not_captured_is_data_the_engine_cannot_use()
    {
        var fixture = WithExchange(tenantDisabled: false, null, "Missing", ("Other", true));

        var diagnosis = Smtp(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.DataNotCaptured, Severity.Warning, FindingKind.Data, rootCause: true, "/sections/exchangeOnline/value/defaultAuthenticationPolicy", "Missing");
        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
    }

    [Fact]
    public void A_failed_exchangeOnline_section_is_APW092()
    {
        var fixture = Healthy.With(root => root.TenantFailed("exchangeOnline", 401));

        var diagnosis = Smtp(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.ExchangeSettingsNotCaptured, Severity.Warning, FindingKind.Data, rootCause: false, "/sections/exchangeOnline/status", Upn);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }
}
