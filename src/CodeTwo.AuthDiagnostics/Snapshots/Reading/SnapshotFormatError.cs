using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;

namespace CodeTwo.AuthDiagnostics;

/// <summary>One thing wrong with a snapshot document: where, what was found there, and what was expected.</summary>
/// <param name="Path">A JSONPath to the offending place, for example <c>$.users[3].user.id</c>.</param>
/// <param name="Found">What the document holds there, for example <c>missing</c> or <c>string "yes"</c>.</param>
/// <param name="Expected">What the contract expects there, in plain words.</param>
public sealed record SnapshotFormatError(string Path, string Found, string Expected)
{
    /// <summary>The error as one line: <c>$.users[3].user.id: missing; every user needs an id</c>.</summary>
    public string Message => $"{Path}: {Found}; {Expected}";

    /// <inheritdoc />
    public override string ToString() => Message;
}
