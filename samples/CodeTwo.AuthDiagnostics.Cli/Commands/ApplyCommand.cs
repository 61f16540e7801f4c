using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Graph;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Testing;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>
/// <c>apply [--snapshot FILE] [--user U] --executor inmemory [--apply] [--approve STEP]… [--approve-all]
/// [--journal FILE] [--resume] [--rollback]</c>: runs the plan. Always shows the dry run first; writes only with
/// <c>--apply</c>, and high-risk steps only when approved.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new DiagnosisOptions();
        var executor = new Option<string>("--executor")
        {
            Description = "Where the plan runs. inmemory: a simulated tenant built from the snapshot (offline; waits are fast-forwarded and manual steps are performed by the simulation). graph: the real tenant through Microsoft Graph (needs --live; --apply also needs --journal).",
            HelpName = "inmemory|graph",
            Required = true,
        };
        executor.AcceptOnlyFromAmong("inmemory", "graph");
        var confirm = new Option<string[]>("--confirm") { Description = "Mark the manual step with this id as done (repeatable), to continue a run that stopped at it.", HelpName = "STEP" };
        var apply = new Option<bool>("--apply") { Description = "Send the writes. Without it the command is a dry run and writes nothing." };
        var approve = new Option<string[]>("--approve") { Description = "Approve the high-risk step with this id (repeatable).", HelpName = "STEP" };
        var approveAll = new Option<bool>("--approve-all") { Description = "Approve every high-risk step." };
        var journal = new Option<string?>("--journal")
        {
            Description = "Record every step in this JSON Lines file, so that --resume continues an interrupted run and --rollback undoes it. With the in-memory executor, the simulated tenant's state is kept beside it in FILE.tenant.json.",
            HelpName = "FILE",
        };
        var resume = new Option<bool>("--resume") { Description = "Continue the run recorded in --journal without repeating completed writes." };
        var rollback = new Option<bool>("--rollback") { Description = "Undo the run recorded in --journal (reverse order; a dry run unless --apply)." };
        var command = new Command(
            "apply",
            "Run the remediation plan: first a dry run that lists every request (always shown), then, with --apply, the "
            + "writes (high-risk steps only with --approve STEP or --approve-all), the waits, the manual steps and a "
            + "verification that diagnoses the user again. Exit 0 when the run completes, 3 when it stops early "
            + "(waiting, manual step, approval refused, tenant drifted), 1 when a step fails. The plan's steps name the "
            + "Graph permissions they need (Policy.ReadWrite.AuthenticationMethod, User.RevokeSessions.All, "
            + "Policy.ReadWrite.SecurityDefaults, Policy.ReadWrite.ConditionalAccess, User.EnableDisableAccount.All).");
        options.AddTo(command);
        options.AddLiveTo(command);
        foreach (var option in new Option[] { executor, apply, approve, approveAll, journal, resume, rollback, confirm })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string? journalPath = parseResult.GetValue(journal);
            bool resuming = parseResult.GetValue(resume);
            bool rollingBack = parseResult.GetValue(rollback);
            bool applying = parseResult.GetValue(apply);
            if ((resuming || rollingBack) && journalPath is null)
            {
                throw new InvalidInputException($"{(resuming ? "--resume" : "--rollback")} needs --journal FILE (the journal of the run to continue or undo)");
            }

            if (resuming && rollingBack)
            {
                throw new InvalidInputException("choose either --resume or --rollback");
            }

            if (journalPath is not null)
            {
                SnapshotFiles.RequireWritableFilePath(journalPath, "--journal");
                if (!resuming && !rollingBack && applying && File.Exists(journalPath) && new FileInfo(journalPath).Length > 0)
                {
                    throw new InvalidInputException($"the journal '{journalPath}' already records a run; add --resume to continue it, --rollback to undo it, or choose another file");
                }
            }

            bool live = parseResult.GetValue(executor) == "graph";
            if (live && !parseResult.GetValue(options.Live))
            {
                throw new InvalidInputException("--executor graph changes the real tenant: add --live, so that the plan is made from a capture taken now");
            }

            if (live && applying && journalPath is null)
            {
                throw new InvalidInputException("--executor graph with --apply needs --journal FILE, so that an interrupted run can resume and be rolled back");
            }

            var (snapshot, name, userRef, service, diagnosis) = await options.DiagnoseAsync(parseResult, cancellationToken, console);
            string user = userRef.Value;
            var output = console.Out;
            output.WriteLine(ConsoleText.OneLine($"Snapshot: {name}"));
            output.WriteLine(ConsoleText.OneLine($"User: {diagnosis.UserPrincipalName ?? diagnosis.RequestedUser}"));
            output.WriteLine(ConsoleText.OneLine($"Verdict: {JsonNames(diagnosis.Verdict)} - {diagnosis.Counterfactual.Summary}"));

            var time = new FastForwardTimeProvider(DateTimeOffset.UtcNow);
            string? statePath = journalPath is null || live ? null : journalPath + ".tenant.json";
            var tenant = new InMemoryTenant(await TenantStateAsync(snapshot, statePath, resuming || rollingBack, cancellationToken), time);
            PlanRunner runner;
            if (live)
            {
                var (client, graphOptions) = options.Connection.Connect(parseResult, console);

                // The verifying capture observes what the first one did (sign-ins, What-If for the declared protocols).
                options.Observation.ApplyTo(parseResult, graphOptions, options.ToEngineOptions(parseResult));
                runner = new PlanRunner(new GraphExecutor(client, graphOptions), service, TimeProvider.System, new GraphSnapshotSource(client, graphOptions));
            }
            else
            {
                runner = new PlanRunner(tenant, service, time, tenant);
            }

            var confirmed = (parseResult.GetValue(confirm) ?? []).ToHashSet(StringComparer.Ordinal);
            IPlanJournal planJournal = journalPath is null ? PlanJournal.InMemory() : PlanJournal.File(journalPath);

            PlanRun run;
            if (rollingBack)
            {
                output.WriteLine();
                output.WriteLine(applying ? (live ? "Rolling back (Microsoft Graph):" : "Rolling back (in-memory tenant):") : "Rollback dry run (nothing is written; add --apply to roll back):");
                run = await runner.RollbackAsync(new PlanRunOptions { Mode = applying ? RunMode.Apply : RunMode.DryRun, Journal = planJournal }, cancellationToken);
                Print(output, run);
            }
            else
            {
                output.WriteLine();
                output.WriteLine("Dry run (nothing is written):");
                Print(output, await runner.RunAsync(diagnosis, new PlanRunOptions { Journal = planJournal }, cancellationToken));
                if (!applying)
                {
                    output.WriteLine();
                    output.WriteLine("Nothing was written. Add --apply (and --approve STEP or --approve-all for high-risk steps) to make these changes.");
                    return ExitCodes.Success;
                }

                var approved = parseResult.GetValue(approve) ?? [];
                foreach (string id in approved.Where(id => diagnosis.Plan.FindStep(id) is null))
                {
                    throw new InvalidInputException($"--approve '{id}' is not a step of this plan; its steps are: {string.Join(", ", diagnosis.Plan.Steps.Select(s => s.Id))}");
                }

                output.WriteLine();
                output.WriteLine(live ? "Apply (Microsoft Graph):" : "Apply (in-memory tenant; waits fast-forwarded, manual steps simulated):");
                run = await runner.RunAsync(diagnosis, new PlanRunOptions
                {
                    Mode = RunMode.Apply,
                    Approver = parseResult.GetValue(approveAll) ? PlanApprovers.All : PlanApprovers.Steps(approved),
                    Journal = planJournal,
                    Waits = live ? WaitHandling.ReturnToHost : WaitHandling.Block,
                    ConfirmManualStep = live ? (step, _) => ValueTask.FromResult(confirmed.Contains(step.Id)) : tenant.PerformManualStepAsync,
                }, cancellationToken);
                Print(output, run);
            }

            if (statePath is not null && (applying || rollingBack))
            {
                await SnapshotWriter.WriteFileAsync(tenant.Current, statePath, cancellationToken: cancellationToken);
            }

            if (!live)
            {
                var after = service.Diagnose(tenant.Current, UserRef.Parse(user));
                output.WriteLine();
                output.WriteLine($"Verdict now: {JsonNames(after.Verdict)}{(after.Verdict == Verdict.Available ? string.Empty : " - " + string.Join(", ", after.RootCauses.Select(f => f.Code)))}");
            }
            else if (run.Status is PlanRunStatus.WaitingUntil or PlanRunStatus.NeedsManualStep)
            {
                output.WriteLine();
                output.WriteLine(ConsoleText.OneLine($"Run the same command again with --resume{(run.Status == PlanRunStatus.NeedsManualStep ? $" --confirm {run.PendingStep}" : " once the wait is over")} to continue."));
            }
            return run.Status switch
            {
                PlanRunStatus.Completed => ExitCodes.Success,
                PlanRunStatus.Failed => ExitCodes.UnexpectedFailure,
                _ => ExitCodes.Stopped,
            };
        });
        return command;
    }

    private static async Task<TenantSnapshot> TenantStateAsync(TenantSnapshot snapshot, string? statePath, bool continuing, CancellationToken cancellationToken)
    {
        if (!continuing || statePath is null || !File.Exists(statePath))
        {
            return snapshot;
        }

        try
        {
            return await TenantSnapshot.LoadAsync(statePath, cancellationToken);
        }
        catch (SnapshotFormatException e)
        {
            throw new InvalidInputException($"the simulated tenant state '{statePath}' is not readable; delete it and the journal to start over", e.Errors.Select(x => x.Message).ToList());
        }
    }

    private static void Print(TextWriter output, PlanRun run)
    {
        foreach (var step in run.Steps)
        {
            output.WriteLine(ConsoleText.OneLine($"  [{Symbol(step.Status)}] {step.StepId}: {step.Message}"));
        }

        output.WriteLine(ConsoleText.OneLine($"  => {run.Status}{(run.Message is null ? string.Empty : ": " + run.Message)}"));
        if (run.VerifiedVerdict is { } verified)
        {
            output.WriteLine($"  Verified verdict: {JsonNames(verified)}");
        }
    }

    private static string Symbol(StepStatus status) => status switch
    {
        StepStatus.Completed => "done",
        StepStatus.CompletedEarlier => "done earlier",
        StepStatus.AlreadySatisfied => "already",
        StepStatus.WouldRun => "would",
        StepStatus.Pending => "pending",
        StepStatus.Drifted => "DRIFTED",
        StepStatus.Refused => "REFUSED",
        _ => "FAILED",
    };

    private static string JsonNames(Verdict verdict) => verdict.ToString().ToLowerInvariant();
}
