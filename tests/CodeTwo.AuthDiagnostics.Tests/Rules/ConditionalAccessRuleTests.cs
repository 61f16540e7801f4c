
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Baseline;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>APW013, APW020, APW021, APW022, APW023, APW024: what Conditional Access does to the user's app-password sign-ins.</summary>
public sealed class ConditionalAccessRuleTests
{
    private const string PolicyPath = "/sections/conditionalAccessPolicies/value/0";

    private static readonly CaPolicy Block = new() { DisplayName = "Block legacy authentication" };

    private static readonly CaPolicy Mfa = new() { DisplayName = "Require MFA for everyone", BuiltInControls = ["mfa"] };

    private static readonly CaPolicy RegistrationBlock = new()
    {
        DisplayName = "Secure security info registration",
        IncludeApplications = [],
        IncludeUserActions = ["urn:user:registersecurityinfo"],
        Conditions = new Dictionary<string, string> { ["locations"] = CaPolicy.OutsideTrustedLocations },
    };

    [Theory]
    [InlineData("mfa")]
    [InlineData("authenticationStrength")]
    public void APW013_fires_when_MFA_comes_only_from_an_enabled_policy(string requirement)
    {
        var policy = requirement == "mfa"
            ? Mfa with { ClientAppTypes = ["browser", "mobileAppsAndDesktopClients"] }
            : Mfa with { ClientAppTypes = ["browser", "mobileAppsAndDesktopClients"], BuiltInControls = [], AuthenticationStrength = "Multifactor authentication" };
        var fixture = WithPolicies(policy).With(root => root.PerUserMfa("disabled"));

        var diagnosis = Diagnose.User(fixture);

        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.MfaOnlyFromConditionalAccess, Severity.Info, FindingKind.Explanation, rootCause: false, PolicyPath + "/state", Upn, "'Require MFA for everyone'");
        finding.PolicyId.Should().Be(CaPolicy.DefaultId);
        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients);
    }

    [Theory]
    [InlineData("enforced", "enabled")]
    [InlineData("disabled", "enabledForReportingButNotEnforced")]
    [InlineData("disabled", "disabled")]
    public void APW013_stays_silent_when_the_user_is_enforced_or_the_policy_is_not_enabled(string perUserMfa, string state)
    {
        var fixture = WithPolicies(Mfa with { ClientAppTypes = ["browser"], State = state }).With(root => root.PerUserMfa(perUserMfa));

        Diagnose.User(fixture).ShouldNotFire(DiagnosticCodes.MfaOnlyFromConditionalAccess);
    }

    [Fact]
    public void APW013_stays_silent_for_a_policy_that_excludes_the_user()
    {
        var fixture = WithPolicies(Mfa with { ExcludeUsers = [UserId] }).With(root => root.PerUserMfa("disabled"));

        Diagnose.User(fixture).ShouldNotFire(DiagnosticCodes.MfaOnlyFromConditionalAccess);
    }

    [Fact]
    public void APW020_fires_for_an_enabled_block_that_covers_legacy_clients_and_plans_the_exclusion()
    {
        var fixture = WithPolicies(Block);

        var diagnosis = Diagnose.Smtp(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, Severity.Blocker, FindingKind.Usability, rootCause: true, PolicyPath + "/grantControls/builtInControls", Upn, "'Block legacy authentication'");
        finding.PolicyId.Should().Be(CaPolicy.DefaultId);
        finding.Evidence.Select(e => e.Path).Should().Contain(PolicyPath + "/conditions/clientAppTypes");
        diagnosis.Plan.FindStep(PlanStepIds.ExcludeFromPolicyPrefix + CaPolicy.DefaultId)!.Fixes.Should().Equal(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);

        var undeclared = Diagnose.User(fixture);
        undeclared.Plan.FindStep(PlanStepIds.ExcludeFromPolicyPrefix + CaPolicy.DefaultId).Should().BeNull("no declared protocol says the exclusion would help");
        var decision = undeclared.Plan.FindStep(PlanStepIds.DecideCaExclusionPrefix + CaPolicy.DefaultId)!;
        decision.Kind.Should().Be(PlanStepKind.Manual);
        decision.Fixes.Should().Equal(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
    }

    [Fact]
    public void APW020_stays_silent_for_a_block_of_browsers_and_modern_clients()
    {
        var diagnosis = Diagnose.User(WithPolicies(Block with { ClientAppTypes = ["browser", "mobileAppsAndDesktopClients"] }));

        diagnosis.ShouldNotFire(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    public static TheoryData<string, string> UnsatisfiableGrants => new()
    {
        { "mfa", "/grantControls/builtInControls" },
        { "compliantDevice", "/grantControls/builtInControls" },
        { "authenticationStrength", "/grantControls/authenticationStrength" },
        { "termsOfUse", "/grantControls/termsOfUse" },
    };

    [Theory]
    [MemberData(nameof(UnsatisfiableGrants))]
    public void APW021_fires_for_a_grant_legacy_clients_cannot_satisfy(string grant, string evidencePath)
    {
        var fixture = WithPolicies(Unsatisfiable(grant));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients, Severity.Blocker, FindingKind.Usability, rootCause: true, PolicyPath + evidencePath, Upn, "'Requires " + grant + "'");
        finding.Title.Should().Contain(grant);
        diagnosis.ShouldNotFire(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
    }

    [Theory]
    [MemberData(nameof(UnsatisfiableGrants))]
    public void APW021_stays_silent_when_the_policy_covers_modern_clients_only(string grant, string evidencePath)
    {
        _ = evidencePath;
        var diagnosis = Diagnose.User(WithPolicies(Unsatisfiable(grant) with { ClientAppTypes = ["mobileAppsAndDesktopClients"] }));

        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(CaPolicy.OutsideTrustedLocations)]
    public void APW022_fires_for_a_report_only_policy_that_would_block_whatever_its_conditions(string? locations)
    {
        var fixture = WithPolicies(Block with
        {
            State = "enabledForReportingButNotEnforced",
            Conditions = locations is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["locations"] = locations },
        });

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Available, "a report-only policy does not block yet");
        diagnosis.ShouldFire(fixture, DiagnosticCodes.ReportOnlyPolicyWouldBlock, Severity.Warning, FindingKind.Usability, rootCause: false, PolicyPath + "/state", Upn, "'Block legacy authentication'");
        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessPolicyMayApply);
    }

    [Fact]
    public void APW022_stays_silent_for_a_disabled_policy()
    {
        var diagnosis = Diagnose.User(WithPolicies(Block with { State = "disabled" }));

        diagnosis.ShouldNotFire(DiagnosticCodes.ReportOnlyPolicyWouldBlock);
        diagnosis.Codes().Should().Equal(DiagnosticCodes.LegacyProtocolRetired);
    }

    public static TheoryData<string, string> SignInConditions => new()
    {
        { "locations", CaPolicy.OutsideTrustedLocations },
        { "platforms", CaPolicy.MobilePlatforms },
        { "signInRiskLevels", """["high"]""" },
        { "devices", """{"deviceFilter":{"mode":"include","rule":"device.isCompliant -ne True"}}""" },
    };

    [Theory]
    [MemberData(nameof(SignInConditions))]
    public void APW023_fires_instead_of_APW020_when_a_sign_in_condition_decides(string condition, string json)
    {
        var fixture = WithPolicies(Block with { Conditions = new Dictionary<string, string> { [condition] = json } });

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Available, "APW023 is not counted as a blocker");
        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.ConditionalAccessPolicyMayApply, Severity.Warning, FindingKind.Usability, rootCause: false, PolicyPath + "/grantControls/builtInControls", Upn, "'Block legacy authentication'", condition);
        finding.PolicyId.Should().Be(CaPolicy.DefaultId);
        diagnosis.ShouldNotFire(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
    }

    [Fact]
    public void APW023_fires_for_an_ActiveSync_only_policy_when_the_host_does_not_declare_EAS()
    {
        var fixture = WithPolicies(Block with { ClientAppTypes = ["exchangeActiveSync"] });

        var diagnosis = Diagnose.User(fixture, options => options.LegacyProtocols = LegacyProtocols.Imap);

        var finding = diagnosis.ShouldFire(fixture, DiagnosticCodes.ConditionalAccessPolicyMayApply, Severity.Warning, FindingKind.Usability, rootCause: false, PolicyPath + "/conditions/clientAppTypes", Upn, "'Block legacy authentication'");
        finding.Explanation.Should().Contain("Exchange ActiveSync");
        diagnosis.ShouldNotFire(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
    }

    [Fact]
    public void An_ActiveSync_only_policy_is_APW020_when_the_host_declares_EAS()
    {
        var fixture = WithPolicies(Block with { ClientAppTypes = ["exchangeActiveSync"] });

        var diagnosis = Diagnose.User(fixture, options => options.LegacyProtocols = LegacyProtocols.ExchangeActiveSync);

        diagnosis.ShouldFire(fixture, DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, Severity.Blocker, FindingKind.Usability, rootCause: true, PolicyPath + "/conditions/clientAppTypes", Upn, "'Block legacy authentication'");
        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessPolicyMayApply);
    }

    [Fact]
    public void APW023_stays_silent_when_the_conditions_are_empty_arrays_and_nulls()
    {
        var fixture = WithPolicies(Block with { Conditions = new Dictionary<string, string> { ["userRiskLevels"] = "[]", ["insiderRiskLevels"] = "null", ["authenticationFlows"] = "null" } });

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldNotFire(DiagnosticCodes.ConditionalAccessPolicyMayApply);
        diagnosis.Codes().Should().Contain(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
    }

    [Fact]
    public void APW024_fires_for_an_enabled_block_of_security_info_registration()
    {
        var fixture = WithPolicies(RegistrationBlock);

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(Verdict.Available, "APW024 is a warning");
        diagnosis.ShouldFire(fixture, DiagnosticCodes.SecurityInfoRegistrationBlocked, Severity.Warning, FindingKind.Availability, rootCause: false, PolicyPath + "/conditions/applications/includeUserActions", Upn, "'Secure security info registration'");
        diagnosis.Findings.Should().OnlyContain(f => f.Code == DiagnosticCodes.SecurityInfoRegistrationBlocked || f.Code == DiagnosticCodes.LegacyProtocolRetired, "a user-action policy is not in scope for a resource");
    }

    [Theory]
    [InlineData("mfa", "enabled", false)]
    [InlineData("block", "enabledForReportingButNotEnforced", false)]
    [InlineData("block", "enabled", true)]
    public void APW024_stays_silent_without_an_enabled_block_for_the_user(string control, string state, bool excluded)
    {
        var fixture = WithPolicies(RegistrationBlock with { BuiltInControls = [control], State = state, ExcludeUsers = excluded ? [UserId] : [] });

        Diagnose.User(fixture).ShouldNotFire(DiagnosticCodes.SecurityInfoRegistrationBlocked);
    }

    private static CaPolicy Unsatisfiable(string grant) => grant switch
    {
        "authenticationStrength" => Block with { DisplayName = "Requires " + grant, BuiltInControls = [], AuthenticationStrength = "Phishing-resistant MFA" },
        "termsOfUse" => Block with { DisplayName = "Requires " + grant, BuiltInControls = [], TermsOfUse = ["5f0f7c37-48b6-4bd4-9a4b-9a0b6c8f4e11"] },
        _ => Block with { DisplayName = "Requires " + grant, BuiltInControls = [grant] },
    };
}
