using System.Runtime.CompilerServices;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CodeTwo.AuthDiagnostics;

/// <summary>The default <see cref="IAuthDiagnostics"/>: a <see cref="DiagnosticEngine"/> built once from the options, with logging.</summary>
internal sealed partial class AuthDiagnosticsService : IAuthDiagnostics
{
    private const int YieldEvery = 256;
    private readonly DiagnosticEngine engine;
    private readonly ILogger<AuthDiagnosticsService> logger;

    /// <summary>Creates the service.</summary>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger; optional.</param>
    public AuthDiagnosticsService(IOptions<AuthDiagnosticsOptions> options, ILogger<AuthDiagnosticsService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        engine = new DiagnosticEngine(options.Value);
        this.logger = logger ?? NullLogger<AuthDiagnosticsService>.Instance;
    }

    /// <summary>The engine behind the service.</summary>
    public DiagnosticEngine Engine => engine;

    /// <inheritdoc />
    public Diagnosis Diagnose(TenantSnapshot snapshot, UserRef user)
    {
        var diagnosis = engine.Diagnose(snapshot, user);
        LogDiagnosed(diagnosis.RequestedUser, diagnosis.Verdict, diagnosis.Findings.Count, diagnosis.Plan.Steps.Count);
        return diagnosis;
    }

    /// <inheritdoc />
    public Assessment Assess(TenantSnapshot snapshot, UserRef user) => engine.Assess(snapshot, user);

    /// <inheritdoc />
    public IEnumerable<Assessment> AssessAll(TenantSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        LogTenantWide(snapshot.Users.Count + snapshot.MissingUsers.Count);
        return engine.AssessAll(snapshot, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Diagnosis> DiagnoseAllAsync(TenantSnapshot snapshot, IProgress<DiagnosisProgress>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        int total = snapshot.Users.Count + snapshot.MissingUsers.Count;
        int done = 0;
        LogTenantWide(total);
        foreach (var diagnosis in engine.DiagnoseAll(snapshot))
        {
            cancellationToken.ThrowIfCancellationRequested();
            done++;
            progress?.Report(new DiagnosisProgress(done, total));
            yield return diagnosis;
            if (done % YieldEvery == 0)
            {
                // Diagnosis is CPU-bound; give the caller's context a chance to run between batches.
                await Task.Yield();
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Diagnosed {User}: {Verdict} ({Findings} findings, {Steps} plan steps)")]
    private partial void LogDiagnosed(string user, Verdict verdict, int findings, int steps);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Diagnosing {Total} users")]
    private partial void LogTenantWide(int total);
}
