using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>The outcome of reading one snapshot section, ready to be written in the snapshot's JSON shape.</summary>
internal sealed class SectionResult
{
    private SectionResult(SectionStatus status) => Status = status;

    public SectionStatus Status { get; }

    /// <summary>The captured object (object sections).</summary>
    public JsonElement? Value { get; private init; }

    /// <summary>The captured items of every page (collection sections).</summary>
    public IReadOnlyList<JsonElement>? Items { get; private init; }

    /// <summary>Captured items kept as their UTF-8 JSON (compact for the many sign-ins a tenant-wide capture holds), parsed only when written.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? RawItems { get; private init; }

    public string? Reason { get; private init; }

    public int HttpStatus { get; private init; }

    public string? Code { get; private init; }

    public string? Message { get; private init; }

    /// <summary>The permissions the failed section needs (failed sections only).</summary>
    public IReadOnlyList<string> RequiredPermissions { get; private init; } = [];

    public bool IsFailed => Status == SectionStatus.Failed;

    public static SectionResult Captured(JsonElement value) => new(SectionStatus.Captured) { Value = value };

    public static SectionResult Captured(IReadOnlyList<JsonElement> items) => new(SectionStatus.Captured) { Items = items };

    public static SectionResult CapturedRaw(IReadOnlyList<ReadOnlyMemory<byte>> items) => new(SectionStatus.Captured) { RawItems = items };

    public static SectionResult NotCaptured(string? reason) => new(SectionStatus.NotCaptured) { Reason = reason };

    public static SectionResult Failed(string section, RawResponse response)
    {
        var (code, message) = response.Error();
        return Failed(section, response.Status, code, message);
    }

    public static SectionResult Failed(string section, int status, string? code, string? message) => new(SectionStatus.Failed)
    {
        HttpStatus = status is >= 100 and <= 599 ? status : 502,
        Code = code,
        Message = message,
        RequiredPermissions = SnapshotSection.RequiredPermissionsFor(section),
    };

    /// <summary>A failed section with the status, code and message of another one (every user's <c>signIns</c> when the one log read failed).</summary>
    public SectionResult Copy() => (SectionResult)MemberwiseClone();

    public void WriteTo(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        switch (Status)
        {
            case SectionStatus.Captured:
                writer.WriteString("status", "captured");
                writer.WritePropertyName("value");
                if (RawItems is { } raw)
                {
                    writer.WriteStartArray();
                    foreach (var item in raw)
                    {
                        using var document = JsonDocument.Parse(item);
                        document.RootElement.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                }
                else if (Items is { } items)
                {
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        item.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    Value!.Value.WriteTo(writer);
                }

                break;
            case SectionStatus.Failed:
                writer.WriteString("status", "failed");
                writer.WriteStartObject("error");
                writer.WriteNumber("httpStatus", HttpStatus);
                if (Code is not null)
                {
                    writer.WriteString("code", Code);
                }

                if (Message is not null)
                {
                    writer.WriteString("message", Message);
                }

                writer.WriteStartArray("requiredPermissions");
                foreach (string permission in RequiredPermissions)
                {
                    writer.WriteStringValue(permission);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            default:
                writer.WriteString("status", "notCaptured");
                if (Reason is not null)
                {
                    writer.WriteString("reason", Reason);
                }

                break;
        }

        writer.WriteEndObject();
    }
}

/// <summary>The six tenant sections of a capture.</summary>
internal sealed record TenantSectionResults(
    SectionResult SecurityDefaults,
    SectionResult ConditionalAccessPolicies,
    SectionResult AuthenticationMethodsPolicy,
    SectionResult MfaServicePolicy,
    SectionResult Domains,
    SectionResult SubscribedSkus)
{
    public int Failed => new[] { SecurityDefaults, ConditionalAccessPolicies, AuthenticationMethodsPolicy, MfaServicePolicy, Domains, SubscribedSkus }.Count(s => s.IsFailed);
}

/// <summary>One user of a capture: the user object and its sections (the v1.2 ones, <c>signIns</c> and <c>conditionalAccessEvaluation</c>, attached once read).</summary>
internal sealed record UserResult(JsonElement User, SectionResult AuthenticationRequirements, SectionResult AuthenticationMethods, SectionResult TransitiveMemberOf)
{
    /// <summary>The user's legacy sign-ins (<c>signIns</c>).</summary>
    public SectionResult SignIns { get; set; } = SectionResult.NotCaptured(null);

    /// <summary>Microsoft's What-If evaluations (<c>conditionalAccessEvaluation</c>).</summary>
    public SectionResult ConditionalAccessEvaluation { get; set; } = SectionResult.NotCaptured(null);

    public int Failed => new[] { AuthenticationRequirements, AuthenticationMethods, TransitiveMemberOf, SignIns, ConditionalAccessEvaluation }.Count(s => s.IsFailed);

    public string? Id => User.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
