using CodeTwo.AuthDiagnostics.Cli.Infrastructure;
using CodeTwo.AuthDiagnostics.Snapshots;

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
    public static string Describe<T>(Section<T> section, Func<T, string> detail)
        where T : class => section.Status switch
        {
            SectionStatus.Captured => "captured (" + detail(section.Value!) + ")",
            SectionStatus.Failed => "failed: " + Describe(section.Error!),
            _ => section.Reason is { Length: > 0 } reason ? "notCaptured: " + ConsoleText.OneLine(reason) : "notCaptured",
        };

    /// <summary><c>HTTP 403 Authorization_RequestDenied; required permissions: Policy.Read.All</c>.</summary>
    /// <param name="error">The section error.</param>
    public static string Describe(SectionError error)
    {
        string text = "HTTP " + error.HttpStatus;
        if (error.Code is { Length: > 0 } code)
        {
            text += " " + ConsoleText.OneLine(code);
        }

        var permissions = error.RequiredPermissions.IsDefaultOrEmpty ? [] : error.RequiredPermissions;
        text += permissions.Length > 0
            ? "; required permissions: " + ConsoleText.OneLine(string.Join(", ", permissions))
            : "; required permissions not recorded";
        return text;
    }

    /// <summary><c>1 policy</c>, <c>3 policies</c>.</summary>
    public static string Count(int count, string singular, string plural) => count == 1 ? "1 " + singular : count + " " + plural;
}
