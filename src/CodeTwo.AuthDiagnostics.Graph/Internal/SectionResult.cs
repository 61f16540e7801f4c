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

    public string? Reason { get; private init; }

    public int HttpStatus { get; private init; }

    public string? Code { get; private init; }

    public string? Message { get; private init; }

    /// <summary>The permissions the failed section needs (failed sections only).</summary>
    public IReadOnlyList<string> RequiredPermissions { get; private init; } = [];

    public bool IsFailed => Status == SectionStatus.Failed;

    public static SectionResult Captured(JsonElement value) => new(SectionStatus.Captured) { Value = value };

    public static SectionResult Captured(IReadOnlyList<JsonElement> items) => new(SectionStatus.Captured) { Items = items };

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

    public void WriteTo(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        switch (Status)
        {
            case SectionStatus.Captured:
                writer.WriteString("status", "captured");
                writer.WritePropertyName("value");
                if (Items is { } items)
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

/// <summary>One user of a capture: the user object and its three sections.</summary>
internal sealed record UserResult(JsonElement User, SectionResult AuthenticationRequirements, SectionResult AuthenticationMethods, SectionResult TransitiveMemberOf)
{
    public int Failed => (AuthenticationRequirements.IsFailed ? 1 : 0) + (AuthenticationMethods.IsFailed ? 1 : 0) + (TransitiveMemberOf.IsFailed ? 1 : 0);

    public string? Id => User.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
