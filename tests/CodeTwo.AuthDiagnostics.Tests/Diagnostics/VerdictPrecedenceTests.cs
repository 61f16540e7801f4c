
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Baseline;

namespace CodeTwo.AuthDiagnostics.Tests.Diagnostics;

/// <summary>unavailable &gt; indeterminate &gt; unusable &gt; available, root causes, ordering, and the host's rule options.</summary>
public sealed class VerdictPrecedenceTests
{
    /// <summary>
    /// Every combination of an availability blocker (per-user MFA disabled), missing data (CA not captured in a P1
    /// tenant) and a usability blocker (security defaults on).
    /// </summary>
    [Theory]
    [InlineData(false, false, false, Verdict.Available)]
    [InlineData(false, false, true, Verdict.Unusable)]
    [InlineData(false, true, false, Verdict.Indeterminate)]
    [InlineData(false, true, true, Verdict.Indeterminate)]
    [InlineData(true, false, false, Verdict.Unavailable)]
    [InlineData(true, false, true, Verdict.Unavailable)]
    [InlineData(true, true, false, Verdict.Unavailable)]
    [InlineData(true, true, true, Verdict.Unavailable)]
    public void Precedence(bool availabilityBlocker, bool missingData, bool usabilityBlocker, Verdict expected)
    {
        var fixture = Healthy.With(root =>
        {
            root.PerUserMfa(availabilityBlocker ? "disabled" : "enforced");
            if (missingData)
            {
                root.TenantNotCaptured("conditionalAccessPolicies");
            }

            root.SecurityDefaults(usabilityBlocker);
        });

        var diagnosis = Diagnose.User(fixture);

        diagnosis.Verdict.Should().Be(expected);
        diagnosis.Verdict.Should().Be(
            new[] { availabilityBlocker ? Verdict.Unavailable : Verdict.Available, missingData ? Verdict.Indeterminate : Verdict.Available, usabilityBlocker ? Verdict.Unusable : Verdict.Available }.Max(),
            "the verdict's values are ordered by precedence: the combined verdict is the highest any cause drives");
        var roots = diagnosis.Findings.Where(f => f.RootCause).Select(f => f.Code).ToArray();
        roots.Should().Equal(expected switch
        {
            Verdict.Unavailable => [DiagnosticCodes.PerUserMfaDisabled],
            Verdict.Indeterminate => [DiagnosticCodes.DataNotCaptured],
            Verdict.Unusable => [DiagnosticCodes.SecurityDefaultsEnabled],
            _ => [],
        });

        // Every cause found on captured data is listed, whatever the verdict.
        diagnosis.Codes().Contains(DiagnosticCodes.SecurityDefaultsEnabled).Should().Be(usabilityBlocker);
        diagnosis.Codes().Contains(DiagnosticCodes.DataNotCaptured).Should().Be(missingData);
        diagnosis.Codes().Contains(DiagnosticCodes.PerUserMfaDisabled).Should().Be(availabilityBlocker);
        diagnosis.Codes().Contains(DiagnosticCodes.ModernAuthenticationRecommended).Should().Be(expected != Verdict.Available);
    }

    [Fact]
    public void Verdict_values_are_ordered_by_the_catalogs_precedence()
    {
        Enum.GetValues<Verdict>().Order().Should().Equal(Verdict.Available, Verdict.Unusable, Verdict.Indeterminate, Verdict.Unavailable);
        (Verdict.Unavailable > Verdict.Indeterminate && Verdict.Indeterminate > Verdict.Unusable && Verdict.Unusable > Verdict.Available).Should().BeTrue();
        default(Assessment).Verdict.Should().Be(Verdict.Indeterminate, "a default assessment assessed nobody and never claims 'available'");
        default(Assessment).RequestedUser.Should().BeEmpty();
        default(Assessment).Codes.Should().BeEmpty();
    }

    [Fact]
    public void A_usability_blocker_on_captured_data_is_reported_as_a_blocker_when_the_verdict_is_unavailable()
    {
        var diagnosis = Diagnose.User(Fixture.Load("seed-security-defaults.json"));

        diagnosis.Verdict.Should().Be(Verdict.Unavailable);
        var securityDefaults = diagnosis.Single(DiagnosticCodes.SecurityDefaultsEnabled);
        securityDefaults.Severity.Should().Be(Severity.Blocker);
        securityDefaults.Kind.Should().Be(FindingKind.Usability);
        securityDefaults.RootCause.Should().BeFalse("fixing it alone does not move an unavailable verdict");
        diagnosis.Plan.FindStep(PlanStepIds.DecideSecurityDefaults).Should().NotBeNull("the plan addresses every blocker, not only the root causes (without a declared protocol, as a decision)");
        Diagnose.Smtp(Fixture.Load("seed-security-defaults.json")).Plan.FindStep(PlanStepIds.DisableSecurityDefaults).Should().NotBeNull("with SMTP AUTH declared the plan fixes it through Graph");
    }

    [Theory]
    [MemberData(nameof(FixtureExpectationTests.Rows), MemberType = typeof(FixtureExpectationTests))]
    public void Root_causes_come_first_then_severity_then_code(string file, string user, Verdict verdict, string[] blockers, string[] others)
    {
        _ = (verdict, blockers, others);
        var findings = Diagnose.User(Fixture.Load(file), user).Findings;

        findings.Select(f => f.RootCause).Should().BeInDescendingOrder();
        findings.Where(f => !f.RootCause).Select(f => f.Severity).Should().BeInDescendingOrder();
        foreach (var group in findings.GroupBy(f => (f.RootCause, f.Severity)))
        {
            group.Select(f => f.Code).Should().BeInAscendingOrder(StringComparer.Ordinal);
        }
    }

    [Fact]
    public void Disabling_a_code_removes_it()
    {
        var fixture = Fixture.Load("federated-domain.json");

        var diagnosis = Diagnose.User(fixture, options => options.Rules.Disable("apw040"));

        diagnosis.ShouldNotFire(DiagnosticCodes.FederatedDomain);
        diagnosis.Codes().Should().Contain(DiagnosticCodes.SyncedFromOnPremises);
        Diagnose.User(fixture).Codes().Should().Contain(DiagnosticCodes.FederatedDomain, "the default engine still reports it");
    }

    [Fact]
    public void Regrading_APW010_to_a_warning_stops_it_driving_the_verdict_and_the_plan()
    {
        var fixture = Healthy.With(root => root.SecurityDefaults(true));

        var diagnosis = Diagnose.User(fixture, options => options.Rules.SetSeverity(DiagnosticCodes.SecurityDefaultsEnabled, Severity.Warning));

        diagnosis.Verdict.Should().Be(Verdict.Available);
        diagnosis.Single(DiagnosticCodes.SecurityDefaultsEnabled).Severity.Should().Be(Severity.Warning);
        diagnosis.Plan.Steps.Should().NotContain(s => s.Kind == PlanStepKind.Graph, "an available verdict plans no tenant change");
        Diagnose.User(fixture).Verdict.Should().Be(Verdict.Unusable, "the default grading makes it a blocker");
    }

    [Fact]
    public void Regrading_a_warning_to_a_blocker_makes_it_drive_the_verdict()
    {
        var fixture = Fixture.Load("report-only-and-conditions.json");

        var diagnosis = Diagnose.User(fixture, options => options.Rules.SetSeverity(DiagnosticCodes.ReportOnlyPolicyWouldBlock, Severity.Blocker));

        diagnosis.Verdict.Should().Be(Verdict.Unusable);
        diagnosis.Findings.Where(f => f.RootCause).Select(f => f.Code).Should().Equal(DiagnosticCodes.ReportOnlyPolicyWouldBlock);
    }

    [Fact]
    public void An_added_rule_runs_and_its_blocker_drives_the_verdict()
    {
        var diagnosis = Diagnose.User(Healthy, options => options.Rules.Add(new ServiceAccountRule(Severity.Blocker)));

        diagnosis.Verdict.Should().Be(Verdict.Unavailable);
        var finding = diagnosis.Single(ServiceAccountRule.Code);
        finding.Name.Should().Be("ServiceAccountName");
        finding.RootCause.Should().BeTrue();
        finding.Explanation.Should().Contain(Upn);
    }

    [Fact]
    public void An_added_advisory_rule_runs_without_moving_the_verdict()
    {
        var diagnosis = Diagnose.User(Healthy, options => options.Rules.Add(new ServiceAccountRule(Severity.Info)));

        diagnosis.Verdict.Should().Be(Verdict.Available);
        diagnosis.Codes().Should().Contain(ServiceAccountRule.Code);
        diagnosis.Plan.Advisories.Should().Contain(ServiceAccountRule.Code);
    }

    [Fact]
    public void An_added_rule_that_reuses_a_catalog_code_is_refused()
    {
        var options = new AuthDiagnosticsOptions();
        options.Rules.Add(new ServiceAccountRule(Severity.Info, DiagnosticCodes.FederatedDomain));

        var build = () => new DiagnosticEngine(options);

        build.Should().Throw<ArgumentException>().WithMessage("*APW040*");
    }

    [Fact]
    public void A_rule_that_reports_a_code_it_does_not_describe_becomes_APW099()
    {
        var diagnosis = Diagnose.User(Healthy, options => options.Rules.Add(new ServiceAccountRule(Severity.Info, reported: "HOST404")));

        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
        diagnosis.Single(DiagnosticCodes.RuleFailed).Explanation.Should().Contain("HOST404");
    }

    [Fact]
    public void The_engine_freezes_the_options_it_was_built_with()
    {
        var options = new AuthDiagnosticsOptions();
        var engine = new DiagnosticEngine(options);
        options.Rules.Disable(DiagnosticCodes.LegacyProtocolRetired);
        options.LegacyProtocols = LegacyProtocols.Ews;

        var diagnosis = engine.Diagnose(Healthy.Snapshot(), UserRef.Parse(Upn));

        diagnosis.Single(DiagnosticCodes.LegacyProtocolRetired).Severity.Should().Be(Severity.Info);
        diagnosis.Verdict.Should().Be(Verdict.Available);
    }

    /// <summary>A host rule: the product's account must be named svc-*.</summary>
    private sealed class ServiceAccountRule(Severity severity, string code = ServiceAccountRule.Code, string? reported = null) : IDiagnosticRule
    {
        public const string Code = "HOST001";

        public string Id => "host.service-account-name";

        public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [new(code, "ServiceAccountName", severity, severity == Severity.Blocker ? FindingKind.Availability : FindingKind.Advisory, Confidence.Observed, "The product's account is not named svc-*.")];

        public RuleStage Stage => RuleStage.Facts;

        public bool NeedsUser => true;

        public void Evaluate(ref RuleContext context)
        {
            string upn = context.User!.User.UserPrincipalName;
            if (!upn.StartsWith("svc-", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(reported ?? code, () => new FindingText($"{upn} is not a service account", $"The product must use an account named svc-*, not {upn}.", [new Evidence("/users/0/user/userPrincipalName", $"\"{upn}\"", "\"svc-…\"")]));
            }
        }
    }
}
