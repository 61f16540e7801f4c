namespace CodeTwo.AuthDiagnostics;

/// <summary>Graph's <c>conditionalAccessClientApp</c>.</summary>
public enum ClientAppType
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary><c>all</c>.</summary>
    All,

    /// <summary><c>browser</c>.</summary>
    Browser,

    /// <summary><c>mobileAppsAndDesktopClients</c> (modern authentication clients).</summary>
    MobileAppsAndDesktopClients,

    /// <summary><c>exchangeActiveSync</c>.</summary>
    ExchangeActiveSync,

    /// <summary><c>easSupported</c> (obsolete).</summary>
    EasSupported,

    /// <summary><c>easUnsupported</c> (obsolete).</summary>
    EasUnsupported,

    /// <summary><c>other</c>: other clients, which includes every legacy-authentication protocol.</summary>
    Other,
}
