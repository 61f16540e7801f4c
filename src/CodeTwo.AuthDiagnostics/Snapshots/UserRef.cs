using System.Diagnostics.CodeAnalysis;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// A user as a host names it: a user principal name (<c>backup@contoso.com</c>) or an object id (a GUID). Made only by
/// <see cref="Parse"/> or <see cref="TryParse"/>, so every instance names a user.
/// </summary>
/// <remarks>
/// Equality follows Microsoft Entra ID: user principal names compare without regard to case
/// (<c>Backup@Contoso.com</c> is <c>backup@contoso.com</c>), object ids compare as GUIDs (any casing, with or without
/// braces), and a UPN never equals an object id, even of the same user (only a snapshot knows that they match).
/// </remarks>
/// <example>
/// <code>
/// UserRef user = UserRef.Parse("Backup@Contoso.com");
/// bool same = user == UserRef.Parse("backup@contoso.com");   // true
/// if (!UserRef.TryParse(input, out UserRef? parsed)) { /* tell the user what a UPN or id looks like */ }
/// </code>
/// </example>
public sealed class UserRef : IEquatable<UserRef>
{
    private readonly Guid? objectId;

    private UserRef(string value, Guid? objectId)
    {
        Value = value;
        this.objectId = objectId;
        Key = objectId is { } id ? id.ToString("D") : value;
    }

    /// <summary>How a snapshot looks the user up: the object id in its canonical form (<c>D</c>, as Graph writes it), or the UPN.</summary>
    internal string Key { get; }

    /// <summary>The UPN or id as given, trimmed.</summary>
    public string Value { get; }

    /// <summary>Whether the value is an object id (a GUID).</summary>
    public bool IsObjectId => objectId is not null;

    /// <summary>The object id, when the value is one; otherwise <see langword="null"/>.</summary>
    public Guid? ObjectId => objectId;

    /// <summary>Parses a UPN or an object id.</summary>
    /// <param name="value">The UPN (<c>backup@contoso.com</c>) or object id.</param>
    /// <returns>The user reference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is empty, or is neither a GUID nor a name with <c>@</c> and a domain.</exception>
    public static UserRef Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return TryParse(value, out var user)
            ? user
            : throw new ArgumentException($"'{value.Trim()}' is neither a user principal name (name@domain) nor an object id (GUID).", nameof(value));
    }

    /// <summary>Parses a UPN or an object id without throwing.</summary>
    /// <param name="value">The UPN (<c>backup@contoso.com</c>) or object id; <see langword="null"/> or blank fails.</param>
    /// <param name="user">The user reference, when the value is one.</param>
    /// <returns>Whether <paramref name="value"/> is a UPN (<c>name@domain</c>, no white space) or a GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out UserRef? user)
    {
        user = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        string trimmed = value.Trim();
        if (Guid.TryParse(trimmed, out var id))
        {
            user = new UserRef(trimmed, id);
            return true;
        }

        int at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.AsSpan().IndexOfAny(" \t\r\n") >= 0)
        {
            return false;
        }

        user = new UserRef(trimmed, null);
        return true;
    }

    /// <summary>Whether <paramref name="other"/> names the user the same way: UPNs ignoring case, object ids as GUIDs.</summary>
    /// <param name="other">Another reference.</param>
    public bool Equals([NotNullWhen(true)] UserRef? other) =>
        other is not null
        && (objectId is { } id
            ? other.objectId == id
            : other.objectId is null && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as UserRef);

    /// <inheritdoc />
    public override int GetHashCode() => objectId is { } id ? id.GetHashCode() : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Whether two references name the user the same way (see <see cref="Equals(UserRef)"/>).</summary>
    /// <param name="left">A reference.</param>
    /// <param name="right">Another reference.</param>
    public static bool operator ==(UserRef? left, UserRef? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two references differ (see <see cref="Equals(UserRef)"/>).</summary>
    /// <param name="left">A reference.</param>
    /// <param name="right">Another reference.</param>
    public static bool operator !=(UserRef? left, UserRef? right) => !(left == right);

    /// <inheritdoc />
    public override string ToString() => Value;
}
