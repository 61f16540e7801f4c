using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>One user of a snapshot: the user object and the user's sections.</summary>
internal sealed record UserEntry
{
    /// <summary>The user object (<c>id</c> and <c>userPrincipalName</c> are always present).</summary>
    public DirectoryUser User { get; internal init; } = new();

    /// <summary>The user's sections.</summary>
    public UserSections Sections { get; internal init; } = UserSections.NotCaptured;

    /// <summary>The position of this entry in the snapshot's <c>users</c> array; JSON pointers into the snapshot start at <c>/users/{Index}</c>.</summary>
    public int Index { get; internal init; }
}
