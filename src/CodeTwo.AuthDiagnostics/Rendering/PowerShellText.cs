using System.Text;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>How the PowerShell renderers (<see cref="PlanPowerShell"/>, <see cref="ExchangeOnlineScript"/>) write text as literals.</summary>
internal static class PowerShellText
{
    /// <summary>
    /// A single-quoted PowerShell string holding <paramref name="value"/> literally. PowerShell also ends a
    /// single-quoted string at the typographic quotes U+2018 to U+201B, so those are doubled like <c>'</c>; control
    /// characters become spaces.
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
