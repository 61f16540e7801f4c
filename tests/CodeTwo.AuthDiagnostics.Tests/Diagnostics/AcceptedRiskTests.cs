
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Testing;
using Snapshooter;
using Snapshooter.Xunit3;

namespace CodeTwo.AuthDiagnostics.Tests.Diagnostics;

/// <summary>
/// Accepted risks (issue #12 item 4): an accepted finding stays in the diagnosis, marked, and drives neither the verdict,
/// the root causes nor the plan until its acceptance expires (at the snapshot's capture date); expired and unused
/// acceptances are reported; the file and the options are checked with paths.
/// </summary>
public sealed class AcceptedRiskTests
{
    private const string Upn = "backup@contoso.com";
    private static readonly DateOnly CaptureDate = DateOnly.FromDateTime(SnapshotBuilder.DefaultCapturedAt.UtcDateTime);

    [Fact]
    public void Accepted_security_defaults_no_longer_make_the_verdict_unusable_and_their_step_is_gone()
    {
        var snapshot = Tenant(b => b.WithSecurityDefaults(true));
        var before = Diagnose(snapshot);
        before.Verdict.Should().Be(Verdict.Unusable);
        before.Plan.Steps.Select(s => s.Id).Should().Contain(PlanStepIds.DisableSecurityDefaults);

        var accept = Risk(DiagnosticCodes.SecurityDefaultsEnabled);
        var after = Diagnose(snapshot, accept);

        after.Verdict.Should().Be(Verdict.Available);
        var finding = after.Findings.Single(f => f.Code == DiagnosticCodes.SecurityDefaultsEnabled);
        finding.Acceptance.Should().Be(accept, "the finding stays, marked with the acceptance that covers it");
        finding.RootCause.Should().BeFalse();
        finding.Severity.Should().Be(Severity.Blocker, "accepting changes nothing about the finding itself");
        after.Plan.Steps.Select(s => s.Id).Should().NotContain(PlanStepIds.DisableSecurityDefaults);
        after.Plan.Steps.SelectMany(s => s.Fixes).Should().NotContain(DiagnosticCodes.SecurityDefaultsEnabled);
        after.Counterfactual.Remaining.Should().NotContain(DiagnosticCodes.SecurityDefaultsEnabled);
        after.UnusedAcceptances.Should().BeEmpty();
        after.ExpiredAcceptances.Should().BeEmpty();
        AssessAgrees(snapshot, after, accept);
    }

    [Fact]
    public void An_accepted_availability_blocker_no_longer_makes_the_verdict_unavailable()
    {
        var snapshot = Tenant(b => b.WithSecurityDefaults(true), PerUserMfaState.Disabled);
        Diagnose(snapshot).Verdict.Should().Be(Verdict.Unavailable);

        var accept = Risk(DiagnosticCodes.PerUserMfaDisabled) with { User = Upn.ToUpperInvariant() };
        var after = Diagnose(snapshot, accept);

        after.Verdict.Should().Be(Verdict.Unusable, "security defaults are not accepted");
        after.RootCauses.Select(f => f.Code).Should().Equal(DiagnosticCodes.SecurityDefaultsEnabled);
        after.Findings.Single(f => f.Code == DiagnosticCodes.PerUserMfaDisabled).Acceptance.Should().Be(accept);
        after.Plan.Steps.Select(s => s.Id).Should().NotContain([PlanStepIds.EnforcePerUserMfa, PlanStepIds.RevokeSignInSessions]);
        AssessAgrees(snapshot, after, accept);
    }

    [Fact]
    public void Narrowed_to_a_policy_only_that_policys_finding_is_accepted_and_only_its_step_is_gone()
    {
        var snapshot = Tenant(b => b
            .WithEntraIdP1()
            .WithConditionalAccessPolicy("Block legacy A", p => p.Enabled().IncludeUsers(KnownUsers.All).Block())
            .WithConditionalAccessPolicy("Block legacy B", p => p.Enabled().IncludeUsers(KnownUsers.All).Block()));
        var policies = snapshot.Sections.ConditionalAccessPolicies.Value!;
        string a = policies[0].Id, b = policies[1].Id;
        var before = Diagnose(snapshot);
        before.Verdict.Should().Be(Verdict.Unusable);
        before.Plan.Steps.Select(s => s.Id).Should().Contain([PlanStepIds.ExcludeFromPolicyPrefix + a, PlanStepIds.ExcludeFromPolicyPrefix + b]);

        var accept = Risk(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess) with { PolicyId = a.ToUpperInvariant() };
        var after = Diagnose(snapshot, accept);

        after.Verdict.Should().Be(Verdict.Unusable, "policy B still blocks");
        after.Findings.Where(f => f.Code == DiagnosticCodes.LegacyAuthBlockedByConditionalAccess)
            .Select(f => (f.PolicyId, Accepted: f.Acceptance is not null, f.RootCause))
            .Should().BeEquivalentTo([(a, true, false), (b, false, true)]);
        var steps = after.Plan.Steps.Select(s => s.Id).ToArray();
        steps.Should().NotContain(PlanStepIds.ExcludeFromPolicyPrefix + a);
        steps.Should().Contain(PlanStepIds.ExcludeFromPolicyPrefix + b);
        after.Counterfactual.ReachesAvailable.Should().BeTrue("excluding the user from B is enough once A is accepted");
        AssessAgrees(snapshot, after, accept);

        var both = Diagnose(snapshot, accept, accept with { PolicyId = b });
        both.Verdict.Should().Be(Verdict.Available);
        both.Plan.Steps.Select(s => s.Id).Should().NotContain(s => s.StartsWith(PlanStepIds.ExcludeFromPolicyPrefix, StringComparison.Ordinal));
        AssessAgrees(snapshot, both, accept, accept with { PolicyId = b });
    }

    [Fact]
    public void An_expired_acceptance_is_reported_and_changes_nothing()
    {
        var snapshot = Tenant(b => b.WithSecurityDefaults(true));
        var before = Diagnose(snapshot);
        var expired = Risk(DiagnosticCodes.SecurityDefaultsEnabled) with { Expires = CaptureDate.AddDays(-1) };

        var after = Diagnose(snapshot, expired);

        after.Verdict.Should().Be(before.Verdict);
        after.Findings.Should().OnlyContain(f => f.Acceptance == null);
        after.RootCauses.Select(f => f.Code).Should().Equal(before.RootCauses.Select(f => f.Code));
        after.Plan.Steps.Select(s => s.Id).Should().Equal(before.Plan.Steps.Select(s => s.Id));
        after.ExpiredAcceptances.Should().Equal(expired);
        after.UnusedAcceptances.Should().BeEmpty();
        DiagnosisJson.Render(after).Should().Contain("\"expiredAcceptances\": [");
        DiagnosisMarkdown.Render(after).Should().Contain("## Expired acceptances");
        AssessAgrees(snapshot, after, expired);
    }

    [Fact]
    public void An_acceptance_is_in_force_on_its_expiry_date_at_the_snapshots_capture_date()
    {
        var snapshot = Tenant(b => b.WithSecurityDefaults(true).WithCapturedAt(new DateTimeOffset(2027, 6, 30, 23, 30, 0, TimeSpan.FromHours(-5))));
        var lastDay = Risk(DiagnosticCodes.SecurityDefaultsEnabled) with { Expires = new DateOnly(2027, 7, 1) };

        Diagnose(snapshot, lastDay).Verdict.Should().Be(Verdict.Available, "captured 2027-07-01 04:30 UTC: the last day of the acceptance");
        Diagnose(snapshot, lastDay with { Expires = new DateOnly(2027, 6, 30) }).ExpiredAcceptances.Should().ContainSingle("the UTC date decides, not the offset's");
    }

    [Fact]
    public void Acceptances_that_cover_nothing_are_reported_and_those_of_other_users_are_not()
    {
        var snapshot = Tenant(b => b.WithSecurityDefaults(true));
        string userId = snapshot.Users[0].User.Id;
        var byId = Risk(DiagnosticCodes.SecurityDefaultsEnabled) with { User = userId.ToUpperInvariant() };
        var nothing = Risk(DiagnosticCodes.FederatedDomain);
        var otherUser = Risk(DiagnosticCodes.SecurityDefaultsEnabled) with { User = "someone@contoso.com" };
        var otherUserExpired = otherUser with { Expires = CaptureDate.AddYears(-1) };

        var diagnosis = Diagnose(snapshot, otherUser, byId, nothing, otherUserExpired);

        diagnosis.Verdict.Should().Be(Verdict.Available, "the acceptance names the user by object id");
        diagnosis.Findings.Single(f => f.Code == DiagnosticCodes.SecurityDefaultsEnabled).Acceptance.Should().Be(byId);
        diagnosis.UnusedAcceptances.Should().Equal(nothing);
        diagnosis.ExpiredAcceptances.Should().BeEmpty("an acceptance narrowed to another user is not this user's business");
        DiagnosisJson.Render(diagnosis).Should().Contain("\"unusedAcceptances\": [");
    }

    [Fact]
    public void Reports_without_acceptances_have_no_acceptance_members()
    {
        var diagnosis = Diagnose(Tenant(b => b.WithSecurityDefaults(true)));

        DiagnosisJson.Render(diagnosis).Should().NotContain("cceptance");
        DiagnosisMarkdown.Render(diagnosis).Should().NotContain("ccept");
    }

    [Fact]
    public void An_accepted_finding_is_shown_with_who_accepted_it_why_and_until_when()
    {
        var snapshot = Tenant(b => b.WithSecurityDefaults(true));
        var accept = Risk(DiagnosticCodes.SecurityDefaultsEnabled) with { Reason = "Scanner *until* Q3", User = Upn };
        var diagnosis = Diagnose(snapshot, accept, Risk(DiagnosticCodes.FederatedDomain) with { Expires = new DateOnly(2020, 1, 1) });

        string text = DiagnosisText.Render(diagnosis);
        text.Should().Contain("Accepted risks\n--------------");
        text.Should().Contain("Accepted: by it@contoso.com, until 2027-06-30: Scanner *until* Q3");
        string markdown = DiagnosisMarkdown.Render(diagnosis);
        markdown.Should().Contain("Accepted: by it@contoso.com, until 2027-06-30: Scanner \\*until\\* Q3", "the host's words are escaped like the tenant's");
        markdown.Should().Contain("- **APW040**: by it@contoso.com, until 2020-01-01");

        string json = DiagnosisJson.Render(diagnosis);
        Snapshot.Match(json, SnapshotNameExtension.Create("json"));
        Snapshot.Match(markdown, SnapshotNameExtension.Create("markdown"));
    }

    [Fact]
    public void The_file_is_read_with_optional_narrowing_and_unknown_properties_ignored()
    {
        var risks = AcceptedRisksFile.Parse("""
            {
              "version": 7,
              "acceptedRisks": [
                { "code": "APW010", "user": " backup@contoso.com ", "policyId": null, "reason": "Scanner", "acceptedBy": "it@contoso.com", "expires": "2027-06-30", "ticket": "CHG-1" },
                // comments and trailing commas are allowed
                { "code": "APW020", "policyId": "0b2282f9-2862-4178-88b5-d79340b36cb8", "reason": "r", "acceptedBy": "a", "expires": "2026-01-01" },
              ]
            }
            """);

        risks.Should().Equal(
            new AcceptedRisk("APW010", "Scanner", "it@contoso.com", new DateOnly(2027, 6, 30)) { User = "backup@contoso.com" },
            new AcceptedRisk("APW020", "r", "a", new DateOnly(2026, 1, 1)) { PolicyId = "0b2282f9-2862-4178-88b5-d79340b36cb8" });
        AcceptedRisksFile.Parse("""{"acceptedRisks":[]}""").Should().BeEmpty();
    }

    [Fact]
    public void A_malformed_file_lists_every_problem_with_its_JSON_path()
    {
        var act = () => AcceptedRisksFile.Parse("""
            {"acceptedRisks": [
              { "code": "APW999", "reason": "r", "acceptedBy": "a", "expires": "2027-06-30" },
              { "code": "apw010", "reason": "r", "acceptedBy": "a", "expires": "30/06/2027" },
              { "code": "APW010", "reason": " ", "expires": 20270630, "user": 5 },
              "APW010"
            ]}
            """);

        act.Should().Throw<FormatException>().Which.Message.Split('\n').Should().Equal(
            "The accepted risks are not valid (8 problems):",
            "$.acceptedRisks[0].code: APW999 is not a code of the catalog (APW001 to APW099)",
            "$.acceptedRisks[1].code: expected a catalog code such as \"APW010\"; found \"apw010\"",
            "$.acceptedRisks[1].expires: expected a date yyyy-MM-dd; found \"30/06/2027\"",
            "$.acceptedRisks[2].user: expected a non-empty string or null; found the number 5",
            "$.acceptedRisks[2].reason: expected a non-empty string; found an empty string",
            "$.acceptedRisks[2].acceptedBy: missing; expected a non-empty string",
            "$.acceptedRisks[2].expires: expected a date yyyy-MM-dd; found the number 20270630",
            "$.acceptedRisks[3]: expected an object with code, reason, acceptedBy and expires; found the string \"APW010\"");
    }

    [Theory]
    [InlineData("{\"acceptedRisks\": [", "$: not valid JSON (line 1")]
    [InlineData("[]", "$: expected an object {\"acceptedRisks\": [...]}; found an array")]
    [InlineData("{}", "$.acceptedRisks: missing; expected an array of accepted risks (it may be empty)")]
    [InlineData("{\"acceptedRisks\": {}}", "$.acceptedRisks: expected an array of accepted risks; found an object")]
    public void A_file_that_is_not_the_format_says_where(string json, string problem)
    {
        var act = () => AcceptedRisksFile.Parse(json);

        act.Should().Throw<FormatException>().Which.Message.Split('\n')[1].Should().StartWith(problem);
    }

    [Fact]
    public async Task The_file_is_loaded_from_disk()
    {
        string path = Path.Combine(Path.GetTempPath(), $"accepted-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"acceptedRisks":[{"code":"APW010","reason":"r","acceptedBy":"a","expires":"2027-06-30"}]}""", TestContext.Current.CancellationToken);
        try
        {
            var risks = await AcceptedRisksFile.LoadAsync(path, TestContext.Current.CancellationToken);

            risks.Should().ContainSingle().Which.Code.Should().Be("APW010");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Options_validation_names_each_bad_acceptance_and_field()
    {
        var options = new AuthDiagnosticsOptions();
        options.AcceptedRisks.Add(Risk(DiagnosticCodes.SecurityDefaultsEnabled));
        options.AcceptedRisks.Add(Risk("APW999"));
        options.AcceptedRisks.Add(Risk("SD") with { Reason = "", AcceptedBy = " ", User = "", PolicyId = "" });
        options.AcceptedRisks.Add(null!);
        options.AcceptedRisks.Add(Risk(DiagnosticCodes.UserNotFound));

        AuthDiagnosticsOptionsValidator.Instance.Failures(options).Should().Equal(
            "AuthDiagnosticsOptions.AcceptedRisks[1].Code: AcceptedRisks[1].Code APW999 is not a code of the catalog (APW001 to APW099; see DiagnosticCodes).",
            "AuthDiagnosticsOptions.AcceptedRisks[2].Code: AcceptedRisks[2].Code must be a catalog code such as APW010; it is 'SD'.",
            "AuthDiagnosticsOptions.AcceptedRisks[2].Reason: AcceptedRisks[2].Reason must say why the risk is accepted.",
            "AuthDiagnosticsOptions.AcceptedRisks[2].AcceptedBy: AcceptedRisks[2].AcceptedBy must name who accepted the risk.",
            "AuthDiagnosticsOptions.AcceptedRisks[2].User: AcceptedRisks[2].User is blank; leave it null to accept the risk for every user.",
            "AuthDiagnosticsOptions.AcceptedRisks[2].PolicyId: AcceptedRisks[2].PolicyId is blank; leave it null to accept the risk for every policy.",
            "AuthDiagnosticsOptions.AcceptedRisks[3]: AcceptedRisks[3] is null; every entry is an AcceptedRisk.",
            "AuthDiagnosticsOptions.AcceptedRisks[4].Code: AcceptedRisks[4].Code APW001 cannot be accepted: it says the diagnosis could not be made, not that a risk is taken.");

        var build = () => new DiagnosticEngine(options);
        build.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("AcceptedRisks[1].Code");
    }

    [Fact]
    public void Assessing_with_acceptances_allocates_nothing_once_the_snapshot_is_indexed()
    {
        var snapshot = LargeTenantGenerator.Generate(users: 200, policies: 60).Snapshot;
        var policies = snapshot.Sections.ConditionalAccessPolicies.Value!;
        var users = snapshot.Users.Select(u => UserRef.Parse(u.User.UserPrincipalName)).ToArray();
        // No protocol declared: the SMTP AUTH checks have an allocation of their own (see the report), not the acceptances'.
        var engine = Engine(
        LegacyProtocols.None,
        [
            Risk(DiagnosticCodes.SecurityDefaultsEnabled),
            Risk(DiagnosticCodes.PerUserMfaDisabled) with { User = users[3].Value },
            .. policies.Take(20).SelectMany(p => new[]
            {
                Risk(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess) with { PolicyId = p.Id },
                Risk(DiagnosticCodes.ConditionalAccessPolicyMayApply) with { PolicyId = p.Id, User = users[5].Value },
            }),
            Risk(DiagnosticCodes.DataNotCaptured) with { Expires = new DateOnly(2020, 1, 1) },
        ]);
        foreach (var user in users)
        {
            engine.Assess(snapshot, user); // index, acceptances, JIT and static state warm
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int accepted = 0;
        foreach (var user in users)
        {
            var assessment = engine.Assess(snapshot, user);
            accepted += assessment.Has(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess) && !assessment.IsRootCause(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess) ? 1 : 0;
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        accepted.Should().BePositive("some users are blocked only by accepted policies");
    }

    private static AcceptedRisk Risk(string code) => new(code, "Legacy scanner until the Graph migration", "it@contoso.com", new DateOnly(2027, 6, 30));

    /// <summary>A tenant with one member, <see cref="Upn"/>, enforced (unless said otherwise), with a method, the switch on, and SMTP AUTH allowed.</summary>
    private static TenantSnapshot Tenant(Action<SnapshotBuilder> configure, PerUserMfaState state = PerUserMfaState.Enforced)
    {
        var builder = new SnapshotBuilder()
            .WithSecurityDefaults(false)
            .WithMfaServicePolicy(true)
            .WithExchangeOnline(e => e.SmtpClientAuthenticationDisabled(false))
            .WithUser(Upn, u => u.PerUserMfa(state));
        configure(builder);
        return builder.Build();
    }

    private static Diagnosis Diagnose(TenantSnapshot snapshot, params AcceptedRisk[] risks) => Engine(risks).Diagnose(snapshot, UserRef.Parse(Upn));

    private static DiagnosticEngine Engine(AcceptedRisk[] risks) => Engine(LegacyProtocols.SmtpAuth, risks);

    private static DiagnosticEngine Engine(LegacyProtocols protocols, AcceptedRisk[] risks)
    {
        var options = new AuthDiagnosticsOptions { LegacyProtocols = protocols };
        foreach (var risk in risks)
        {
            options.AcceptedRisks.Add(risk);
        }

        return new DiagnosticEngine(options);
    }

    private static void AssessAgrees(TenantSnapshot snapshot, Diagnosis diagnosis, params AcceptedRisk[] risks)
    {
        var assessment = Engine(risks).Assess(snapshot, UserRef.Parse(Upn));
        assessment.Verdict.Should().Be(diagnosis.Verdict);
        assessment.Codes.Should().Equal(diagnosis.Findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal));
        assessment.RootCauses.Should().Equal(diagnosis.RootCauses.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal));
    }
}
