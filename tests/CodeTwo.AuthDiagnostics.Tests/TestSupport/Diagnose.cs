
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Tests.TestSupport;

/// <summary>Shortcuts for running the engine in tests.</summary>
public static class Diagnose
{
    /// <summary>The user most fixtures diagnose.</summary>
    public const string Backup = "backup@contoso.com";

    private static readonly DiagnosticEngine DefaultEngine = new();

    /// <summary>An engine whose host declares SMTP AUTH, the one protocol that still accepts app passwords (catalog v1.1 §1).</summary>
    private static readonly DiagnosticEngine SmtpEngine = new(new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.SmtpAuth });

    /// <summary>
    /// Diagnoses as a host that declares SMTP AUTH: plans then hold the Graph requests that weaken the tenant (security
    /// defaults off, Conditional Access exclusions), which without a declared protocol are decision steps.
    /// </summary>
    public static DiagnosisResult Smtp(TenantSnapshot snapshot, string user = Backup) => SmtpEngine.Diagnose(snapshot, UserRef.Parse(user));

    /// <inheritdoc cref="Smtp(TenantSnapshot, string)"/>
    public static DiagnosisResult Smtp(Fixture fixture, string user = Backup) => Smtp(fixture.Snapshot(), user);

    public static DiagnosisResult User(TenantSnapshot snapshot, string user = Backup, AuthDiagnosticsOptions? options = null) =>
        (options is null ? DefaultEngine : new DiagnosticEngine(options)).Diagnose(snapshot, UserRef.Parse(user));

    public static DiagnosisResult User(Fixture fixture, string user = Backup, AuthDiagnosticsOptions? options = null) =>
        User(fixture.Snapshot(), user, options);

    public static DiagnosisResult User(Fixture fixture, Action<AuthDiagnosticsOptions> configure, string user = Backup)
    {
        var options = new AuthDiagnosticsOptions();
        configure(options);
        return User(fixture.Snapshot(), user, options);
    }

    /// <summary>The distinct codes of the findings, in code order.</summary>
    public static string[] Codes(this DiagnosisResult diagnosis) =>
        diagnosis.Findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The only finding with <paramref name="code"/> (fails when there is none or several).</summary>
    public static Finding Single(this DiagnosisResult diagnosis, string code)
    {
        var matches = diagnosis.Findings.Where(f => f.Code == code).ToArray();
        matches.Should().ContainSingle($"exactly one {code} is expected; the findings are {string.Join(", ", diagnosis.Findings.Select(f => f.Code))}");
        return matches[0];
    }
}
