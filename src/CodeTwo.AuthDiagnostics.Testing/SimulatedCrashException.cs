namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>
/// Thrown by <see cref="InMemoryTenant"/> after it applied the write it was told to crash after: the change reached
/// the tenant, but the caller never learned it (a process crash, a reboot, a lost connection).
/// </summary>
public sealed class SimulatedCrashException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulatedCrashException()
        : base("Simulated crash after a write reached the tenant.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
