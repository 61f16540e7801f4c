namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>One entry of <c>GET /v1.0/users/{id}/authentication/methods</c>.</summary>
internal sealed record AuthenticationMethod : GraphObject
{
    /// <summary>The method id.</summary>
    public string? Id { get; internal init; }

    /// <summary>The method's kind, from <c>@odata.type</c>.</summary>
    public AuthenticationMethodKind Kind { get; internal init; }

    /// <summary>The <c>@odata.type</c> as written in the snapshot.</summary>
    public string ODataType { get; internal init; } = string.Empty;

    /// <summary>The position of this method in the section's array.</summary>
    public int Index { get; internal init; }

    /// <summary>
    /// True for a method that can serve as a second factor; false for the password and e-mail (e-mail serves
    /// password reset only) and for kinds this library does not know.
    /// </summary>
    public bool IsMfaCapable => Kind is not (AuthenticationMethodKind.Password or AuthenticationMethodKind.Email or AuthenticationMethodKind.Unknown);
}
