using System.Text.Json;

using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Execution;

public sealed class PlanRunnerCoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> NotAvailableFixtures =>
    [
        "seed-security-defaults.json", "ca-mfa-required.json", "ca-legacy-auth-block.json", "disabled-account.json",
        "national-cloud-usgov.json", "per-user-enabled.json", "app-passwords-switch-off.json", "multi-user-tenant.json",
    ];

    public static TheoryData<string> UnfixableFixtures => ["guest-user.json", "ca-section-failed-403.json", "unknown-mfa-state.json"];

    [Theory]
    [MemberData(nameof(NotAvailableFixtures))]
    public async Task Applying_the_plan_to_the_in_memory_tenant_makes_the_user_available(string fixture)
    {
        var h = ExecutionHarness.For(fixture);
        h.Diagnosis.Verdict.Should().NotBe(Verdict.Available);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(), Ct);

        run.Status.Should().Be(PlanRunStatus.Completed, run.Message);
        h.DiagnoseNow().Verdict.Should().Be(Verdict.Available);
        if (h.Diagnosis.Plan.FindStep(PlanStepIds.Verify) is not null)
        {
            run.VerifiedVerdict.Should().Be(Verdict.Available);
        }
    }

    [Theory]
    [MemberData(nameof(UnfixableFixtures))]
    public async Task Where_no_tenant_change_can_help_the_run_completes_and_the_same_root_causes_remain(string fixture)
    {
        var h = ExecutionHarness.For(fixture);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(), Ct);

        run.Status.Should().Be(PlanRunStatus.Completed, run.Message);
        run.WritesSent.Should().Be(0);
        h.DiagnoseNow().RootCauses.Select(f => f.Code).Should().Equal(h.Diagnosis.RootCauses.Select(f => f.Code));
    }

    [Fact]
    public async Task A_dry_run_sends_no_write_and_lists_every_graph_request()
    {
        var h = ExecutionHarness.For("ca-mfa-required.json");

        var run = await h.Runner.RunAsync(h.Diagnosis, new PlanRunOptions(), Ct);

        run.Mode.Should().Be(RunMode.DryRun);
        run.Status.Should().Be(PlanRunStatus.Completed);
        h.Tenant.Writes.Should().BeEmpty();
        run.WritesSent.Should().Be(0);
        var graphSteps = h.Diagnosis.Plan.Steps.Where(s => s.Kind == PlanStepKind.Graph).ToArray();
        graphSteps.Should().NotBeEmpty();
        foreach (var step in graphSteps)
        {
            run.Steps.Should().ContainSingle(r => r.StepId == step.Id)
                .Which.Should().Match<StepResult>(r => r.Status == StepStatus.WouldRun && r.Request == step.Request);
        }
    }

    [Theory]
    [InlineData("seed-security-defaults.json")]
    [InlineData("ca-mfa-required.json")]
    public async Task A_crash_after_any_write_resumes_without_repeating_a_write_and_reaches_the_same_end(string fixture)
    {
        var reference = ExecutionHarness.For(fixture);
        (await reference.Runner.RunAsync(reference.Diagnosis, reference.ApplyAll(), Ct)).Status.Should().Be(PlanRunStatus.Completed);
        int writes = reference.SuccessfulWrites().Count;
        writes.Should().BeGreaterThan(1);

        for (int n = 1; n <= writes; n++)
        {
            var h = ExecutionHarness.For(fixture);
            string journalPath = Path.Combine(Path.GetTempPath(), $"c2-journal-{Guid.NewGuid():N}.jsonl");
            try
            {
                h.Tenant.CrashAfterWrite(n);
                var crash = () => h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(PlanJournal.File(journalPath)), Ct);
                await crash.Should().ThrowAsync<SimulatedCrashException>($"the tenant crashes after write {n}");

                var resumed = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(PlanJournal.File(journalPath)), Ct);

                resumed.Status.Should().Be(PlanRunStatus.Completed, $"resume after a crash at write {n}: {resumed.Message}");
                h.SuccessfulWrites().Should().OnlyHaveUniqueItems($"no write is repeated after a crash at write {n}");
                h.SuccessfulWrites().Should().HaveCount(writes);
                // The revocation instant is the only value that depends on when the write happened.
                Normalized(h.Tenant.ToJson()).Should().Be(Normalized(reference.Tenant.ToJson()));
            }
            finally
            {
                File.Delete(journalPath);
            }
        }
    }

    [Fact]
    public async Task A_policy_changed_since_the_snapshot_stops_the_run_as_drifted_without_overwriting_it()
    {
        var h = ExecutionHarness.For("ca-legacy-auth-block.json");
        var exclude = h.Diagnosis.Plan.Steps.Single(s => s.Id.StartsWith(PlanStepIds.ExcludeFromPolicyPrefix, StringComparison.Ordinal));
        var someoneElse = new GraphRequest("PATCH", exclude.Request!.Url, "{\"conditions\":{\"users\":{\"excludeUsers\":[\"11111111-2222-3333-4444-555555555555\"]}}}");
        (await h.Tenant.SendAsync(someoneElse, Ct)).StatusCode.Should().Be(204);
        int writesBefore = h.Tenant.Writes.Count;

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(), Ct);

        run.Status.Should().Be(PlanRunStatus.Drifted);
        run.PendingStep.Should().Be(exclude.Id);
        run.Message.Should().Contain("conditions.users.excludeUsers").And.Contain("11111111-2222-3333-4444-555555555555");
        h.Tenant.Writes.Should().HaveCount(writesBefore, "nothing is overwritten");
    }

    [Fact]
    public async Task A_value_already_in_place_is_skipped_as_already_satisfied()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        var enforce = h.Diagnosis.Plan.FindStep(PlanStepIds.EnforcePerUserMfa)!;
        (await h.Tenant.SendAsync(enforce.Request!, Ct)).StatusCode.Should().Be(204);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(), Ct);

        run.Status.Should().Be(PlanRunStatus.Completed);
        run.Steps.Single(s => s.StepId == PlanStepIds.EnforcePerUserMfa).Status.Should().Be(StepStatus.AlreadySatisfied);
        h.SuccessfulWrites().Count(w => w.StartsWith("PATCH", StringComparison.Ordinal) && w.Contains("requirements", StringComparison.Ordinal)).Should().Be(1, "only the earlier write");
    }

    [Fact]
    public async Task A_refused_approval_stops_before_the_high_risk_step_and_nothing_after_it_runs()
    {
        var h = ExecutionHarness.For("seed-security-defaults.json");

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(approver: PlanApprovers.None), Ct);

        run.Status.Should().Be(PlanRunStatus.Refused);
        run.PendingStep.Should().Be(PlanStepIds.DisableSecurityDefaults);
        h.SuccessfulWrites().Should().HaveCount(2).And.NotContain(w => w.Contains("identitySecurityDefaultsEnforcementPolicy", StringComparison.Ordinal));
        run.Steps.Should().NotContain(s => s.StepId == PlanStepIds.Verify);
    }

    [Fact]
    public async Task Waits_handed_back_to_the_host_resume_from_the_journal_once_the_time_has_come()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        var journal = PlanJournal.InMemory();
        var options = h.ApplyAll(journal, waits: WaitHandling.ReturnToHost);

        var first = await h.Runner.RunAsync(h.Diagnosis, options, Ct);
        first.Status.Should().Be(PlanRunStatus.WaitingUntil);
        first.WaitingUntil.Should().Be(h.Time.GetUtcNow() + TimeSpan.FromMinutes(15));

        h.Time.Advance(TimeSpan.FromMinutes(5));
        (await h.Runner.RunAsync(h.Diagnosis, options, Ct)).Status.Should().Be(PlanRunStatus.WaitingUntil, "ten minutes are still left");

        h.Time.Advance(TimeSpan.FromMinutes(10));
        var done = await h.Runner.RunAsync(h.Diagnosis, options, Ct);
        done.Status.Should().Be(PlanRunStatus.Completed, done.Message);
        h.SuccessfulWrites().Should().HaveCount(2, "the writes before the wait are not repeated");
    }

    [Fact]
    public async Task A_manual_step_without_confirmation_pauses_the_run()
    {
        var h = ExecutionHarness.For("per-user-enabled.json", protocols: LegacyProtocols.None);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(confirmManualSteps: false), Ct);

        run.Status.Should().Be(PlanRunStatus.NeedsManualStep);
        run.PendingStep.Should().Be(PlanStepIds.UserAddsAppPassword);
        run.Message.Should().Contain("Security info");
    }

    [Fact]
    public async Task A_403_names_the_permission_and_role_the_step_needs()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        h.Tenant.FailWhen(r => r.Method == "PATCH" && r.Url.EndsWith("/authentication/requirements", StringComparison.Ordinal), 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.");

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(), Ct);

        run.Status.Should().Be(PlanRunStatus.Failed);
        run.Message.Should().Contain("403").And.Contain("Policy.ReadWrite.AuthenticationMethod").And.Contain("Authentication Policy Administrator")
            .And.Contain("Insufficient privileges to complete the operation.");
    }

    [Theory]
    [InlineData(404, "no longer exists")]
    [InlineData(409, "conflict")]
    [InlineData(400, "rejected")]
    public async Task Graph_errors_become_clear_failures(int status, string words)
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        h.Tenant.FailWhen(r => r.Method == "PATCH", status, code: "Some_Code", message: "Graph's own words.");

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(), Ct);

        run.Status.Should().Be(PlanRunStatus.Failed);
        run.Message.Should().Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain(words).And.Contain("Graph's own words.");
    }

    [Fact]
    public async Task Throttling_is_retried_after_exactly_the_Retry_After_delay()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        h.Tenant.FailWhen(r => r.Method == "PATCH", 429, times: 2, retryAfterSeconds: 7);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(), Ct);

        run.Status.Should().Be(PlanRunStatus.Completed, run.Message);
        h.Time.Waits.Take(2).Should().Equal(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Throttling_without_Retry_After_backs_off_exponentially_and_gives_up_after_MaxAttempts()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        h.Tenant.FailWhen(r => r.Method == "PATCH", 503);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(maxAttempts: 4), Ct);

        run.Status.Should().Be(PlanRunStatus.Failed);
        run.Message.Should().Contain("503").And.Contain("after every retry");
        h.Time.Waits.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        h.Tenant.Writes.Should().HaveCount(4);
    }

    [Theory]
    [InlineData("seed-security-defaults.json")]
    [InlineData("ca-mfa-required.json")]
    public async Task Rollback_restores_the_captured_state_of_every_changed_section(string fixture)
    {
        var h = ExecutionHarness.For(fixture);
        var journal = PlanJournal.InMemory();
        (await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(journal), Ct)).Status.Should().Be(PlanRunStatus.Completed);

        var rollback = await h.Runner.RollbackAsync(ExecutionHarness.Rollback(journal), Ct);

        rollback.Status.Should().Be(PlanRunStatus.Completed, rollback.Message);
        rollback.Steps.Should().Contain(s => s.StepId == PlanStepIds.RevokeSignInSessions && s.Message.Contains("no rollback", StringComparison.Ordinal));
        var before = h.Snapshot;
        var after = h.Tenant.Current;
        Raw(after.Sections.SecurityDefaults.Value?.Json).Should().Be(Raw(before.Sections.SecurityDefaults.Value?.Json));
        Raw(after.Users[0].Sections.AuthenticationRequirements.Value?.Json).Should().Be(Raw(before.Users[0].Sections.AuthenticationRequirements.Value?.Json));
        (after.Sections.ConditionalAccessPolicies.Value ?? []).Select(p => p.Conditions.Users.ExcludeUsers).Should()
            .BeEquivalentTo((before.Sections.ConditionalAccessPolicies.Value ?? []).Select(p => p.Conditions.Users.ExcludeUsers), o => o.WithStrictOrdering());
        h.DiagnoseNow().Verdict.Should().Be(h.Diagnosis.Verdict);
    }

    [Fact]
    public async Task Rollback_refuses_to_overwrite_a_value_someone_changed_since()
    {
        var h = ExecutionHarness.For("seed-security-defaults.json");
        var journal = PlanJournal.InMemory();
        await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(journal), Ct);
        var enforce = h.Diagnosis.Plan.FindStep(PlanStepIds.EnforcePerUserMfa)!;
        await h.Tenant.SendAsync(enforce.Request! with { Body = "{\"perUserMfaState\":\"enabled\"}" }, Ct);

        var rollback = await h.Runner.RollbackAsync(ExecutionHarness.Rollback(journal), Ct);

        rollback.Status.Should().Be(PlanRunStatus.Drifted);
        rollback.PendingStep.Should().Be(PlanStepIds.EnforcePerUserMfa);
        h.Tenant.Current.Users[0].Sections.AuthenticationRequirements.Value!.PerUserMfaStateValue.Should().Be("enabled");
    }

    [Fact]
    public async Task A_dry_run_rollback_sends_nothing()
    {
        var h = ExecutionHarness.For("seed-security-defaults.json");
        var journal = PlanJournal.InMemory();
        await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(journal), Ct);
        int writes = h.Tenant.Writes.Count;

        var rollback = await h.Runner.RollbackAsync(ExecutionHarness.Rollback(journal, RunMode.DryRun), Ct);

        rollback.Steps.Where(s => s.Status == StepStatus.WouldRun).Should().HaveCount(2);
        h.Tenant.Writes.Should().HaveCount(writes);
    }

    [Fact]
    public async Task A_file_journal_ignores_a_torn_last_line_and_names_a_corrupt_one()
    {
        string path = Path.Combine(Path.GetTempPath(), $"c2-journal-{Guid.NewGuid():N}.jsonl");
        try
        {
            var journal = PlanJournal.File(path);
            var entry = new JournalEntry { At = DateTimeOffset.UnixEpoch, PlanFingerprint = "abc", StepId = "s1", Event = JournalEvent.Completed };
            await journal.AppendAsync(entry, Ct);
            await File.AppendAllTextAsync(path, "{\"at\":\"1970", Ct);
            (await journal.ReadAsync(Ct)).Should().ContainSingle().Which.StepId.Should().Be("s1");

            await File.WriteAllTextAsync(path, "garbage\n" + JsonSerializer.Serialize(new { at = "1970-01-01T00:00:00Z", planFingerprint = "abc", stepId = "s1", @event = "Completed" }) + "\n", Ct);
            var read = () => journal.ReadAsync(Ct);
            (await read.Should().ThrowAsync<InvalidDataException>()).WithMessage($"*{path}, line 1*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_journal_of_another_plan_is_refused()
    {
        var h = ExecutionHarness.For("seed-security-defaults.json");
        var journal = PlanJournal.InMemory();
        await journal.AppendAsync(new JournalEntry { At = DateTimeOffset.UnixEpoch, PlanFingerprint = "another-plan", StepId = "x", Event = JournalEvent.Completed }, Ct);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(journal), Ct);

        run.Status.Should().Be(PlanRunStatus.Failed);
        run.Message.Should().Contain("another plan");
        h.Tenant.Writes.Should().BeEmpty();
    }

    [Fact]
    public async Task Verify_without_a_snapshot_source_fails_clearly()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        var runner = new PlanRunner(h.Tenant, h.Service, h.Time);

        var run = await runner.RunAsync(h.Diagnosis, h.ApplyAll(), Ct);

        run.Status.Should().Be(PlanRunStatus.Failed);
        run.PendingStep.Should().Be(PlanStepIds.Verify);
        run.Message.Should().Contain("ISnapshotSource");
    }

    [Fact]
    public async Task An_invalid_per_user_state_is_rejected_by_the_tenant_with_400()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        var enforce = h.Diagnosis.Plan.FindStep(PlanStepIds.EnforcePerUserMfa)!;

        var response = await h.Tenant.SendAsync(enforce.Request! with { Body = "{\"perUserMfaState\":\"sometimes\"}" }, Ct);

        response.StatusCode.Should().Be(400);
        response.Body.Should().Contain("perUserMfaState");
    }

    [Fact]
    public void The_PowerShell_export_has_every_request_confirmations_and_WhatIf()
    {
        var h = ExecutionHarness.For("seed-security-defaults.json");

        string script = PlanPowerShell.Render(h.Diagnosis.Plan, h.Snapshot.Cloud, "backup@contoso.com");

        script.Should().Contain("SupportsShouldProcess = $true").And.Contain("Connect-MgGraph -Environment Global");
        foreach (var step in h.Diagnosis.Plan.Steps.Where(s => s.Kind == PlanStepKind.Graph))
        {
            script.Should().Contain($"Invoke-MgGraphRequest -Method {step.Request!.Method} -Uri '{step.Request.Url}'");
        }

        script.Should().Contain("ShouldContinue(").And.Contain("High-risk step: Turn off security defaults");
        script.Should().Contain("-Body '{\"isEnabled\":false}'");
        PlanPowerShell.Render(new RemediationPlan(h.Diagnosis.Plan) { Steps = [new PlanStep(h.Diagnosis.Plan.Steps[0]) { Title = "It's here" }] }, h.Snapshot.Cloud, "x")
            .Should().Contain("It''s here");
    }

    private static string Raw(JsonElement? element) => element?.GetRawText() ?? "null";

    private static string Normalized(string snapshotJson) =>
        System.Text.RegularExpressions.Regex.Replace(snapshotJson, "\"signInSessionsValidFromDateTime\": \"[^\"]*\"", "\"signInSessionsValidFromDateTime\": \"…\"");
}
