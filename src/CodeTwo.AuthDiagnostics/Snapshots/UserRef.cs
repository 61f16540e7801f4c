using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics;

/// <summary>A user as a host names it: a user principal name or an object id.</summary>
public readonly record struct UserRef
{
    private UserRef(string value) => Value = value;

    /// <summary>The UPN or id, trimmed.</summary>
    public string Value { get; }

    /// <summary>Whether the value is an object id (a GUID).</summary>
    public bool IsObjectId => Guid.TryParse(Value, out _);

    /// <summary>Parses a UPN or an object id.</summary>
    /// <param name="value">The UPN (<c>backup@contoso.com</c>) or object id.</param>
    /// <exception cref="ArgumentException">The value is empty, or is neither a GUID nor contains <c>@</c>.</exception>
    public static UserRef Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        string trimmed = value.Trim();
        if (!Guid.TryParse(trimmed, out _) && !trimmed.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{trimmed}' is neither a user principal name (name@domain) nor an object id (GUID).", nameof(value));
        }

        return new UserRef(trimmed);
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
