using CodeTwo.AuthDiagnostics.Diagnostics;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using Microsoft.Extensions.Options;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Tests.Execution;

/// <summary>
/// A fixture's first user diagnosed, with an in-memory tenant, a fast-forward clock and a runner around it. The host
/// declares SMTP AUTH (the one protocol that still accepts app passwords), so plans hold the Graph requests whose
/// execution these tests exercise; without a declared protocol they would be decision steps (catalog v1.1 §2).
/// </summary>
internal sealed class ExecutionHarness
{
    private ExecutionHarness(TenantSnapshot snapshot, string user, LegacyProtocols protocols)
    {
        Snapshot = snapshot;
        User = UserRef.Parse(user);
        Service = new AuthDiagnosticsService(Options.Create(new AuthDiagnosticsOptions { LegacyProtocols = protocols }));
        Diagnosis = Service.Diagnose(snapshot, User);
        Time = new FastForwardTimeProvider();
        Tenant = new InMemoryTenant(snapshot, Time);
        Runner = new PlanRunner(Tenant, Service, Time, Tenant);
    }

    public TenantSnapshot Snapshot { get; }

    public UserRef User { get; }

    public AuthDiagnosticsService Service { get; }

    public DiagnosisResult Diagnosis { get; }

    public FastForwardTimeProvider Time { get; }

    public InMemoryTenant Tenant { get; }

    public PlanRunner Runner { get; }

    public static ExecutionHarness For(string fixture, string? user = null, LegacyProtocols protocols = LegacyProtocols.SmtpAuth)
    {
        var snapshot = Fixture.Load(fixture).Snapshot();
        return new ExecutionHarness(snapshot, user ?? snapshot.Users[0].User.UserPrincipalName, protocols);
    }

    /// <summary>Apply with everything approved, waits fast-forwarded and manual steps performed by the tenant.</summary>
    public PlanRunOptions ApplyAll(IPlanJournal? journal = null) => new()
    {
        Mode = RunMode.Apply,
        Approver = PlanApprovers.All,
        Waits = WaitHandling.Block,
        ConfirmManualStep = Tenant.PerformManualStepAsync,
        Journal = journal,
    };

    public DiagnosisResult DiagnoseNow() => Service.Diagnose(Tenant.Current, User);

    /// <summary>Successful writes, as "METHOD URL BODY", in order.</summary>
    public IReadOnlyList<string> SuccessfulWrites() =>
        Tenant.Writes.Where(w => w.StatusCode is >= 200 and < 300).Select(w => $"{w.Request.Method} {w.Request.Url} {w.Request.Body}").ToArray();
}
