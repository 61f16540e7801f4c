namespace CodeTwo.AuthDiagnostics;

/// <summary>Graph's <c>capabilityStatus</c> of a subscribed SKU.</summary>
public enum SkuCapabilityStatus
{
    /// <summary>A value this library does not know, or none.</summary>
    Unknown = 0,

    /// <summary><c>Enabled</c>.</summary>
    Enabled,

    /// <summary><c>Warning</c>: in its grace period; still usable.</summary>
    Warning,

    /// <summary><c>Suspended</c>.</summary>
    Suspended,

    /// <summary><c>Deleted</c>.</summary>
    Deleted,

    /// <summary><c>LockedOut</c>.</summary>
    LockedOut,
}
