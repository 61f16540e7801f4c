using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeTwo.AuthDiagnostics.Testing.Internal;

/// <summary>The outcome of applying requests to a snapshot.</summary>
/// <param name="Status">The HTTP status Graph would answer with (204, 400, 404, 405).</param>
/// <param name="Snapshot">The snapshot after the requests (the same instance when a request failed).</param>
/// <param name="Error">Graph-style error message for statuses of 400 and above.</param>
internal sealed record PatchResult(int Status, TenantSnapshot Snapshot, string? Error);

/// <summary>
/// Applies the Graph requests a plan sends (and the simulated effects of its manual steps) to a snapshot, the way Graph
/// would apply them to the tenant: RFC 7396 JSON merge patches of the captured payloads in the snapshot document. It
/// uses only the core's public API: the snapshot is written with <see cref="SnapshotWriter"/>, patched as
/// <see cref="JsonNode"/>s and read back with <see cref="TenantSnapshot.Parse(ReadOnlySpan{byte})"/>, so a patched
/// payload the reader refuses is a 400 naming the reader's errors. Graph's enum checks the reader leaves to the rules
/// (an unknown <c>perUserMfaState</c> or policy <c>state</c> reads as Unknown) are made here.
/// </summary>
internal static class SnapshotPatcher
{
    private const string Sections = "sections";
    private const string Captured = "captured";

    private static readonly string[] PerUserMfaStates =
        [GraphText.Of(PerUserMfaState.Disabled), GraphText.Of(PerUserMfaState.Enabled), GraphText.Of(PerUserMfaState.Enforced)];

    private static readonly string[] PolicyStates =
    [
        GraphText.Of(ConditionalAccessPolicyState.Enabled),
        GraphText.Of(ConditionalAccessPolicyState.Disabled),
        GraphText.Of(ConditionalAccessPolicyState.EnabledForReportingButNotEnforced),
    ];

    /// <summary>Applies <paramref name="request"/> to <paramref name="snapshot"/>.</summary>
    public static PatchResult Apply(TenantSnapshot snapshot, GraphRequest request, DateTimeOffset now) => ApplyAll(snapshot, [request], now);

    /// <summary>Applies <paramref name="requests"/> in order to one copy of the document, read back once. Stops at the first failure.</summary>
    public static PatchResult ApplyAll(TenantSnapshot snapshot, IEnumerable<GraphRequest> requests, DateTimeOffset now)
    {
        var document = SnapshotDocument.Of(snapshot);
        foreach (var request in requests)
        {
            var (status, error) = Patch(document, request, now);
            if (status >= 400)
            {
                return new PatchResult(status, snapshot, error);
            }
        }

        try
        {
            return new PatchResult(204, SnapshotDocument.Read(document), null);
        }
        catch (SnapshotFormatException e)
        {
            return new PatchResult(400, snapshot, string.Join("; ", e.Errors.Select(x => x.Message)));
        }
    }

    /// <summary>Applies one request to <paramref name="document"/> (changed only when the request succeeds).</summary>
    private static (int Status, string? Error) Patch(JsonObject document, GraphRequest request, DateTimeOffset now)
    {
        string? path = RelativePath(request.Url);
        if (path is null)
        {
            return (400, $"'{request.Url}' is not a Microsoft Graph URL.");
        }

        string[] parts = path.Split('?')[0].Trim('/').Split('/');
        string method = request.Method.ToUpperInvariant();
        JsonNode? body;
        try
        {
            body = request.Body is null ? null : JsonNode.Parse(request.Body);
        }
        catch (JsonException e)
        {
            return (400, "The request body is not JSON: " + e.Message);
        }

        return (method, parts) switch
        {
            ("PATCH", [_, "users", var id, "authentication", "requirements"]) => PatchUserSection(document, id, "authenticationRequirements", body),
            ("POST", [_, "users", var id, "revokeSignInSessions"]) => PatchUser(document, id, new JsonObject { ["signInSessionsValidFromDateTime"] = SnapshotWriter.FormatInstant(now) }),
            ("PATCH", [_, "users", var id]) => PatchUser(document, id, body),
            ("PATCH", [_, "policies", "identitySecurityDefaultsEnforcementPolicy"]) => PatchTenantSection(document, "securityDefaults", body, capturesMissing: false),
            ("PATCH", [_, "policies", "mfaServicePolicy"]) => PatchTenantSection(document, "mfaServicePolicy", body, capturesMissing: true),
            ("PATCH", [_, "identity", "conditionalAccess", "policies", var id]) => PatchPolicy(document, id, body),
            ("PATCH", ["exchangeOnline"]) => PatchTenantSection(document, "exchangeOnline", body, capturesMissing: false),
            _ => (405, $"{method} {path} is not a request this library plans."),
        };
    }

    private static (int, string?) PatchUser(JsonObject document, string id, JsonNode? body)
    {
        if (FindUser(document, id) is not { } entry)
        {
            return NoSuchUser(id);
        }

        entry["user"] = MergePatch(entry["user"] ?? new JsonObject(), body);
        return (204, null);
    }

    private static (int, string?) PatchUserSection(JsonObject document, string id, string section, JsonNode? body)
    {
        if (FindUser(document, id) is not { } entry)
        {
            return NoSuchUser(id);
        }

        var sections = entry[Sections] as JsonObject;
        var merged = MergePatch(CapturedValue(sections?[section]) ?? new JsonObject(), body);
        if (InvalidEnum(merged, "perUserMfaState", PerUserMfaStates, "expected disabled, enabled or enforced") is { } error)
        {
            return (400, error);
        }

        if (sections is null)
        {
            entry[Sections] = sections = new JsonObject();
        }

        sections[section] = CapturedSection(merged);
        return (204, null);
    }

    private static (int, string?) PatchTenantSection(JsonObject document, string section, JsonNode? body, bool capturesMissing)
    {
        var sections = document[Sections] as JsonObject;
        var current = CapturedValue(sections?[section]);
        if (current is null && !capturesMissing)
        {
            return (404, "The snapshot does not hold this resource (section not captured).");
        }

        if (sections is null)
        {
            document[Sections] = sections = new JsonObject();
        }

        sections[section] = CapturedSection(MergePatch(current ?? new JsonObject(), body));
        return (204, null);
    }

    private static (int, string?) PatchPolicy(JsonObject document, string id, JsonNode? body)
    {
        if (CapturedValue(document[Sections]?["conditionalAccessPolicies"]) is not JsonArray policies)
        {
            return (404, "The snapshot does not hold Conditional Access policies (section not captured).");
        }

        for (int i = 0; i < policies.Count; i++)
        {
            if (policies[i] is JsonObject policy && string.Equals(Text(policy["id"]), id, StringComparison.OrdinalIgnoreCase))
            {
                var merged = MergePatch(policy, body);
                if (InvalidEnum(merged, "state", PolicyStates, "expected enabled, disabled or enabledForReportingButNotEnforced") is { } error)
                {
                    return (400, error);
                }

                policies[i] = merged;
                return (204, null);
            }
        }

        return (404, $"Conditional Access policy '{id}' does not exist.");
    }

    private static (int, string?) NoSuchUser(string id) =>
        (404, $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    /// <summary>The user entry (<c>users[i]</c>) whose object id or user principal name is <paramref name="id"/> (URL-escaped), case-insensitive.</summary>
    private static JsonObject? FindUser(JsonObject document, string id)
    {
        string key = Uri.UnescapeDataString(id).Trim();
        return document["users"] is JsonArray users
            ? users.OfType<JsonObject>().FirstOrDefault(u => u["user"] is JsonObject user
                && (string.Equals(Text(user["id"]), key, StringComparison.OrdinalIgnoreCase) || string.Equals(Text(user["userPrincipalName"]), key, StringComparison.OrdinalIgnoreCase)))
            : null;
    }

    /// <summary>The value of a captured section; <see langword="null"/> when the section is absent, not captured or failed.</summary>
    private static JsonNode? CapturedValue(JsonNode? section) =>
        section is JsonObject s && Text(s["status"]) == Captured ? s["value"] : null;

    private static JsonObject CapturedSection(JsonNode value) => new() { ["status"] = Captured, ["value"] = value };

    /// <summary>Graph's answer to an enum value it does not know: 400, with the reader's wording of the value.</summary>
    private static string? InvalidEnum(JsonNode merged, string name, string[] texts, string expected)
    {
        var value = merged[name];
        string? text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (text is not null && texts.Contains(text, StringComparer.Ordinal))
        {
            return null;
        }

        string found = value switch
        {
            null => "string \"\"",
            _ when text is not null => "string \"" + (text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...")) + "\"",
            _ => value.GetValueKind().ToString(),
        };
        return new SnapshotFormatError("$." + name, found, $"Invalid value for {name}: {expected}").Message;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>RFC 7396 JSON merge patch: objects merge recursively, null removes, anything else replaces. Returns a new node.</summary>
    private static JsonNode MergePatch(JsonNode target, JsonNode? patch)
    {
        if (patch is null)
        {
            return target.DeepClone();
        }

        if (patch is not JsonObject changes)
        {
            return patch.DeepClone();
        }

        // Existing members keep their place (a replaced value stays where it was); new members follow in the patch's order.
        var merged = target is JsonObject current ? current.DeepClone().AsObject() : new JsonObject();
        foreach (var (name, change) in changes)
        {
            if (change is null)
            {
                merged.Remove(name);
            }
            else
            {
                merged[name] = MergePatch(merged[name] ?? new JsonObject(), change);
            }
        }

        return merged;
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

/// <summary>A snapshot as a mutable JSON document, through the core's public writer and reader.</summary>
internal static class SnapshotDocument
{
    /// <summary>The document <see cref="SnapshotWriter"/> writes for <paramref name="snapshot"/>, as nodes.</summary>
    public static JsonObject Of(TenantSnapshot snapshot) =>
        JsonNode.Parse(SnapshotWriter.ToUtf8Bytes(snapshot))!.AsObject();

    /// <summary>Reads <paramref name="document"/> back.</summary>
    /// <exception cref="SnapshotFormatException">The document breaks a rule of the snapshot format.</exception>
    public static TenantSnapshot Read(JsonObject document)
    {
        // Compact, with System.Text.Json's default escaping: a payload's text is then what a compact document gives the
        // reader, so a read-back (GET) or a rollback check sees the same bytes as before the change.
        var options = new JsonWriterOptions { MaxDepth = SnapshotWriter.WriterOptions.MaxDepth };
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            document.WriteTo(writer);
        }

        return TenantSnapshot.Parse(buffer.WrittenSpan);
    }
}
