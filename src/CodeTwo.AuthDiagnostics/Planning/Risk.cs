using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics;

/// <summary>How much a step can hurt if it is wrong. Every <see cref="High"/> step requires approval.</summary>
public enum Risk
{
    /// <summary>Reversible and local to the user.</summary>
    Low = 0,

    /// <summary>Changes how the user signs in.</summary>
    Medium = 1,

    /// <summary>Weakens tenant-wide protection.</summary>
    High = 2,
}
