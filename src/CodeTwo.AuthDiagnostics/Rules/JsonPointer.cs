using System.Globalization;
using System.Text;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>Builds RFC 6901 JSON pointers into a snapshot document, for evidence.</summary>
internal static class JsonPointer
{
    /// <summary>The pointer to a tenant section, for example <c>/sections/securityDefaults</c>.</summary>
    /// <param name="section">The section's JSON name.</param>
    /// <param name="tail">Further segments (property names or indexes).</param>
    public static string TenantSection(string section, params object[] tail) => Build(["sections", section, .. tail]);

    /// <summary>The pointer into a user entry, for example <c>/users/0/user/accountEnabled</c>.</summary>
    /// <param name="userIndex">The entry's index in <c>users</c>.</param>
    /// <param name="tail">Further segments (property names or indexes).</param>
    public static string User(int userIndex, params object[] tail) => Build(["users", userIndex, .. tail]);

    /// <summary>Builds a pointer from segments, escaping <c>~</c> and <c>/</c>.</summary>
    /// <param name="segments">Property names (strings) or array indexes (integers).</param>
    public static string Build(params object[] segments)
    {
        var text = new StringBuilder();
        foreach (object segment in segments)
        {
            text.Append('/');
            text.Append(segment switch
            {
                int index => index.ToString(CultureInfo.InvariantCulture),
                string name => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal),
                _ => Convert.ToString(segment, CultureInfo.InvariantCulture),
            });
        }

        return text.ToString();
    }
}
