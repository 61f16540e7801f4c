using System.Text.Json;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

namespace CodeTwo.AuthDiagnostics.Cli.Rendering;

/// <summary>One-line descriptions of snapshot sections, shared by every command that prints them.</summary>
internal static class SectionText
{
    /// <summary>
    /// <c>captured (detail)</c>, <c>failed: HTTP 403 Authorization_RequestDenied; required permissions: Policy.Read.All</c>
    /// or <c>notCaptured: reason</c>. The status words are the snapshot's own.
    /// </summary>
    /// <param name="section">The section.</param>
    /// <param name="detail">What to say about a captured value, for example <c>enabled</c> or <c>3 policies</c>.</param>
    public static string Describe(SnapshotSection section, Func<JsonElement, string> detail) => section.Status switch
    {
        SectionStatus.Captured => "captured (" + detail(section.Value) + ")",
        SectionStatus.Failed => "failed: " + DescribeError(section),
        _ => section.Reason is { Length: > 0 } reason ? "notCaptured: " + ConsoleText.OneLine(reason) : "notCaptured",
    };

    /// <summary><c>HTTP 403 Authorization_RequestDenied; required permissions: Policy.Read.All</c>.</summary>
    /// <param name="section">The failed section.</param>
    public static string DescribeError(SnapshotSection section)
    {
        string text = "HTTP " + section.HttpStatus;
        if (section.ErrorCode is { Length: > 0 } code)
        {
            text += " " + ConsoleText.OneLine(code);
        }

        var permissions = section.RequiredPermissions;
        text += permissions.Count > 0
            ? "; required permissions: " + ConsoleText.OneLine(string.Join(", ", permissions))
            : "; required permissions not recorded";
        return text;
    }

    /// <summary><c>1 policy</c>, <c>3 policies</c>.</summary>
    public static string Count(int count, string singular, string plural) => count == 1 ? "1 " + singular : count + " " + plural;
}
