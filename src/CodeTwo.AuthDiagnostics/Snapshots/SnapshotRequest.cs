using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics;

/// <summary>What to capture: the tenant sections and the listed users (UPNs or ids), or all users.</summary>
public sealed class SnapshotRequest
{
    /// <summary>The users to capture.</summary>
    public IReadOnlyList<string> Users { get; init; } = [];

    /// <summary>Capture every user of the tenant (<see cref="Users"/> is ignored).</summary>
    public bool AllUsers { get; init; }

    /// <summary>A request for one user.</summary>
    /// <param name="user">UPN or object id.</param>
    public static SnapshotRequest ForUser(string user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return new SnapshotRequest { Users = [user.Trim()] };
    }

    /// <summary>A request for several users.</summary>
    /// <param name="users">UPNs or object ids.</param>
    public static SnapshotRequest ForUsers(params string[] users)
    {
        ArgumentNullException.ThrowIfNull(users);
        return new SnapshotRequest { Users = users.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() };
    }

    /// <summary>A request for every user of the tenant.</summary>
    public static SnapshotRequest ForAllUsers() => new() { AllUsers = true };
}
