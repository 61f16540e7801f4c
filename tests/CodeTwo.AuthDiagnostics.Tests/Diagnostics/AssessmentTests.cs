
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CodeTwo.AuthDiagnostics.Tests.Diagnostics;

/// <summary><c>Assess</c> and <c>AssessAll</c>: the fast answer's contract (the agreement with the rules is in <see cref="AssessmentAgreementTests"/>).</summary>
public sealed class AssessmentTests
{
    private static readonly UserRef Backup = UserRef.Parse(Diagnose.Backup);

    [Fact]
    public void The_seed_case_is_unavailable_because_of_per_user_MFA_with_the_other_codes_listed()
    {
        var assessment = new DiagnosticEngine().Assess(Fixture.Load("seed-security-defaults.json").Snapshot(), Backup);

        assessment.Verdict.Should().Be(Verdict.Unavailable);
        assessment.RootCauses.Should().Equal(DiagnosticCodes.PerUserMfaDisabled);
        assessment.Codes.Should().Contain([DiagnosticCodes.PerUserMfaDisabled, DiagnosticCodes.SecurityDefaultsEnabled, DiagnosticCodes.ModernAuthenticationRecommended]);
        assessment.Codes.Should().BeInAscendingOrder(StringComparer.Ordinal);
        assessment.Has(DiagnosticCodes.SecurityDefaultsEnabled).Should().BeTrue();
        assessment.IsRootCause(DiagnosticCodes.SecurityDefaultsEnabled).Should().BeFalse("a usability blocker does not decide an unavailable verdict");
        assessment.Has("APW999").Should().BeFalse();
        assessment.UserPrincipalName.Should().Be(Diagnose.Backup);
        assessment.UserId.Should().NotBeNullOrEmpty();
        assessment.ToString().Should().StartWith("backup@contoso.com: unavailable (").And.Contain("APW011*").And.Contain("APW010,");
    }

    [Fact]
    public void A_user_not_in_the_snapshot_is_unavailable_with_APW001()
    {
        var assessment = new DiagnosticEngine().Assess(Fixture.Load("seed-security-defaults.json").Snapshot(), UserRef.Parse("nobody@contoso.com"));

        assessment.Verdict.Should().Be(Verdict.Unavailable);
        assessment.RootCauses.Should().Equal(DiagnosticCodes.UserNotFound);
        assessment.UserId.Should().BeNull();
        assessment.UserPrincipalName.Should().BeNull();
        assessment.RequestedUser.Should().Be("nobody@contoso.com");
    }

    [Fact]
    public void Assessments_are_values_equal_by_content_across_engines()
    {
        var snapshot = Fixture.Load("ca-legacy-auth-block.json").Snapshot();

        var first = new DiagnosticEngine().Assess(snapshot, Backup);
        var second = new DiagnosticEngine().Assess(snapshot, Backup);
        var other = new DiagnosticEngine(new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.SmtpAuth }).Assess(Fixture.Load("healthy-enforced.json").Snapshot(), Backup);

        first.Should().Be(second);
        (first == second).Should().BeTrue();
        first.GetHashCode().Should().Be(second.GetHashCode());
        (first != other).Should().BeTrue();
        default(Assessment).Codes.Should().BeEmpty();
        default(Assessment).Has(DiagnosticCodes.UserNotFound).Should().BeFalse();
    }

    [Fact]
    public void A_disabled_code_is_not_reported_and_a_regraded_one_moves_the_verdict()
    {
        var snapshot = Fixture.Load("seed-security-defaults.json").Snapshot();
        var options = new AuthDiagnosticsOptions();
        options.Rules.Disable(DiagnosticCodes.PerUserMfaDisabled);
        options.Rules.SetSeverity(DiagnosticCodes.SecurityDefaultsEnabled, Severity.Info);

        var assessment = new DiagnosticEngine(options).Assess(snapshot, Backup);

        assessment.Has(DiagnosticCodes.PerUserMfaDisabled).Should().BeFalse();
        assessment.Has(DiagnosticCodes.SecurityDefaultsEnabled).Should().BeTrue();
        assessment.Verdict.Should().NotBe(Verdict.Unavailable);
    }

    [Fact]
    public void Assessing_allocates_nothing_once_the_snapshot_is_indexed()
    {
        var snapshot = LargeTenantGenerator.Generate(users: 200, policies: 60).Snapshot;
        var engine = new DiagnosticEngine();
        var users = snapshot.Users.Select(u => UserRef.Parse(u.User.UserPrincipalName)).ToArray();
        foreach (var user in users)
        {
            engine.Assess(snapshot, user); // index, JIT and static state warm
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int unavailable = 0;
        foreach (var user in users)
        {
            unavailable += engine.Assess(snapshot, user).Verdict == Verdict.Unavailable ? 1 : 0;
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        unavailable.Should().BePositive();
    }

    [Theory]
    [InlineData(false, Verdict.Indeterminate, true)]
    [InlineData(true, Verdict.Available, false)]
    public void A_rule_that_throws_is_APW099_when_assessing_as_when_diagnosing(bool outcomeStage, Verdict verdict, bool rootCause)
    {
        var options = new AuthDiagnosticsOptions();
        options.Rules.Add(new HostRule(outcomeStage ? RuleStage.Outcome : RuleStage.Facts, Severity.Info, fail: true));
        var engine = new DiagnosticEngine(options);
        var snapshot = Fixture.Load("healthy-enforced.json").Snapshot();

        var assessment = engine.Assess(snapshot, Backup);
        var diagnosis = engine.Diagnose(snapshot, Backup);

        assessment.Verdict.Should().Be(verdict).And.Be(diagnosis.Verdict);
        assessment.Has(DiagnosticCodes.RuleFailed).Should().BeTrue();
        assessment.IsRootCause(DiagnosticCodes.RuleFailed).Should().Be(rootCause);
        diagnosis.Findings.Single(f => f.Code == DiagnosticCodes.RuleFailed).RootCause.Should().Be(rootCause);
    }

    [Fact]
    public void A_rule_the_host_added_is_assessed_by_the_same_pass()
    {
        var options = new AuthDiagnosticsOptions();
        options.Rules.Add(new HostRule(RuleStage.Facts, Severity.Blocker, fail: false));
        var engine = new DiagnosticEngine(options);
        var snapshot = Fixture.Load("healthy-enforced.json").Snapshot();

        var assessment = engine.Assess(snapshot, Backup);

        assessment.Verdict.Should().Be(Verdict.Unavailable).And.Be(engine.Diagnose(snapshot, Backup).Verdict);
        assessment.RootCauses.Should().Equal(HostRule.Code);
        assessment.Codes.Should().Contain([HostRule.Code, DiagnosticCodes.ModernAuthenticationRecommended]);
    }

    [Fact]
    public void AssessAll_yields_every_user_in_document_order_then_the_missing_ones()
    {
        var snapshot = Fixture.Load("multi-user-tenant.json").Snapshot();
        var engine = new DiagnosticEngine();

        var all = engine.AssessAll(snapshot, TestContext.Current.CancellationToken).ToArray();

        all.Select(a => a.RequestedUser).Should().Equal(snapshot.Users.Select(u => u.User.UserPrincipalName).Concat(snapshot.MissingUsers));
        all.Should().Equal(all.Select(a => engine.Assess(snapshot, UserRef.Parse(a.RequestedUser))));
    }

    [Fact]
    public void AssessAll_over_blocks_on_every_core_gives_what_one_by_one_gives()
    {
        // More users than a block, so the blocks and the parallel path are used.
        var snapshot = LargeTenantGenerator.Generate(users: TenantAssessment.BlockSize + 700, policies: 40).Snapshot;
        var engine = new DiagnosticEngine();

        var all = engine.AssessAll(snapshot, TestContext.Current.CancellationToken).ToArray();

        all.Should().HaveCount(snapshot.Users.Count + snapshot.MissingUsers.Count);
        all.Select(a => a.RequestedUser).Should().Equal(snapshot.Users.Select(u => u.User.UserPrincipalName).Concat(snapshot.MissingUsers));
        for (int i = 0; i < snapshot.Users.Count; i += 97)
        {
            all[i].Should().Be(engine.Assess(snapshot, UserRef.Parse(all[i].RequestedUser)));
        }
    }

    [Fact]
    public void AssessAll_stops_when_cancelled()
    {
        var snapshot = LargeTenantGenerator.Generate(users: 50, policies: 5).Snapshot;
        using var cancellation = new CancellationTokenSource();
        int seen = 0;

        var act = () =>
        {
            foreach (var _ in new DiagnosticEngine().AssessAll(snapshot, cancellation.Token))
            {
                if (++seen == 10)
                {
                    cancellation.Cancel();
                }
            }
        };

        act.Should().Throw<OperationCanceledException>();
        seen.Should().Be(10, "nothing is yielded after cancellation");
    }

    [Fact]
    public void The_service_assesses_through_dependency_injection_and_checks_its_arguments()
    {
        using var provider = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();
        var snapshot = Fixture.Load("healthy-enforced.json").Snapshot();

        diagnostics.Assess(snapshot, Backup).Verdict.Should().Be(diagnostics.Diagnose(snapshot, Backup).Verdict);
        diagnostics.AssessAll(snapshot, TestContext.Current.CancellationToken).Should().HaveCount(snapshot.Users.Count + snapshot.MissingUsers.Count);
        FluentActions.Invoking(() => diagnostics.Assess(null!, Backup)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => diagnostics.Assess(snapshot, null!)).Should().Throw<ArgumentNullException>().WithParameterName("user");
        FluentActions.Invoking(() => diagnostics.AssessAll(null!, TestContext.Current.CancellationToken)).Should().Throw<ArgumentNullException>();
    }

    /// <summary>A host rule that reports a blocker or an advisory for every user, or throws.</summary>
    private sealed class HostRule(RuleStage stage, Severity severity, bool fail) : IDiagnosticRule
    {
        public const string Code = "HOST100";

        public string Id => "host.every-user";

        public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [new(Code, "EveryUser", severity, FindingKind.Availability, Confidence.Observed, "Every user.")];

        public RuleStage Stage => stage;

        public bool NeedsUser => true;

        public void Evaluate(ref RuleContext context)
        {
            if (fail)
            {
                throw new InvalidOperationException("boom");
            }

            context.Report(Code, context.UserName, static upn => new FindingText($"{upn} is a user", "Every user.", []));
        }
    }
}
