using System.Text;

namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>PowerShell literals for tenant text (user names, policy names) in commands the plan prints.</summary>
internal static class PowerShellText
{
    /// <summary>
    /// A single-quoted string: <c>'</c> and the typographic quotes U+2018–U+201B (which PowerShell also ends single-quoted
    /// strings at) are doubled; control characters become spaces, so the literal stays on one line.
    /// </summary>
    public static string Quote(string value)
    {
        var s = new StringBuilder(value.Length + 2).Append('\'');
        foreach (char c in value)
        {
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
            {
                s.Append(c).Append(c);
            }
            else
            {
                s.Append(char.IsControl(c) ? ' ' : c);
            }
        }

        return s.Append('\'').ToString();
    }
}
