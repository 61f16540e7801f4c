using System.Globalization;
using System.Text;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// Makes tenant-supplied text (policy and display names, UPNs, Graph messages) safe inside rendered output: it can
/// neither change the Markdown's structure nor send control sequences to a terminal.
/// </summary>
internal static class RenderedText
{
    /// <summary>
    /// Prose for Markdown: the characters that start inline markup (emphasis, code, links, HTML and autolinks,
    /// entities, strikethrough) are backslash-escaped, and line breaks become spaces so text never starts a block of its
    /// own (which also keeps <c>&gt;</c>, <c>#</c> and list markers harmless: they matter only at the start of a line).
    /// </summary>
    public static string MarkdownProse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny(MarkdownSpecial) < 0 && !HasControl(value))
        {
            return value;
        }

        var s = new StringBuilder(value.Length + 8);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool entity = c == '&' && i + 1 < value.Length && (char.IsAsciiLetter(value[i + 1]) || value[i + 1] == '#');

            // An underscore between letters or digits (user_contoso.com, Authorization_RequestDenied) never opens or
            // closes emphasis, so it stays as it is.
            bool intraword = c == '_' && i > 0 && i + 1 < value.Length && char.IsLetterOrDigit(value[i - 1]) && char.IsLetterOrDigit(value[i + 1]);
            if ((c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '~' && !intraword) || entity)
            {
                s.Append('\\').Append(c);
            }
            else
            {
                AppendVisible(s, c);
            }
        }

        return s.ToString();
    }

    /// <summary>
    /// A Markdown code span that shows <paramref name="value"/> exactly (CommonMark): its fence is one backtick longer
    /// than the longest backtick run inside, padded with spaces when the value starts or ends with a backtick.
    /// </summary>
    public static string MarkdownCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string content = HasControl(value) ? Visible(value) : value;
        int longest = 0;
        int run = 0;
        foreach (char c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        string fence = new('`', longest + 1);
        bool pad = content.Length > 0 && (content[0] == '`' || content[^1] == '`' || (content[0] == ' ' && content[^1] == ' ' && content.Trim().Length > 0));
        return pad ? $"{fence} {content} {fence}" : $"{fence}{content}{fence}";
    }

    /// <summary>Text for a terminal: control characters (escape sequences, line breaks inside names) are shown as <c>\uXXXX</c>.</summary>
    public static string Console(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return HasControl(value) ? Visible(value) : value;
    }

    /// <summary>
    /// Text for one aligned line of a terminal report: line breaks, tabs and other control characters (the escape
    /// character of terminal sequences too) become spaces, invisible formatting characters (bidirectional overrides,
    /// zero-width characters) become U+FFFD, so a crafted name can neither rewrite the terminal nor hide text, and keeps
    /// its length (the columns stay aligned).
    /// </summary>
    public static string OneLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? safe = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            char replacement = char.IsControl(c) ? ' '
                : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? '\uFFFD'
                : c;
            if (replacement != c)
            {
                safe ??= new StringBuilder(value, 0, i, value.Length);
            }

            safe?.Append(replacement);
        }

        return safe?.ToString() ?? value;
    }

    private static readonly System.Buffers.SearchValues<char> MarkdownSpecial = System.Buffers.SearchValues.Create("\\`*_[]<&~");

    private static bool HasControl(string value)
    {
        foreach (char c in value)
        {
            if (IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>C0 and C1 controls, DEL, and the bidirectional overrides that can disguise text.</summary>
    private static bool IsControl(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static string Visible(string value)
    {
        var s = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            AppendVisible(s, c);
        }

        return s.ToString();
    }

    private static void AppendVisible(StringBuilder s, char c)
    {
        if (c is '\r' or '\n')
        {
            s.Append(' ');
        }
        else if (IsControl(c))
        {
            s.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        else
        {
            s.Append(c);
        }
    }
}
