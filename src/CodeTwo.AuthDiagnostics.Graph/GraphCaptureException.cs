namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>
/// A capture could not produce a snapshot at all: a user object (or the tenant's user list) could not be read for a
/// reason other than "no such user" — typically 403 because the app lacks <c>User.Read.All</c>. Failures of individual
/// sections never throw: they are recorded in the snapshot as <c>failed</c>.
/// </summary>
public sealed class GraphCaptureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GraphCaptureException()
        : this("The capture failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public GraphCaptureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public GraphCaptureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed Graph request.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="httpStatus">The HTTP status Graph answered with.</param>
    /// <param name="code">Graph's error code, when known.</param>
    /// <param name="requiredPermissions">The permissions the request needs.</param>
    public GraphCaptureException(string message, int httpStatus, string? code, IReadOnlyList<string> requiredPermissions)
        : base(message)
    {
        HttpStatus = httpStatus;
        Code = code;
        RequiredPermissions = requiredPermissions ?? [];
    }

    /// <summary>The HTTP status of the failed request (0 when none).</summary>
    public int HttpStatus { get; }

    /// <summary>Graph's error code, when known.</summary>
    public string? Code { get; }

    /// <summary>The Graph permissions the failed request needs.</summary>
    public IReadOnlyList<string> RequiredPermissions { get; } = [];
}
