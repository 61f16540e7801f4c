// A host of the CodeTwo.AuthDiagnostics packages, built from the packed .nupkg files (not the projects) by
// .ci/consumer-test: it registers the library through DI, loads a snapshot, diagnoses a user, renders the diagnosis,
// runs the plan as a dry run and then applied against the Testing package's in-memory tenant (file journal, rollback
// dry run), redacts the snapshot and diagnoses the copy, streams a generated tenant, and checks the verdicts.
//
//   consumer SNAPSHOT USER EXPECTED-VERDICT [EXPECTED-VERDICT-AFTER-APPLY] [--time]
//
// Prints the same lines on every runtime (net10.0, net8.0, NativeAOT): the script compares them. Exit 0 when every
// check holds, 1 on a mismatch (each one named on stderr), 2 on bad arguments. With --time it prints only the
// verdict, after one diagnosis and one text rendering (the whole-process timing in bench/README.md).
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

using CodeTwo.AuthDiagnostics;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

bool timeOnly = args.Contains("--time", StringComparer.Ordinal);
string[] positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
if (positional.Length is < 3 or > 4
    || !Enum.TryParse(positional[2], ignoreCase: true, out Verdict expected)
    || (positional.Length == 4 && !Enum.TryParse(positional[3], ignoreCase: true, out Verdict _)))
{
    Console.Error.WriteLine("usage: consumer SNAPSHOT USER EXPECTED-VERDICT [EXPECTED-VERDICT-AFTER-APPLY] [--time]");
    Console.Error.WriteLine("verdicts: " + string.Join(", ", Enum.GetNames<Verdict>()));
    return 2;
}

// stderr, so that stdout stays the same on every runtime.
Console.Error.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {(RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "NativeAOT")}");
Verdict? expectedAfter = positional.Length == 4 ? Enum.Parse<Verdict>(positional[3], ignoreCase: true) : null;
var user = UserRef.Parse(positional[1]);
var failures = new List<string>();
void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

TenantSnapshot snapshot = await TenantSnapshot.LoadAsync(positional[0], CancellationToken.None);

// The host's composition: the library, a clock that fast-forwards the plan's waits, and the in-memory tenant as the
// plan's IGraphExecutor (and as the snapshot source the runner verifies with).
var time = new FastForwardTimeProvider(snapshot.CapturedAt);
var tenant = new InMemoryTenant(snapshot, time);
var services = new ServiceCollection();
services.AddSingleton<TimeProvider>(time);
services.AddAuthDiagnostics(options => options.LegacyProtocols = LegacyProtocols.SmtpAuth);   // the product signs in to SMTP AUTH with the app password
services.AddSingleton<IGraphExecutor>(tenant);
services.AddSingleton<ISnapshotSource>(tenant);
using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
provider.GetService<IStartupValidator>()?.Validate();   // what a host does at start: AddAuthDiagnostics validates its options on start

IAuthDiagnostics diagnostics = provider.GetRequiredService<IAuthDiagnostics>();
Diagnosis diagnosis = diagnostics.Diagnose(snapshot, user);
string text = DiagnosisText.Render(diagnosis);
if (timeOnly)
{
    Console.WriteLine($"verdict: {diagnosis.Verdict} ({text.Length} characters of text)");
    return diagnosis.Verdict == expected ? 0 : 1;
}

string json = DiagnosisJson.Render(diagnosis);
string markdown = DiagnosisMarkdown.Render(diagnosis);
string script = PlanPowerShell.Render(diagnosis);
string sarif = DiagnosisSarif.Render(diagnosis);
Assessment assessment = diagnostics.Assess(snapshot, user);

// The write shapes give exactly what Render returns: UTF-8 into a buffer, text into a writer.
var written = new System.Buffers.ArrayBufferWriter<byte>();
DiagnosisSarif.Write(diagnosis, written);
Check(written.WrittenSpan.SequenceEqual(Encoding.UTF8.GetBytes(sarif)), "DiagnosisSarif.Write wrote other bytes than Render");
using (var scriptWriter = new StringWriter())
{
    await PlanPowerShell.WriteAsync(diagnosis, scriptWriter, CancellationToken.None);
    Check(scriptWriter.ToString() == script, "PlanPowerShell.WriteAsync wrote other text than Render");
}

Console.WriteLine($"user: {diagnosis.UserPrincipalName ?? diagnosis.RequestedUser}");
Console.WriteLine($"verdict: {diagnosis.Verdict}");
Console.WriteLine($"root causes: {string.Join(", ", diagnosis.RootCauses.Select(f => f.Code))}");
Console.WriteLine($"findings: {string.Join(", ", diagnosis.Findings.Select(f => f.Code))}");
Console.WriteLine($"counterfactual: {diagnosis.Counterfactual.Summary}");
Console.WriteLine($"plan: {string.Join(", ", diagnosis.Plan.Steps.Select(s => s.Id))}");
Console.WriteLine($"json: {Hash(json)}");
Console.WriteLine($"text: {Hash(text)}");
Console.WriteLine($"markdown: {Hash(markdown)}");
Console.WriteLine($"powershell: {Hash(script)}");
Console.WriteLine($"sarif: {Hash(sarif)}");
Console.WriteLine($"assessment: {assessment}");
Check(assessment.Verdict == diagnosis.Verdict, $"Assess says {assessment.Verdict}, Diagnose {diagnosis.Verdict}");
Check(assessment.Codes.SequenceEqual(diagnosis.Findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal)), "Assess and Diagnose report different codes");
Check(sarif.Contains("\"version\": \"2.1.0\"", StringComparison.Ordinal), "the SARIF log is not version 2.1.0");
Check(diagnosis.Verdict == expected, $"verdict {diagnosis.Verdict}, expected {expected}");
Check(json.Contains("\"schemaVersion\": 1", StringComparison.Ordinal), "the JSON rendering has no \"schemaVersion\": 1");
Check(text.Length > 0 && markdown.Length > 0 && script.Length > 0, "a rendering is empty");

// The dry run (the default mode) lists every request and writes nothing.
PlanRunner runner = provider.GetRequiredService<PlanRunner>();
PlanRun dryRun = await runner.RunAsync(diagnosis, new PlanRunOptions());
Console.WriteLine($"dry run: {dryRun.Status}, {dryRun.Steps.Count} step results, {dryRun.WritesSent} writes sent, {tenant.Writes.Count} writes received");
Check(dryRun.Mode == RunMode.DryRun, $"dry run mode {dryRun.Mode}");
Check(dryRun.WritesSent == 0 && tenant.Writes.Count == 0, "the dry run wrote to the tenant");
Check(diagnosis.Verdict == Verdict.Available || dryRun.Steps.Count > 0, "the dry run listed no step for a user whose App password is not available");

if (expectedAfter is { } after)
{
    // Applied, every step approved, waits fast-forwarded, manual steps done by the in-memory tenant, journalled to a
    // file; the runner then captures the tenant again and diagnoses the user: the verified verdict. Then a rollback
    // dry run from that journal.
    string journalPath = Path.Combine(Path.GetTempPath(), $"c2authdiag-consumer-{Environment.ProcessId}.jsonl");
    try
    {
        IPlanJournal journal = PlanJournal.File(journalPath);
        PlanRun applied = await runner.RunAsync(diagnosis, new PlanRunOptions
        {
            Mode = RunMode.Apply,
            Approver = PlanApprovers.All,
            Waits = WaitHandling.Block,
            ConfirmManualStep = tenant.PerformManualStepAsync,
            Journal = journal,
        });
        Verdict now = diagnostics.Diagnose(tenant.Current, user).Verdict;
        Console.WriteLine($"apply: {applied.Status}, {applied.WritesSent} writes sent, verified verdict {applied.VerifiedVerdict?.ToString() ?? "none"}, verdict now {now}");
        Check(applied.Status == PlanRunStatus.Completed, $"apply ended {applied.Status}: {applied.Message}");
        Check(now == after, $"verdict after apply {now}, expected {after}");

        int writes = tenant.Writes.Count;
        PlanRun rollback = await runner.RollbackAsync(new PlanRunOptions { Journal = PlanJournal.File(journalPath) });
        Console.WriteLine($"rollback dry run: {rollback.Status}, {rollback.Steps.Count} step results, {tenant.Writes.Count - writes} writes received");
        Check(tenant.Writes.Count == writes, "the rollback dry run wrote to the tenant");
        Check(rollback.Steps.Count > 0, "the rollback dry run found nothing to undo in the journal");
    }
    finally
    {
        File.Delete(journalPath);
    }
}

// Redaction keeps the diagnosis: the redacted copy reads back and gets the same verdict and codes.
string redacted = SnapshotWriter.ToJson(snapshot, new SnapshotWriterOptions { Redact = true });
Diagnosis again = diagnostics.Diagnose(TenantSnapshot.Parse(redacted), UserRef.Parse(diagnosis.UserId ?? positional[1]));
Console.WriteLine($"redacted: {Hash(redacted)}, verdict {again.Verdict}");
Check(again.Verdict == diagnosis.Verdict, $"the redacted snapshot's verdict is {again.Verdict}, not {diagnosis.Verdict}");

// A tenant-wide streamed run over a generated tenant (seeded, so the same counts everywhere): the fast audit, then the
// words for the users it lists, and the tenant-wide renderers.
GeneratedTenant generated = LargeTenantGenerator.Generate(300, 30);
var assessed = new SortedDictionary<Verdict, int>();
var diagnosed = new SortedDictionary<Verdict, int>();
foreach (Assessment each in diagnostics.AssessAll(generated.Snapshot))
{
    assessed[each.Verdict] = assessed.GetValueOrDefault(each.Verdict) + 1;
    Verdict words = diagnostics.Diagnose(generated.Snapshot, UserRef.Parse(each.RequestedUser)).Verdict;
    diagnosed[words] = diagnosed.GetValueOrDefault(words) + 1;
}

Console.WriteLine($"generated tenant (300 users, 30 policies): {string.Join(", ", assessed.Select(c => $"{c.Key} {c.Value}"))}");
Check(assessed.Values.Sum() == 300, $"the tenant-wide run assessed {assessed.Values.Sum()} users, not 300");
Check(assessed.SequenceEqual(diagnosed), "AssessAll and Diagnose count different verdicts");

string tenantJson = TenantJson.Render(diagnostics, generated.Snapshot, CancellationToken.None);
using (var stream = new MemoryStream())
{
    await TenantJson.WriteAsync(diagnostics, generated.Snapshot, stream, progress: null, CancellationToken.None);
    Check(stream.ToArray().AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(tenantJson)), "TenantJson.WriteAsync wrote other bytes than Render");
}

Console.WriteLine($"tenant summary: {Hash(tenantJson)}; SARIF: {Hash(TenantSarif.Render(diagnostics, generated.Snapshot, CancellationToken.None))}");
Check(tenantJson.Contains("\"users\": 300", StringComparison.Ordinal), "the tenant summary does not count 300 users");

// An accepted risk (as an admin's --accepted-risks file would hold it) read through the library's parser.
IReadOnlyList<AcceptedRisk> risks = AcceptedRisksFile.Parse("""{"acceptedRisks":[{"code":"APW010","reason":"until the Graph migration","acceptedBy":"it@contoso.com","expires":"2099-12-31"}]}""");
Check(risks.Count == 1 && risks[0].Code == "APW010", "the accepted-risks file was not read");

foreach (string failure in failures)
{
    Console.Error.WriteLine("MISMATCH: " + failure);
}

Console.WriteLine(failures.Count == 0 ? "consumer: OK" : $"consumer: {failures.Count} mismatch(es)");
return failures.Count == 0 ? 0 : 1;

static string Hash(string value) =>
    $"{Encoding.UTF8.GetByteCount(value)} bytes, sha256 {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16]}";
