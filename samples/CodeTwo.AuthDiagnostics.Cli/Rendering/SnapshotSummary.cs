using System.Globalization;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

namespace CodeTwo.AuthDiagnostics.Cli.Rendering;

/// <summary>
/// The one-screen summary that <c>validate</c> prints: the envelope, every tenant section with its status, then the
/// first <see cref="MaxUsersListed"/> users with their per-user MFA state and sections.
/// </summary>
internal static class SnapshotSummary
{
    /// <summary>How many users are listed before "… and N more".</summary>
    public const int MaxUsersListed = 20;

    private const int LabelWidth = 30;

    public static void Write(TextWriter w, string path, TenantSnapshot snapshot)
    {
        var contents = snapshot.Contents;
        w.WriteLine($"'{ConsoleText.OneLine(path)}' is a valid snapshot.");
        w.WriteLine();
        Field(w, "Tenant id", snapshot.TenantId.ToString("D"));
        Field(w, "Cloud", SnapshotWriter.FormatCloud(snapshot.Cloud));
        Field(w, "Captured at", SnapshotWriter.FormatInstant(snapshot.CapturedAt));
        Field(w, "Schema version", snapshot.SchemaVersion.ToString(CultureInfo.InvariantCulture));
        Field(w, "Users", $"{contents.Users.Count} ({contents.MissingUsers.Count} missing)");
        w.WriteLine();

        w.WriteLine("Tenant sections:");
        foreach (var section in contents.TenantSections)
        {
            Func<JsonElement, string>? detail = section.Name switch
            {
                "securityDefaults" => p => Bool(p, "isEnabled") == true ? "enabled" : "disabled",
                "conditionalAccessPolicies" => Policies,
                "authenticationMethodsPolicy" => MigrationState,
                "mfaServicePolicy" => p => Bool(p, "allowAppPasswords") is { } allow
                    ? "allowAppPasswords: " + (allow ? "true" : "false")
                    : "allowAppPasswords not present",
                "domains" => Domains,
                "subscribedSkus" => Skus,
                _ => null,
            };

            // The summary has always listed the six Graph sections; exchangeOnline is diagnosed, not summarised.
            if (detail is not null)
            {
                Line(w, 2, section.Name, SectionText.Describe(section, detail));
            }
        }

        if (contents.Users.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(contents.Users.Count > MaxUsersListed
                ? $"Users (first {MaxUsersListed} of {contents.Users.Count}):"
                : "Users:");
            foreach (var user in contents.Users.Take(MaxUsersListed))
            {
                WriteUser(w, user);
            }

            if (contents.Users.Count > MaxUsersListed)
            {
                w.WriteLine($"  … and {contents.Users.Count - MaxUsersListed} more");
            }
        }

        if (contents.MissingUsers.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Missing users (asked for, not found in the tenant):");
            foreach (string missing in contents.MissingUsers.Take(MaxUsersListed))
            {
                w.WriteLine("  " + ConsoleText.OneLine(missing));
            }

            if (contents.MissingUsers.Count > MaxUsersListed)
            {
                w.WriteLine($"  … and {contents.MissingUsers.Count - MaxUsersListed} more");
            }
        }
    }

    private static void WriteUser(TextWriter w, SnapshotUser user)
    {
        var requirements = user.Sections[0];
        var notes = new List<string> { "per-user MFA: " + PerUserMfa(requirements) };
        if (string.Equals(String(user.User, "userType"), "Guest", StringComparison.OrdinalIgnoreCase))
        {
            notes.Add("guest");
        }

        if (Bool(user.User, "accountEnabled") == false)
        {
            notes.Add("account disabled");
        }

        w.WriteLine($"  {ConsoleText.OneLine(user.UserPrincipalName)} ({string.Join(", ", notes)})");
        foreach (var section in user.Sections)
        {
            Func<JsonElement, string> detail = section.Name switch
            {
                "authenticationRequirements" => MfaState,
                "authenticationMethods" => Methods,
                _ => Memberships,
            };
            Line(w, 4, section.Name, SectionText.Describe(section, detail));
        }
    }

    private static string PerUserMfa(SnapshotSection section) => section.Status switch
    {
        SectionStatus.Captured => MfaState(section.Value),
        SectionStatus.Failed => "unknown (section failed)",
        _ => "unknown (not captured)",
    };

    private static string MfaState(JsonElement requirements)
    {
        string value = String(requirements, "perUserMfaState") ?? string.Empty;
        return IsKnown<PerUserMfaState>(value)
            ? ConsoleText.OneLine(value)
            : ConsoleText.OneLine(value) + " — not known to this version";
    }

    private static string Policies(JsonElement policies)
    {
        var states = policies.EnumerateArray().Select(p => String(p, "state")).ToList();
        string text = SectionText.Count(states.Count, "policy", "policies");
        if (states.Count == 0)
        {
            return text;
        }

        var parts = new List<string>();
        AddCount(parts, states.Count(s => Is(s, ConditionalAccessPolicyState.Enabled)), "enabled");
        AddCount(parts, states.Count(s => Is(s, ConditionalAccessPolicyState.EnabledForReportingButNotEnforced)), "report-only");
        AddCount(parts, states.Count(s => Is(s, ConditionalAccessPolicyState.Disabled)), "disabled");
        AddCount(parts, states.Count(s => !IsKnown<ConditionalAccessPolicyState>(s)), "in an unknown state");
        return text + ": " + string.Join(", ", parts);
    }

    private static string MigrationState(JsonElement policy)
    {
        string? state = String(policy, "policyMigrationState");
        string value = state is null ? "not set" : ConsoleText.OneLine(state);
        return state is not null && !IsKnown<PolicyMigrationState>(state)
            ? "policyMigrationState: " + value + " — not known to this version"
            : "policyMigrationState: " + value;
    }

    private static string Domains(JsonElement domains)
    {
        string text = SectionText.Count(domains.GetArrayLength(), "domain", "domains");
        int federated = domains.EnumerateArray().Count(d => Is(String(d, "authenticationType"), DomainAuthenticationType.Federated));
        return federated > 0 ? $"{text}, {federated} federated" : text;
    }

    private static string Skus(JsonElement skus)
    {
        string text = SectionText.Count(skus.GetArrayLength(), "SKU", "SKUs");
        var names = skus.EnumerateArray().Select(s => String(s, "skuPartNumber")).OfType<string>().Select(ConsoleText.OneLine).ToList();
        if (names.Count == 0)
        {
            return text;
        }

        const int shown = 5;
        return text + ": " + string.Join(", ", names.Take(shown)) + (names.Count > shown ? ", …" : string.Empty);
    }

    private static string Methods(JsonElement methods)
    {
        var types = methods.EnumerateArray().Select(m => String(m, "@odata.type") ?? string.Empty).ToList();
        string text = SectionText.Count(types.Count, "method", "methods");
        if (types.Count == 0)
        {
            return text;
        }

        var kinds = types
            .GroupBy(ShortMethodName, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}");
        return text + ": " + string.Join(", ", kinds);
    }

    private static string ShortMethodName(string odataType)
    {
        string name = ConsoleText.OneLine(odataType);
        const string prefix = "#microsoft.graph.";
        const string suffix = "AuthenticationMethod";
        if (name.StartsWith(prefix, StringComparison.Ordinal))
        {
            name = name[prefix.Length..];
        }

        if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
        {
            name = name[..^suffix.Length];
        }

        return name.Length == 0 ? "(no @odata.type)" : name;
    }

    private static string Memberships(JsonElement objects)
    {
        var types = objects.EnumerateArray().Select(o => String(o, "@odata.type")).ToList();
        var parts = new List<string>();
        int groups = types.Count(t => string.Equals(t, "#microsoft.graph.group", StringComparison.OrdinalIgnoreCase));
        int roles = types.Count(t => string.Equals(t, "#microsoft.graph.directoryRole", StringComparison.OrdinalIgnoreCase));
        int units = types.Count(t => string.Equals(t, "#microsoft.graph.administrativeUnit", StringComparison.OrdinalIgnoreCase));
        int other = types.Count - groups - roles - units;
        if (groups > 0)
        {
            parts.Add(SectionText.Count(groups, "group", "groups"));
        }

        if (roles > 0)
        {
            parts.Add(SectionText.Count(roles, "directory role", "directory roles"));
        }

        if (units > 0)
        {
            parts.Add(SectionText.Count(units, "administrative unit", "administrative units"));
        }

        if (other > 0)
        {
            parts.Add(SectionText.Count(other, "other object", "other objects"));
        }

        return parts.Count == 0 ? "no memberships" : string.Join(", ", parts);
    }

    /// <summary>A string property of a Graph payload, or <see langword="null"/>.</summary>
    private static string? String(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A Boolean property of a Graph payload, or <see langword="null"/>.</summary>
    private static bool? Bool(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>
    /// Whether a Graph enum string is a value this version knows: a named member of the library's public enum other
    /// than <c>Unknown</c> (Graph's strings are the members' names, compared case-insensitively as the library does).
    /// </summary>
    private static bool IsKnown<TEnum>(string? text)
        where TEnum : struct, Enum =>
        text is { Length: > 0 } && char.IsLetter(text[0]) && !text.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(text, ignoreCase: true, out TEnum value) && !value.Equals(default(TEnum));

    private static bool Is<TEnum>(string? text, TEnum member)
        where TEnum : struct, Enum =>
        IsKnown<TEnum>(text) && Enum.Parse<TEnum>(text!, ignoreCase: true).Equals(member);

    private static void AddCount(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{count} {what}");
        }
    }

    private static void Field(TextWriter w, string label, string value) => w.WriteLine($"{label,-16}{value}");

    private static void Line(TextWriter w, int indent, string label, string value) =>
        w.WriteLine(new string(' ', indent) + (label + ":").PadRight(LabelWidth - indent + 2) + value);
}
