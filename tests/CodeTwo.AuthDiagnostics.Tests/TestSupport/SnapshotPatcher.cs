using System.Text.Json;
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;

namespace CodeTwo.AuthDiagnostics.Tests.TestSupport;

/// <summary>The outcome of applying a request to a snapshot.</summary>
/// <param name="Status">The HTTP status Graph would answer with (200, 204, 400, 404, 405).</param>
/// <param name="Snapshot">The snapshot after the request (the same instance when nothing changed).</param>
/// <param name="Error">Graph-style error message for statuses of 400 and above.</param>
internal sealed record PatchResult(int Status, TenantSnapshot Snapshot, string? Error)
{
    /// <summary>For a policy patch: the patched policy list (not yet put into <see cref="Snapshot"/>).</summary>
    public ConditionalAccessPolicy[]? Policies { get; init; }
}

/// <summary>
/// Applies the Graph requests a plan sends to a snapshot, the way Graph would apply them to the tenant: JSON merge
/// patches of the captured payloads, re-read through the same mappers (so an invalid enum value is a 400).
/// Only the touched payload is re-parsed; the rest of the snapshot is shared, which keeps the property tests over
/// thousands of users fast. The Testing package's in-memory tenant applies the same patches to the snapshot document
/// through the core's public API (<c>CodeTwo.AuthDiagnostics.Testing.Internal.SnapshotPatcher</c>);
/// SnapshotPatcherTests holds the two to the same results.
/// </summary>
internal static class SnapshotPatcher
{
    /// <summary>
    /// Applies several requests in order, as <see cref="Apply(TenantSnapshot, GraphRequest, DateTimeOffset)"/> would one by
    /// one, but copies the Conditional Access policy list once for all the policy patches. Stops at the first failure.
    /// </summary>
    public static PatchResult ApplyAll(TenantSnapshot snapshot, IEnumerable<GraphRequest> requests, DateTimeOffset now)
    {
        ConditionalAccessPolicy[]? policies = null;
        foreach (var request in requests)
        {
            var result = IsPolicyPatch(request, out string? policyId) && snapshot.Sections.ConditionalAccessPolicies.Value is { } captured
                ? PatchPolicy(snapshot, policies ??= captured.ToArray(), policyId!, Body(request))
                : Apply(snapshot, request, now);
            if (result.Status >= 400)
            {
                return result;
            }

            snapshot = result.Snapshot;
        }

        return new PatchResult(204, policies is null ? snapshot : WithPolicies(snapshot, policies), null);
    }

    public static PatchResult Apply(TenantSnapshot snapshot, GraphRequest request, DateTimeOffset now)
    {
        string? path = RelativePath(request.Url);
        if (path is null)
        {
            return new PatchResult(400, snapshot, $"'{request.Url}' is not a Microsoft Graph URL.");
        }

        string[] parts = path.Split('?')[0].Trim('/').Split('/');
        string method = request.Method.ToUpperInvariant();
        JsonElement? body;
        try
        {
            body = request.Body is null ? null : ParseElement(request.Body);
        }
        catch (JsonException e)
        {
            return new PatchResult(400, snapshot, "The request body is not JSON: " + e.Message);
        }

        return (method, parts) switch
        {
            ("PATCH", [_, "users", var id, "authentication", "requirements"]) => PatchUser(snapshot, id, e => e.Sections.AuthenticationRequirements.Value?.Json, body, (c, el, entry) =>
            {
                var requirements = GraphPayloadReader.AuthenticationRequirements(c, el);
                if (requirements.PerUserMfaState == PerUserMfaState.Unknown)
                {
                    c.Error(JsonReadContext.Describe(requirements.PerUserMfaStateValue), "Invalid value for perUserMfaState: expected disabled, enabled or enforced");
                }

                return entry with { Sections = entry.Sections with { AuthenticationRequirements = Section.Captured(requirements) } };
            }),
            ("POST", [_, "users", var id, "revokeSignInSessions"]) => PatchUser(snapshot, id, e => e.User.Json, ParseElement($"{{\"signInSessionsValidFromDateTime\":\"{SnapshotWriter.FormatInstant(now)}\"}}"), (c, el, entry) =>
                entry with { User = GraphPayloadReader.User(c, el) }),
            ("PATCH", [_, "users", var id]) => PatchUser(snapshot, id, e => e.User.Json, body, (c, el, entry) => entry with { User = GraphPayloadReader.User(c, el) }),
            ("PATCH", [_, "policies", "identitySecurityDefaultsEnforcementPolicy"]) => PatchTenant(snapshot, snapshot.Sections.SecurityDefaults.Value?.Json, body, (c, el) =>
                snapshot.With(sections: snapshot.Sections with { SecurityDefaults = Section.Captured(GraphPayloadReader.SecurityDefaults(c, el)) })),
            ("PATCH", [_, "policies", "mfaServicePolicy"]) => PatchTenant(snapshot, snapshot.Sections.MfaServicePolicy.Value?.Json ?? ParseElement("{}"), body, (c, el) =>
                snapshot.With(sections: snapshot.Sections with { MfaServicePolicy = Section.Captured(GraphPayloadReader.MfaServicePolicy(c, el)) })),
            ("PATCH", [_, "identity", "conditionalAccess", "policies", var id]) => PatchOnePolicy(snapshot, id, body),
            ("PATCH", [var exchange]) when "/" + exchange == PlanBuilder.ExchangeOnlinePath => PatchTenant(snapshot, snapshot.Sections.ExchangeOnline.Value?.Json, body, (c, el) =>
                snapshot.With(sections: snapshot.Sections with { ExchangeOnline = Section.Captured(ExchangeOnlineSettingsReader.Read(c, el)) })),
            _ => new PatchResult(405, snapshot, $"{method} {path} is not a request this library plans."),
        };
    }

    private static PatchResult PatchUser(TenantSnapshot snapshot, string id, Func<UserEntry, JsonElement?> select, JsonElement? body, Func<JsonReadContext, JsonElement, UserEntry, UserEntry> rebuild)
    {
        var entry = snapshot.FindUser(Uri.UnescapeDataString(id));
        if (entry is null)
        {
            return new PatchResult(404, snapshot, $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
        }

        var current = select(entry) ?? ParseElement("{}");
        var (merged, context) = Merge(current, body);
        var updated = rebuild(context, merged, entry);
        if (context.Errors.Count > 0)
        {
            return new PatchResult(400, snapshot, string.Join("; ", context.Errors.Select(e => e.Message)));
        }

        var users = snapshot.Users.ToArray();
        int position = Array.IndexOf(users, entry);
        users[position] = updated;
        return new PatchResult(204, snapshot.With(users: users), null);
    }

    private static PatchResult PatchTenant(TenantSnapshot snapshot, JsonElement? current, JsonElement? body, Func<JsonReadContext, JsonElement, TenantSnapshot> rebuild)
    {
        if (current is null)
        {
            return new PatchResult(404, snapshot, "The snapshot does not hold this resource (section not captured).");
        }

        var (merged, context) = Merge(current.Value, body);
        var updated = rebuild(context, merged);
        return context.Errors.Count > 0
            ? new PatchResult(400, snapshot, string.Join("; ", context.Errors.Select(e => e.Message)))
            : new PatchResult(204, updated, null);
    }

    private static PatchResult PatchOnePolicy(TenantSnapshot snapshot, string id, JsonElement? body)
    {
        if (snapshot.Sections.ConditionalAccessPolicies.Value is not { } captured)
        {
            return new PatchResult(404, snapshot, "The snapshot does not hold Conditional Access policies (section not captured).");
        }

        var result = PatchPolicy(snapshot, captured.ToArray(), id, body);
        return result.Status < 400 ? result with { Snapshot = WithPolicies(snapshot, result.Policies!), Policies = null } : result;
    }

    /// <summary>Patches the policy <paramref name="id"/> inside <paramref name="list"/> (changed in place); the snapshot is left as it is.</summary>
    private static PatchResult PatchPolicy(TenantSnapshot snapshot, ConditionalAccessPolicy[] list, string id, JsonElement? body)
    {
        int position = Array.FindIndex(list, p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
        if (position < 0)
        {
            return new PatchResult(404, snapshot, $"Conditional Access policy '{id}' does not exist.");
        }

        var (merged, context) = Merge(list[position].Json, body);
        using (context.Enter(position))
        {
            var updated = GraphPayloadReader.ConditionalAccessPolicy(context, merged, position);
            if (updated.State == ConditionalAccessPolicyState.Unknown)
            {
                context.Error(JsonReadContext.Describe(updated.StateValue), "Invalid value for state: expected enabled, disabled or enabledForReportingButNotEnforced");
            }

            if (context.Errors.Count > 0)
            {
                return new PatchResult(400, snapshot, string.Join("; ", context.Errors.Select(e => e.Message)));
            }

            list[position] = updated;
        }

        return new PatchResult(204, snapshot, null) { Policies = list };
    }

    private static TenantSnapshot WithPolicies(TenantSnapshot snapshot, ConditionalAccessPolicy[] policies) =>
        snapshot.With(sections: snapshot.Sections with { ConditionalAccessPolicies = Section.Captured<IReadOnlyList<ConditionalAccessPolicy>>(policies) });

    private static bool IsPolicyPatch(GraphRequest request, out string? policyId)
    {
        policyId = null;
        if (!string.Equals(request.Method, "PATCH", StringComparison.OrdinalIgnoreCase) || RelativePath(request.Url) is not { } path)
        {
            return false;
        }

        string[] parts = path.Split('?')[0].Trim('/').Split('/');
        if (parts is [_, "identity", "conditionalAccess", "policies", var id])
        {
            policyId = id;
            return true;
        }

        return false;
    }

    private static JsonElement? Body(GraphRequest request) => request.Body is null ? null : ParseElement(request.Body);

    /// <summary>A JSON value on plain arrays (no pooled document to dispose); throws <see cref="JsonException"/> for bad JSON.</summary>
    private static JsonElement ParseElement(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        return JsonElement.ParseValue(ref reader);
    }

    private static (JsonElement Merged, JsonReadContext Context) Merge(JsonElement current, JsonElement? patch)
    {
        // The merged bytes live only until ParseValue has copied them: a pooled buffer leaves no garbage per patch.
        using var buffer = new PooledBufferWriter(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (patch is not { } change)
            {
                current.WriteTo(writer);
            }
            else
            {
                MergePatch(writer, current, change);
            }
        }

        // ParseValue builds a document on plain arrays, not the shared pool: the typed payload keeps referring to it for
        // as long as it lives, so a pooled (disposable) document would never give its buffers back.
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        var element = JsonElement.ParseValue(ref reader);
        return (element, new JsonReadContext(20));
    }

    /// <summary>RFC 7396 JSON merge patch, streamed: objects merge recursively, null removes, anything else replaces.</summary>
    private static void MergePatch(Utf8JsonWriter writer, JsonElement target, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            patch.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        if (target.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in target.EnumerateObject())
            {
                if (!patch.TryGetProperty(property.Name, out var change))
                {
                    property.WriteTo(writer);
                }
                else if (change.ValueKind != JsonValueKind.Null)
                {
                    writer.WritePropertyName(property.Name);
                    MergePatch(writer, property.Value, change);
                }
            }
        }

        foreach (var property in patch.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Null && (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(property.Name, out _)))
            {
                writer.WritePropertyName(property.Name);
                MergePatch(writer, default, property.Value);
            }
        }

        writer.WriteEndObject();
    }

    private static string? RelativePath(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url.StartsWith('/') ? url : null;
        }

        return uri.AbsolutePath + uri.Query;
    }
}
