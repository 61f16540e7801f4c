using System.Globalization;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

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
        w.WriteLine($"'{ConsoleText.OneLine(path)}' is a valid snapshot.");
        w.WriteLine();
        Field(w, "Tenant id", snapshot.TenantId.ToString("D"));
        Field(w, "Cloud", SnapshotFormat.CloudName(snapshot.Cloud));
        Field(w, "Captured at", SnapshotFormat.FormatInstant(snapshot.CapturedAt));
        Field(w, "Schema version", snapshot.SchemaVersion.ToString(CultureInfo.InvariantCulture));
        Field(w, "Users", $"{snapshot.Users.Count} ({snapshot.MissingUsers.Count} missing)");
        w.WriteLine();

        var s = snapshot.Sections;
        w.WriteLine("Tenant sections:");
        Line(w, 2, "securityDefaults", SectionText.Describe(s.SecurityDefaults, p => p.IsEnabled ? "enabled" : "disabled"));
        Line(w, 2, "conditionalAccessPolicies", SectionText.Describe(s.ConditionalAccessPolicies, Policies));
        Line(w, 2, "authenticationMethodsPolicy", SectionText.Describe(s.AuthenticationMethodsPolicy, MigrationState));
        Line(w, 2, "mfaServicePolicy", SectionText.Describe(s.MfaServicePolicy, p => p.AllowAppPasswords is { } allow
            ? "allowAppPasswords: " + (allow ? "true" : "false")
            : "allowAppPasswords not present"));
        Line(w, 2, "domains", SectionText.Describe(s.Domains, Domains));
        Line(w, 2, "subscribedSkus", SectionText.Describe(s.SubscribedSkus, Skus));

        if (snapshot.Users.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(snapshot.Users.Count > MaxUsersListed
                ? $"Users (first {MaxUsersListed} of {snapshot.Users.Count}):"
                : "Users:");
            foreach (var entry in snapshot.Users.Take(MaxUsersListed))
            {
                WriteUser(w, entry);
            }

            if (snapshot.Users.Count > MaxUsersListed)
            {
                w.WriteLine($"  … and {snapshot.Users.Count - MaxUsersListed} more");
            }
        }

        if (snapshot.MissingUsers.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Missing users (asked for, not found in the tenant):");
            foreach (string missing in snapshot.MissingUsers.Take(MaxUsersListed))
            {
                w.WriteLine("  " + ConsoleText.OneLine(missing));
            }

            if (snapshot.MissingUsers.Count > MaxUsersListed)
            {
                w.WriteLine($"  … and {snapshot.MissingUsers.Count - MaxUsersListed} more");
            }
        }
    }

    private static void WriteUser(TextWriter w, UserEntry entry)
    {
        var user = entry.User;
        var notes = new List<string> { "per-user MFA: " + PerUserMfa(entry.Sections.AuthenticationRequirements) };
        if (user.UserType == UserType.Guest)
        {
            notes.Add("guest");
        }

        if (user.AccountEnabled == false)
        {
            notes.Add("account disabled");
        }

        w.WriteLine($"  {ConsoleText.OneLine(user.UserPrincipalName)} ({string.Join(", ", notes)})");
        var sections = entry.Sections;
        Line(w, 4, "authenticationRequirements", SectionText.Describe(sections.AuthenticationRequirements, r => MfaState(r)));
        Line(w, 4, "authenticationMethods", SectionText.Describe(sections.AuthenticationMethods, Methods));
        Line(w, 4, "transitiveMemberOf", SectionText.Describe(sections.TransitiveMemberOf, Memberships));
    }

    private static string PerUserMfa(Section<AuthenticationRequirements> section) => section.Status switch
    {
        SectionStatus.Captured => MfaState(section.Value!),
        SectionStatus.Failed => "unknown (section failed)",
        _ => "unknown (not captured)",
    };

    private static string MfaState(AuthenticationRequirements requirements) =>
        requirements.PerUserMfaState == PerUserMfaState.Unknown
            ? ConsoleText.OneLine(requirements.PerUserMfaStateValue) + " — not known to this version"
            : ConsoleText.OneLine(requirements.PerUserMfaStateValue);

    private static string Policies(IReadOnlyList<ConditionalAccessPolicy> policies)
    {
        string text = SectionText.Count(policies.Count, "policy", "policies");
        if (policies.Count == 0)
        {
            return text;
        }

        var states = new List<string>();
        AddCount(states, policies.Count(p => p.State == ConditionalAccessPolicyState.Enabled), "enabled");
        AddCount(states, policies.Count(p => p.State == ConditionalAccessPolicyState.EnabledForReportingButNotEnforced), "report-only");
        AddCount(states, policies.Count(p => p.State == ConditionalAccessPolicyState.Disabled), "disabled");
        AddCount(states, policies.Count(p => p.State == ConditionalAccessPolicyState.Unknown), "in an unknown state");
        return text + ": " + string.Join(", ", states);
    }

    private static string MigrationState(AuthenticationMethodsPolicy policy)
    {
        string value = policy.Json.ValueKind == JsonValueKind.Object
            && policy.Json.TryGetProperty("policyMigrationState", out var state)
            && state.ValueKind == JsonValueKind.String
                ? ConsoleText.OneLine(state.GetString()!)
                : "not set";
        return policy.PolicyMigrationState == PolicyMigrationState.Unknown
            ? "policyMigrationState: " + value + " — not known to this version"
            : "policyMigrationState: " + value;
    }

    private static string Domains(IReadOnlyList<Domain> domains)
    {
        string text = SectionText.Count(domains.Count, "domain", "domains");
        int federated = domains.Count(d => d.AuthenticationType == DomainAuthenticationType.Federated);
        return federated > 0 ? $"{text}, {federated} federated" : text;
    }

    private static string Skus(IReadOnlyList<SubscribedSku> skus)
    {
        string text = SectionText.Count(skus.Count, "SKU", "SKUs");
        var names = skus.Select(s => s.SkuPartNumber).OfType<string>().Select(ConsoleText.OneLine).ToList();
        if (names.Count == 0)
        {
            return text;
        }

        const int shown = 5;
        return text + ": " + string.Join(", ", names.Take(shown)) + (names.Count > shown ? ", …" : string.Empty);
    }

    private static string Methods(IReadOnlyList<AuthenticationMethod> methods)
    {
        string text = SectionText.Count(methods.Count, "method", "methods");
        if (methods.Count == 0)
        {
            return text;
        }

        var kinds = methods
            .GroupBy(m => ShortMethodName(m.ODataType), StringComparer.Ordinal)
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

    private static string Memberships(IReadOnlyList<DirectoryObject> objects)
    {
        var parts = new List<string>();
        int groups = objects.Count(o => o.Kind == DirectoryObjectKind.Group);
        int roles = objects.Count(o => o.Kind == DirectoryObjectKind.DirectoryRole);
        int units = objects.Count(o => o.Kind == DirectoryObjectKind.AdministrativeUnit);
        int other = objects.Count - groups - roles - units;
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
