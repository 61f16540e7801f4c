namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// The host's declared protocols evaluated against the retirement table on the snapshot's capture date: which are
/// retired, which still accept app passwords. Decides APW060 and whether the plan may weaken the tenant (catalog v1.1 §2).
/// </summary>
internal sealed class DeclaredProtocols
{
    private DeclaredProtocols(LegacyProtocols declared, DateOnly date)
    {
        Declared = declared;
        Date = date;
        var rows = LegacyProtocolRetirements.Of(declared);
        Retired = rows.Where(r => r.IsRetiredOn(date)).ToArray();
        Open = rows.Where(r => !r.IsRetiredOn(date)).ToArray();
    }

    /// <summary>The declared protocols.</summary>
    public LegacyProtocols Declared { get; }

    /// <summary>The evaluation date: the UTC date of the snapshot's <c>capturedAt</c>.</summary>
    public DateOnly Date { get; }

    /// <summary>Declared protocols that no longer accept app passwords on <see cref="Date"/>.</summary>
    public IReadOnlyList<LegacyProtocolRetirement> Retired { get; }

    /// <summary>Declared protocols that still accept app passwords on <see cref="Date"/>.</summary>
    public IReadOnlyList<LegacyProtocolRetirement> Open { get; }

    /// <summary>Whether the host declared no protocol.</summary>
    public bool NoneDeclared => Declared == LegacyProtocols.None;

    /// <summary>Whether protocols are declared and every one is retired: app-password sign-ins cannot work at all.</summary>
    public bool AllRetired => !NoneDeclared && Open.Count == 0;

    /// <summary>
    /// Whether a tenant-weakening change (security defaults off, a Conditional Access exclusion) can help: only when a
    /// declared protocol still accepts app passwords.
    /// </summary>
    public bool WeakeningCanHelp => Open.Count > 0;

    public static DeclaredProtocols For(DiagnosticsSettings settings, DateTimeOffset capturedAt) =>
        new(settings.LegacyProtocols, LegacyProtocolRetirements.EvaluationDate(capturedAt));

    /// <summary>Names as texts write them: "IMAP, POP and EWS".</summary>
    public static string Names(IReadOnlyList<LegacyProtocolRetirement> rows) => rows.Count switch
    {
        0 => string.Empty,
        1 => rows[0].DisplayName,
        _ => string.Join(", ", rows.Take(rows.Count - 1).Select(r => r.DisplayName)) + " and " + rows[^1].DisplayName,
    };
}
