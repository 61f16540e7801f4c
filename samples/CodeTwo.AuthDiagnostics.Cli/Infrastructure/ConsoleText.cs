using System.Globalization;
using System.Text;

namespace CodeTwo.AuthDiagnostics.Cli.Infrastructure;

/// <summary>Makes text from a snapshot safe to print: one line, no control characters, no bidirectional overrides.</summary>
internal static class ConsoleText
{
    /// <summary>
    /// <paramref name="text"/> with line breaks, tabs and other control characters (including the escape character of
    /// terminal escape sequences) replaced by spaces, and invisible formatting characters (bidirectional overrides,
    /// zero-width characters) replaced by U+FFFD, so that a crafted snapshot cannot rewrite the terminal or hide text.
    /// </summary>
    /// <param name="text">Any text.</param>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? safe = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char replacement = char.IsControl(c) ? ' '
                : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? '\uFFFD'
                : c;
            if (replacement != c)
            {
                safe ??= new StringBuilder(text, 0, i, text.Length);
            }

            safe?.Append(replacement);
        }

        return safe?.ToString() ?? text;
    }
}
