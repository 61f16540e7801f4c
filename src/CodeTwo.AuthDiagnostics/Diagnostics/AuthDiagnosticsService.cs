using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CodeTwo.AuthDiagnostics;

/// <summary>The default <see cref="IAuthDiagnostics"/>: a <see cref="DiagnosticEngine"/> built once from the options, with logging.</summary>
internal sealed partial class AuthDiagnosticsService : IAuthDiagnostics
{
    private readonly DiagnosticEngine engine;
    private readonly int maxDegreeOfParallelism;
    private readonly ILogger<AuthDiagnosticsService> logger;

    /// <summary>Creates the service.</summary>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger; optional.</param>
    public AuthDiagnosticsService(IOptions<AuthDiagnosticsOptions> options, ILogger<AuthDiagnosticsService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        engine = new DiagnosticEngine(options.Value);
        maxDegreeOfParallelism = options.Value.MaxDegreeOfParallelism;
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
        return engine.AssessAll(snapshot, maxDegreeOfParallelism, cancellationToken);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Diagnosed {User}: {Verdict} ({Findings} findings, {Steps} plan steps)")]
    private partial void LogDiagnosed(string user, Verdict verdict, int findings, int steps);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Assessing {Total} users")]
    private partial void LogTenantWide(int total);
}
