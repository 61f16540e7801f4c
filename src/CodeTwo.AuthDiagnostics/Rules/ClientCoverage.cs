namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>Which legacy clients a Conditional Access policy covers.</summary>
internal enum ClientCoverage
{
    /// <summary>Browser and modern clients only: no legacy client.</summary>
    None = 0,

    /// <summary>Exchange ActiveSync clients only.</summary>
    ExchangeActiveSyncOnly = 1,

    /// <summary>Every legacy client (<c>all</c>, <c>other</c>, or no list).</summary>
    AllLegacy = 2,
}
