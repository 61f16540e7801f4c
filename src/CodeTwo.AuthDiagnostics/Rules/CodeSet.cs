
namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// Codes as bit sets (see <see cref="CodeTable"/>): all that fired, and those that decide each verdict. The catalog's
/// verdict rule lives here, once, for <c>Assess</c>, <c>Diagnose</c> and the counterfactual alike: precedence unavailable
/// &gt; indeterminate &gt; unusable &gt; available; availability and usability blockers; data findings of warning or more
/// make the verdict indeterminate (except APW091 and APW092); an accepted finding fires but drives nothing.
/// </summary>
internal struct CodeSet
{
    /// <summary>Every code that fired.</summary>
    public ulong Fired;

    /// <summary>Codes the host's acceptances in force cover for the user without naming a policy: they fire, and decide nothing.</summary>
    public ulong Accepted;

    /// <summary>Codes with an effective severity of blocker.</summary>
    public ulong Blockers;

    /// <summary>Availability blockers.</summary>
    public ulong Unavailable;

    /// <summary>Usability blockers.</summary>
    public ulong Unusable;

    /// <summary>Data findings of warning severity or more (except APW091 and APW092).</summary>
    public ulong Indeterminate;

    /// <summary>The verdict these codes decide.</summary>
    public readonly Verdict Verdict =>
        Unavailable != 0 ? Verdict.Unavailable
        : Indeterminate != 0 ? Verdict.Indeterminate
        : Unusable != 0 ? Verdict.Unusable
        : Verdict.Available;

    /// <summary>The codes still in the way of 'available': blockers and the data that makes the verdict indeterminate.</summary>
    public readonly ulong Remaining => Blockers | Indeterminate;

    /// <summary>
    /// The codes of <paramref name="findings"/> (<c>table</c> bits): every one fires, those not accepted drive the sets
    /// their severity and kind drive.
    /// </summary>
    public static CodeSet Of(IReadOnlyList<Finding> findings, CodeTable table)
    {
        var codes = default(CodeSet);
        for (int i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            ulong mask = table.Mask(finding.Code);
            codes.Fired |= mask;
            if (finding.Acceptance is null)
            {
                codes.Drive(mask, finding.Code, finding.Severity, finding.Kind);
            }
        }

        return codes;
    }

    /// <summary>Whether a finding with <paramref name="code"/> at this severity and kind, not accepted, is a root cause of <paramref name="verdict"/>.</summary>
    public static bool Decides(Verdict verdict, string code, Severity severity, FindingKind kind)
    {
        var one = default(CodeSet);
        one.Drive(1, code, severity, kind);
        return one.RootCauses(verdict) != 0;
    }

    /// <summary>Records <paramref name="code"/> (its bit in <paramref name="mask"/>) in the sets its effective severity and kind drive.</summary>
    public void Drive(ulong mask, string code, Severity severity, FindingKind kind)
    {
        if (severity == Severity.Blocker)
        {
            Blockers |= mask;
            Unavailable |= kind == FindingKind.Availability ? mask : 0;
            Unusable |= kind == FindingKind.Usability ? mask : 0;
        }

        // APW091 and APW092: the settings no supported API reads never downgrade the verdict (the plan holds a manual check step instead).
        bool indeterminate = kind == FindingKind.Data && severity >= Severity.Warning
            && code is not (DiagnosticCodes.TenantAppPasswordSettingUnknown or DiagnosticCodes.ExchangeSettingsNotCaptured);
        Indeterminate |= indeterminate ? mask : 0;
    }

    /// <summary>The root causes of <paramref name="verdict"/>.</summary>
    public readonly ulong RootCauses(Verdict verdict) => verdict switch
    {
        Verdict.Unavailable => Unavailable,
        Verdict.Indeterminate => Indeterminate,
        Verdict.Unusable => Unusable,
        _ => 0,
    };
}
