
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Diagnostics;

/// <summary>
/// The "Expected results" tables of tests/fixtures/README.md, row by row (default options: Exchange Online, no protocol
/// declared, so APW060 fires as an advisory for every diagnosed user and the tables leave it out).
/// </summary>
public sealed class FixtureExpectationTests
{
    private const string Multi = "multi-user-tenant.json";

    private const string SignIns = "sign-in-log.json";

    private const string WhatIf = "what-if.json";

    /// <summary>File, user, verdict, blockers (bold in the table), the other codes.</summary>
    public static TheoryData<string, string, Verdict, string[], string[]> Rows => new()
    {
        { "seed-security-defaults.json", "backup@contoso.com", Verdict.Unavailable, ["APW010", "APW011"], ["APW061", "APW080", "APW091"] },
        { "ca-mfa-required.json", "backup@contoso.com", Verdict.Unavailable, ["APW011", "APW021"], ["APW013", "APW070", "APW080", "APW091"] },
        { "ca-legacy-auth-block.json", "backup@contoso.com", Verdict.Unusable, ["APW020"], ["APW080"] },
        { "healthy-enforced.json", "backup@contoso.com", Verdict.Available, [], [] },
        { "ca-section-failed-403.json", "backup@contoso.com", Verdict.Indeterminate, [], ["APW080", "APW090", "APW091"] },
        { "guest-user.json", "partner_fabrikam.com#EXT#@contoso.onmicrosoft.com", Verdict.Unavailable, ["APW003", "APW010", "APW011"], ["APW080", "APW091"] },
        { "federated-domain.json", "backup@contoso.com", Verdict.Available, [], ["APW040", "APW041"] },
        { "national-cloud-usgov.json", "backup@contoso.us", Verdict.Unavailable, ["APW010", "APW011"], ["APW061", "APW080", "APW091"] },
        { "per-user-enabled.json", "backup@contoso.com", Verdict.Unavailable, ["APW012"], ["APW050", "APW080"] },
        { "report-only-and-conditions.json", "backup@contoso.com", Verdict.Available, [], ["APW022", "APW023"] },
        { "disabled-account.json", "backup@contoso.com", Verdict.Unavailable, ["APW002"], ["APW080", "APW091"] },
        { "app-passwords-switch-off.json", "backup@contoso.com", Verdict.Unavailable, ["APW014"], ["APW080"] },
        { "unknown-mfa-state.json", "backup@contoso.com", Verdict.Indeterminate, [], ["APW080", "APW090", "APW091"] },
        { "no-p1-ca-not-captured.json", "backup@contoso.com", Verdict.Available, [], [] },
        { Multi, "backup@contoso.com", Verdict.Unavailable, ["APW011", "APW020"], ["APW024", "APW070", "APW080", "APW091"] },
        { Multi, "admin@contoso.com", Verdict.Unusable, ["APW021"], ["APW024", "APW061", "APW080", "APW091"] },
        { Multi, "alice@contoso.com", Verdict.Available, [], ["APW024", "APW030", "APW091"] },
        { Multi, "lee.chen_fabrikam.com#EXT#@contoso.onmicrosoft.com", Verdict.Unavailable, ["APW003"], ["APW024", "APW080", "APW091"] },
        { Multi, "jordan.miller@contoso.com", Verdict.Available, [], ["APW024", "APW041", "APW091"] },
        { Multi, "former.employee@contoso.com", Verdict.Unavailable, ["APW001"], ["APW080", "APW091"] },
        { SignIns, "backup@contoso.com", Verdict.Unusable, ["APW073"], ["APW080"] },
        { SignIns, "recovered@contoso.com", Verdict.Available, [], ["APW075"] },
        { SignIns, "rotated@contoso.com", Verdict.Unusable, ["APW074"], ["APW080"] },
        { SignIns, "relay@contoso.com", Verdict.Unusable, ["APW071"], ["APW080"] },
        { SignIns, "pilot@contoso.com", Verdict.Available, [], ["APW071"] },
        { SignIns, "defaults@contoso.com", Verdict.Available, [], ["APW072"] },
        { SignIns, "locked@contoso.com", Verdict.Available, [], ["APW076"] },
        { SignIns, "browser@contoso.com", Verdict.Available, [], [] },
        { SignIns, "nopremium@contoso.com", Verdict.Available, [], ["APW093"] },
        { SignIns, "mixed@contoso.com", Verdict.Unusable, ["APW073"], ["APW075", "APW080"] },
        { WhatIf, "hidden@contoso.com", Verdict.Unusable, ["APW020"], ["APW025", "APW080"] },
        { WhatIf, "excluded@contoso.com", Verdict.Available, [], ["APW025"] },
        { WhatIf, "location@contoso.com", Verdict.Unusable, ["APW020"], ["APW080"] },
        { WhatIf, "notenough@contoso.com", Verdict.Unusable, ["APW020"], ["APW080"] },
        { WhatIf, "refused@contoso.com", Verdict.Unusable, ["APW020"], ["APW080", "APW093"] },
        { WhatIf, "browser.only@contoso.com", Verdict.Unusable, ["APW020"], ["APW080"] },
    };

    [Fact]
    public void Sign_in_log_fixture_with_SMTP_AUTH_declared_ignores_IMAP_and_counts_Other_clients_once()
    {
        var fixture = Fixture.Load(SignIns);

        var rotated = TestSupport.Diagnose.Smtp(fixture, "rotated@contoso.com");
        var mixed = TestSupport.Diagnose.Smtp(fixture, "mixed@contoso.com");

        rotated.Verdict.Should().Be(Verdict.Available);
        rotated.Codes().Should().NotContain(DiagnosticCodes.LegacySignInCredentialsRejected);
        mixed.Findings.Where(f => f.Code == DiagnosticCodes.AccountPasswordUsedByLegacyClient).Should().ContainSingle();
        mixed.Codes().Should().NotContain(DiagnosticCodes.LegacySignInsSucceeded);
    }

    [Fact]
    public void What_if_fixture_findings_Microsoft_decided_are_evaluated_and_point_into_the_evaluation()
    {
        var fixture = Fixture.Load(WhatIf);

        var hidden = TestSupport.Diagnose.User(fixture, "hidden@contoso.com");
        var location = TestSupport.Diagnose.User(fixture, "location@contoso.com");

        hidden.Single(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess).Confidence.Should().Be(Confidence.Evaluated);
        hidden.Single(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess).Evidence[0].Path.Should().Be("/users/0/sections/conditionalAccessEvaluation/value/0/value/0/policyApplies");
        location.Single(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess).Confidence.Should().Be(Confidence.Documented);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Fixture_gives_the_verdict_and_codes_of_the_readme(string file, string user, Verdict verdict, string[] blockers, string[] others)
    {
        var diagnosis = TestSupport.Diagnose.User(Fixture.Load(file), user);

        diagnosis.Verdict.Should().Be(verdict);
        diagnosis.Codes().Should().BeEquivalentTo([.. blockers, .. others, DiagnosticCodes.LegacyProtocolRetired]);
        diagnosis.Findings.Where(f => f.Severity == Severity.Blocker).Select(f => f.Code).Distinct()
            .Should().BeEquivalentTo(blockers, "the bold codes of the table are the blockers");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void DiagnoseAll_gives_the_same_result_as_Diagnose(string file, string user, Verdict verdict, string[] blockers, string[] others)
    {
        _ = (verdict, blockers, others);
        var snapshot = Fixture.Load(file).Snapshot();
        var engine = new DiagnosticEngine();

        var fromAll = engine.DiagnoseAll(snapshot).Single(d => string.Equals(d.RequestedUser, user, StringComparison.OrdinalIgnoreCase));

        DiagnosisJson.Serialize(fromAll).Should().Be(DiagnosisJson.Serialize(engine.Diagnose(snapshot, UserRef.Parse(user))));
    }

    [Fact]
    public void Every_fixture_and_every_user_of_it_has_a_row()
    {
        var rows = Rows.Select(r => (r.Data.Item1, r.Data.Item2)).ToHashSet();
        foreach (string file in Fixture.AllNames)
        {
            var snapshot = Fixture.Load(file).Snapshot();
            var users = snapshot.Users.Select(u => u.User.UserPrincipalName).Concat(snapshot.MissingUsers);
            users.Should().AllSatisfy(u => rows.Should().Contain((file, u), $"{file} holds {u}"));
        }

        Fixture.AllNames.Should().HaveCount(17);
    }

    [Theory]
    [InlineData("report-only-and-conditions.json", "backup@contoso.com", DiagnosticCodes.ReportOnlyPolicyWouldBlock, "6ee57c66-a209-46a7-bfb5-ed170b0387e0")]
    [InlineData("report-only-and-conditions.json", "backup@contoso.com", DiagnosticCodes.ConditionalAccessPolicyMayApply, "de3300db-9825-4815-9e9d-39917bb7fa69")]
    [InlineData("ca-legacy-auth-block.json", "backup@contoso.com", DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, "4d1dd7de-07c1-437b-95d0-c57b811008b7")]
    [InlineData("ca-mfa-required.json", "backup@contoso.com", DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients, "b459071a-fb8a-4f9e-bf72-c46dca8fbe35")]
    [InlineData(Multi, "backup@contoso.com", DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, "99b9bfd0-eaaf-42de-96a7-3b17a317d042")]
    [InlineData(Multi, "admin@contoso.com", DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients, "58e5ce59-7ca4-41eb-b73a-c1a80a810cc9")]
    [InlineData(Multi, "alice@contoso.com", DiagnosticCodes.SecurityInfoRegistrationBlocked, "3bc99985-8df7-40ba-8d0c-b7aa5937bada")]
    public void Policy_findings_name_the_policy_the_readme_names(string file, string user, string code, string policyId)
    {
        var diagnosis = TestSupport.Diagnose.User(Fixture.Load(file), user);

        diagnosis.Single(code).PolicyId.Should().Be(policyId);
    }

    [Fact]
    public void Unknown_per_user_MFA_state_is_reported_as_APW090_with_the_value_as_evidence()
    {
        var diagnosis = TestSupport.Diagnose.User(Fixture.Load("unknown-mfa-state.json"));

        var finding = diagnosis.Single(DiagnosticCodes.DataNotCaptured);
        finding.RootCause.Should().BeTrue();
        finding.Evidence.Should().ContainSingle().Which.Should().Be(new Evidence(
            "/users/0/sections/authenticationRequirements/value/perUserMfaState",
            "\"unknownFutureValue\"",
            "\"disabled\", \"enabled\" or \"enforced\""));
    }
}
