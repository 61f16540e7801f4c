
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Baseline;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>APW010, APW011, APW012, APW014, APW050, APW060, APW070, APW080, APW091: per-user MFA and tenant settings.</summary>
public sealed class TenantAndMfaRuleTests
{
    private const string PerUserMfaPath = "/users/0/sections/authenticationRequirements/value/perUserMfaState";

    /// <summary>An enabled policy that needs MFA from browsers and modern clients only: it never touches legacy sign-ins.</summary>
    private static readonly CaPolicy ModernClientsMfa = new()
    {
        DisplayName = "Require MFA for browser and modern clients",
        ClientAppTypes = ["browser", "mobileAppsAndDesktopClients"],
        BuiltInControls = ["mfa"],
    };

    [Fact]
    public void APW010_fires_when_security_defaults_are_on_and_alone_makes_the_verdict_unusable()
    {
        var fixture = Healthy.With(root => root.SecurityDefaults(true));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unusable, "security defaults block legacy sign-ins but do not hide the option");
        diagnosis.ShouldFire(fixture, DiagnosticCodes.SecurityDefaultsEnabled, Severity.Blocker, FindingKind.Usability, rootCause: true, "/sections/securityDefaults/value/isEnabled", Upn);
    }

    [Fact]
    public void APW010_stays_silent_when_security_defaults_are_off()
    {
        Diagnose.User(Healthy.With(root => root.SecurityDefaults(false))).ShouldNotFire(DiagnosticCodes.SecurityDefaultsEnabled);
    }

    [Fact]
    public void APW011_fires_when_per_user_MFA_is_disabled()
    {
        var fixture = Healthy.With(root => root.PerUserMfa("disabled"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unavailable);
        diagnosis.ShouldFire(fixture, DiagnosticCodes.PerUserMfaDisabled, Severity.Blocker, FindingKind.Availability, rootCause: true, PerUserMfaPath, Upn);
        diagnosis.ShouldNotFire(DiagnosticCodes.PerUserMfaEnabledNotEnforced);
    }

    [Fact]
    public void APW012_fires_when_per_user_MFA_is_enabled_but_not_enforced()
    {
        var fixture = Healthy.With(root => root.PerUserMfa("enabled"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unavailable);
        diagnosis.ShouldFire(fixture, DiagnosticCodes.PerUserMfaEnabledNotEnforced, Severity.Blocker, FindingKind.Availability, rootCause: true, PerUserMfaPath, Upn);
        diagnosis.ShouldNotFire(DiagnosticCodes.PerUserMfaDisabled);
    }

    [Fact]
    public void APW011_and_APW012_stay_silent_when_per_user_MFA_is_enforced()
    {
        var diagnosis = Diagnose.User(Healthy.With(root => root.PerUserMfa("enforced")));

        diagnosis.ShouldNotFire(DiagnosticCodes.PerUserMfaDisabled);
        diagnosis.ShouldNotFire(DiagnosticCodes.PerUserMfaEnabledNotEnforced);
    }

    [Fact]
    public void APW014_fires_when_the_tenant_switch_is_captured_off_and_only_a_manual_step_is_planned()
    {
        var fixture = Healthy.With(root => root.AppPasswordSwitch(false));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unavailable);
        diagnosis.ShouldFire(fixture, DiagnosticCodes.AppPasswordsDisabledForTenant, Severity.Blocker, FindingKind.Availability, rootCause: true, "/sections/mfaServicePolicy/value/allowAppPasswords", Upn);
        diagnosis.Plan.Steps.Should().ContainSingle().Which.Should().Match<PlanStep>(s => s.Id == PlanStepIds.AppPasswordSwitch && s.Kind == PlanStepKind.Manual);
        diagnosis.ShouldNotFire(DiagnosticCodes.TenantAppPasswordSettingUnknown);
    }

    [Fact]
    public void APW014_stays_silent_when_the_switch_is_on()
    {
        Diagnose.User(Healthy.With(root => root.AppPasswordSwitch(true))).ShouldNotFire(DiagnosticCodes.AppPasswordsDisabledForTenant);
    }

    [Fact]
    public void APW091_fires_when_the_switch_is_not_captured_and_does_not_downgrade_the_verdict()
    {
        var fixture = Healthy.With(root => root.TenantNotCaptured("mfaServicePolicy"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Available, "the catalog says a missing mfaServicePolicy never downgrades the verdict");
        diagnosis.ShouldFire(fixture, DiagnosticCodes.TenantAppPasswordSettingUnknown, Severity.Warning, FindingKind.Data, rootCause: false, "/sections/mfaServicePolicy/status", Upn);
        diagnosis.ShouldNotFire(DiagnosticCodes.DataNotCaptured);
        diagnosis.ShouldNotFire(DiagnosticCodes.AppPasswordsDisabledForTenant);
        var step = diagnosis.Plan.FindStep(PlanStepIds.AppPasswordSwitch);
        step.Should().NotBeNull("the switch must be checked by hand");
        step!.Kind.Should().Be(PlanStepKind.Manual);
    }

    [Fact]
    public void APW091_stays_silent_when_the_switch_is_captured()
    {
        Diagnose.User(Healthy).ShouldNotFire(DiagnosticCodes.TenantAppPasswordSettingUnknown);
    }

    [Fact]
    public void APW050_fires_when_the_methods_policy_migration_is_complete()
    {
        var fixture = Healthy.With(root => root.TenantSection("authenticationMethodsPolicy")["value"]!["policyMigrationState"] = "migrationComplete");

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.AuthenticationMethodsPolicyMigrated, Severity.Info, FindingKind.Advisory, rootCause: false, "/sections/authenticationMethodsPolicy/value/policyMigrationState", Upn);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Theory]
    [InlineData("migrationInProgress")]
    [InlineData("preMigration")]
    [InlineData("migrationInProgress_unknownFutureValue")]
    public void APW050_stays_silent_before_the_migration_is_complete(string state)
    {
        Diagnose.User(Healthy.With(root => root.TenantSection("authenticationMethodsPolicy")["value"]!["policyMigrationState"] = state))
            .ShouldNotFire(DiagnosticCodes.AuthenticationMethodsPolicyMigrated);
    }

    [Fact]
    public void APW060_is_an_advisory_by_default()
    {
        var diagnosis = Diagnose.User(Healthy);

        diagnosis.ShouldFire(Healthy, DiagnosticCodes.LegacyProtocolRetired, Severity.Info, FindingKind.Advisory, rootCause: false, FindingAssertions.HostEvidence, Upn);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Theory]
    [InlineData(LegacyProtocols.Ews)]
    [InlineData(LegacyProtocols.Imap)]
    [InlineData(LegacyProtocols.Pop)]
    [InlineData(LegacyProtocols.ExchangeActiveSync)]
    [InlineData(LegacyProtocols.RemotePowerShell)]
    [InlineData(LegacyProtocols.OutlookMapi)]
    [InlineData(LegacyProtocols.SharePointIdcrl)]
    [InlineData(LegacyProtocols.Ews | LegacyProtocols.Imap)]
    public void APW060_is_a_usability_blocker_when_the_host_declares_a_retired_protocol(LegacyProtocols protocols)
    {
        var diagnosis = Diagnose.User(Healthy, options => options.LegacyProtocols = protocols);

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        var finding = diagnosis.ShouldFire(Healthy, DiagnosticCodes.LegacyProtocolRetired, Severity.Blocker, FindingKind.Usability, rootCause: true, FindingAssertions.HostEvidence, Upn);
        finding.Explanation.Should().NotContain("SMTP").And.Contain("Microsoft Graph");
        diagnosis.Counterfactual.ReachesAvailable.Should().BeFalse("no tenant change brings Basic authentication back");
        diagnosis.Counterfactual.Remaining.Should().Contain(DiagnosticCodes.LegacyProtocolRetired);
        diagnosis.Plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph);
    }

    [Fact]
    public void APW060_stays_silent_for_SMTP_alone_which_is_not_retired()
    {
        var diagnosis = Diagnose.User(Healthy, options => options.LegacyProtocols = LegacyProtocols.SmtpAuth);

        diagnosis.ShouldNotFire(DiagnosticCodes.LegacyProtocolRetired);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Fact]
    public void APW060_is_a_warning_naming_the_retired_ones_when_SMTP_is_declared_beside_them()
    {
        var diagnosis = Diagnose.User(Healthy, options => options.LegacyProtocols = LegacyProtocols.SmtpAuth | LegacyProtocols.Ews);

        var finding = diagnosis.ShouldFire(Healthy, DiagnosticCodes.LegacyProtocolRetired, Severity.Warning, FindingKind.Usability, rootCause: false, FindingAssertions.HostEvidence, Upn, "EWS", "SMTP AUTH");
        finding.Evidence[0].ActualJson.Should().Be("\"EWS\"");
        diagnosis.Verdict.Should().Be(Verdict.Available, "SMTP AUTH still accepts app passwords");
    }

    [Fact]
    public void APW060_gives_no_Exchange_advisory_for_a_target_other_than_Exchange_Online()
    {
        var diagnosis = Diagnose.User(Healthy, options => options.TargetResourceAppId = KnownApps.SharePointOnline);

        diagnosis.ShouldNotFire(DiagnosticCodes.LegacyProtocolRetired);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Fact]
    public void APW060_judges_a_declared_protocol_whatever_the_target()
    {
        var diagnosis = Diagnose.User(Healthy, options =>
        {
            options.TargetResourceAppId = KnownApps.SharePointOnline;
            options.LegacyProtocols = LegacyProtocols.SharePointIdcrl;
        });

        diagnosis.Single(DiagnosticCodes.LegacyProtocolRetired).Severity.Should().Be(Severity.Blocker, "IDCRL is retired since 2026-05-01");
        diagnosis.Verdict.Should().Be(Verdict.Unusable);
    }

    [Fact]
    public void APW070_fires_when_the_plan_enforces_per_user_MFA_beside_an_enabled_policy()
    {
        var fixture = WithPolicies(ModernClientsMfa).With(root => root.PerUserMfa("disabled"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Plan.FindStep(PlanStepIds.EnforcePerUserMfa).Should().NotBeNull();
        diagnosis.ShouldFire(fixture, DiagnosticCodes.PerUserMfaMixedWithConditionalAccess, Severity.Warning, FindingKind.Advisory, rootCause: false, "/sections/conditionalAccessPolicies/value/0/state", Upn);
        diagnosis.Plan.Advisories.Should().Contain(DiagnosticCodes.PerUserMfaMixedWithConditionalAccess);
    }

    [Fact]
    public void APW070_stays_silent_when_the_only_policy_is_report_only()
    {
        var fixture = WithPolicies(ModernClientsMfa with { State = "enabledForReportingButNotEnforced" }).With(root => root.PerUserMfa("disabled"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Plan.FindStep(PlanStepIds.EnforcePerUserMfa).Should().NotBeNull();
        diagnosis.ShouldNotFire(DiagnosticCodes.PerUserMfaMixedWithConditionalAccess);
    }

    [Fact]
    public void APW070_stays_silent_when_the_plan_does_not_touch_per_user_MFA()
    {
        var diagnosis = Diagnose.User(WithPolicies(ModernClientsMfa));

        diagnosis.Plan.FindStep(PlanStepIds.EnforcePerUserMfa).Should().BeNull();
        diagnosis.ShouldNotFire(DiagnosticCodes.PerUserMfaMixedWithConditionalAccess);
    }

    [Fact]
    public void APW080_fires_when_the_verdict_is_not_available()
    {
        var fixture = Healthy.With(root => root.PerUserMfa("disabled"));

        Diagnose.User(fixture).ShouldFire(fixture, DiagnosticCodes.ModernAuthenticationRecommended, Severity.Info, FindingKind.Advisory, rootCause: false, FindingAssertions.HostEvidence, Upn);
    }

    [Fact]
    public void APW080_stays_silent_when_the_verdict_is_available()
    {
        Diagnose.User(Healthy).ShouldNotFire(DiagnosticCodes.ModernAuthenticationRecommended);
    }
}
