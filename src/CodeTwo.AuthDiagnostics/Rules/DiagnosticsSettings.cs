using System.Collections.Frozen;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>An immutable copy of <see cref="AuthDiagnosticsOptions"/>, taken when an engine is built.</summary>
internal sealed class DiagnosticsSettings
{
    internal DiagnosticsSettings(AuthDiagnosticsOptions options)
    {
        AuthDiagnosticsOptionsValidator.ThrowIfInvalid(options);
        TargetResourceAppId = options.TargetResourceAppId.Trim();
        LegacyProtocols = options.LegacyProtocols;
        PropagationWait = options.PropagationWait;
        DisabledCodes = options.Rules.DisabledCodes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        SeverityOverrides = options.Rules.SeverityOverrides.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        AcceptedRisks = options.AcceptedRisks.ToArray();
    }

    /// <summary>The target resource's app id.</summary>
    public string TargetResourceAppId { get; }

    /// <summary>Whether the target is Exchange Online.</summary>
    public bool TargetsExchangeOnline => string.Equals(TargetResourceAppId, KnownApps.ExchangeOnline, StringComparison.OrdinalIgnoreCase);

    /// <summary>The declared protocols.</summary>
    public LegacyProtocols LegacyProtocols { get; }

    /// <summary>The wait after revoking sessions.</summary>
    public TimeSpan PropagationWait { get; }

    /// <summary>Disabled codes.</summary>
    public IReadOnlySet<string> DisabledCodes { get; }

    /// <summary>Re-graded codes.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; }

    /// <summary>The host's accepted risks (records: the copy cannot change).</summary>
    public IReadOnlyList<AcceptedRisk> AcceptedRisks { get; }
}
