
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using Microsoft.Extensions.Options;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Tests.Execution;

/// <summary>
/// A fixture's first user diagnosed, with an in-memory tenant, a fast-forward clock and a runner around it. The host
/// declares SMTP AUTH (the one protocol that still accepts app passwords), so plans hold the Graph requests whose
/// execution these tests exercise; without a declared protocol they would be decision steps (catalog v1.1 §2).
/// </summary>
internal sealed class ExecutionHarness
{
    private ExecutionHarness(TenantSnapshot snapshot, string user, LegacyProtocols protocols, DateTimeOffset? clockStart)
    {
        Snapshot = snapshot;
        User = UserRef.Parse(user);
        Service = new AuthDiagnosticsService(Options.Create(new AuthDiagnosticsOptions { LegacyProtocols = protocols }));
        Diagnosis = Service.Diagnose(snapshot, User);
        Time = new FastForwardTimeProvider(clockStart);
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

    /// <param name="fixture">The fixture file.</param>
    /// <param name="user">The user to diagnose; default the fixture's first.</param>
    /// <param name="protocols">The legacy protocols the host declares.</param>
    /// <param name="clockStart">Where the fast-forward clock starts (a date far from the wall clock proves nothing reads it).</param>
    public static ExecutionHarness For(string fixture, string? user = null, LegacyProtocols protocols = LegacyProtocols.SmtpAuth, DateTimeOffset? clockStart = null)
    {
        var snapshot = Fixture.Load(fixture).Snapshot();
        return new ExecutionHarness(snapshot, user ?? snapshot.Users[0].User.UserPrincipalName, protocols, clockStart);
    }

    /// <summary>
    /// Apply with everything approved, waits fast-forwarded and manual steps performed by the tenant (unless told
    /// otherwise); retry settings as given, else the defaults.
    /// </summary>
    public PlanRunOptions ApplyAll(
        IPlanJournal? journal = null,
        int? maxAttempts = null,
        TimeSpan? initialRetryDelay = null,
        TimeSpan? maxRetryDelay = null,
        IPlanApprover? approver = null,
        WaitHandling waits = WaitHandling.Block,
        bool confirmManualSteps = true)
    {
        var defaults = new PlanRunOptions();
        return new()
        {
            Mode = RunMode.Apply,
            Approver = approver ?? PlanApprovers.All,
            Waits = waits,
            ConfirmManualStep = confirmManualSteps ? Tenant.PerformManualStepAsync : null,
            Journal = journal,
            MaxAttempts = maxAttempts ?? defaults.MaxAttempts,
            InitialRetryDelay = initialRetryDelay ?? defaults.InitialRetryDelay,
            MaxRetryDelay = maxRetryDelay ?? defaults.MaxRetryDelay,
        };
    }

    /// <summary>Rollback options for <paramref name="journal"/>.</summary>
    public static PlanRunOptions Rollback(IPlanJournal journal, RunMode mode = RunMode.Apply, int? maxAttempts = null, TimeSpan? initialRetryDelay = null, TimeSpan? maxRetryDelay = null)
    {
        var defaults = new PlanRunOptions();
        return new()
        {
            Mode = mode,
            Journal = journal,
            MaxAttempts = maxAttempts ?? defaults.MaxAttempts,
            InitialRetryDelay = initialRetryDelay ?? defaults.InitialRetryDelay,
            MaxRetryDelay = maxRetryDelay ?? defaults.MaxRetryDelay,
        };
    }

    public DiagnosisResult DiagnoseNow() => Service.Diagnose(Tenant.Current, User);

    /// <summary>Successful writes, as "METHOD URL BODY", in order.</summary>
    public IReadOnlyList<string> SuccessfulWrites() =>
        Tenant.Writes.Where(w => w.StatusCode is >= 200 and < 300).Select(w => $"{w.Request.Method} {w.Request.Url} {w.Request.Body}").ToArray();
}
