using System.Buffers;
using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>
/// The What-If evaluations of one user (catalog v1.2 §1, §5.2 and §5.3), sent as POSTs to
/// <c>/v1.0/identity/conditionalAccess/evaluate</c> inside JSON batches: for the user (<c>#microsoft.graph.userSignIn</c>,
/// <c>appliedPoliciesOnly: false</c>) one <c>applicationContext</c> evaluation naming the target resource per distinct
/// client type of the declared protocols, with the newest legacy sign-in's IP address and country when the user has one,
/// and one <c>userActionContext</c> evaluation of <c>registerSecurityInformation</c> from a browser. The section is
/// <c>[{ "request": body, "value": the answer's value array }]</c>, or failed with the first refused evaluation's answer.
/// </summary>
internal static class WhatIf
{
    public const string Path = "/identity/conditionalAccess/evaluate";

    /// <summary>
    /// The client types to evaluate for the declared protocols: <c>other</c> for SMTP, IMAP, POP, EWS, Remote PowerShell,
    /// MAPI (and SharePoint IDCRL, also a legacy client), <c>exchangeActiveSync</c> for Exchange ActiveSync; both when none is declared.
    /// </summary>
    public static IReadOnlyList<string> ClientTypes(LegacyProtocols declared)
    {
        if (declared == LegacyProtocols.None)
        {
            return ["other", "exchangeActiveSync"];
        }

        var types = new List<string>(2);
        if ((declared & ~LegacyProtocols.ExchangeActiveSync) != 0)
        {
            types.Add("other");
        }

        if (declared.HasFlag(LegacyProtocols.ExchangeActiveSync))
        {
            types.Add("exchangeActiveSync");
        }

        return types;
    }

    /// <summary>The batched evaluations of one user.</summary>
    public static BatchItem[] Requests(string userId, string targetResourceAppId, IReadOnlyList<string> clientTypes, SectionResult signIns)
    {
        var (ip, country) = NewestLocation(signIns);
        var items = new BatchItem[clientTypes.Count + 1];
        for (int i = 0; i < clientTypes.Count; i++)
        {
            items[i] = new BatchItem("v1.0", Path, Body(userId, w =>
            {
                w.WriteString("@odata.type", "#microsoft.graph.applicationContext");
                w.WriteStartArray("includeApplications");
                w.WriteStringValue(targetResourceAppId);
                w.WriteEndArray();
            }, clientTypes[i], ip, country));
        }

        items[^1] = new BatchItem("v1.0", Path, Body(userId, w =>
        {
            w.WriteString("@odata.type", "#microsoft.graph.userActionContext");
            w.WriteString("userAction", "registerSecurityInformation");
        }, "browser", null, null));
        return items;
    }

    /// <summary>The <c>conditionalAccessEvaluation</c> section from the answered evaluations.</summary>
    public static SectionResult Section(IReadOnlyList<BatchItem> evaluations)
    {
        var results = new List<JsonElement>(evaluations.Count);
        foreach (var evaluation in evaluations)
        {
            var response = evaluation.Response!;
            if (!response.IsSuccess)
            {
                return SectionResult.Failed(SectionNames.ConditionalAccessEvaluation, response);
            }

            if (CaptureRun.ParseObject(response.Body) is not { } answer || !answer.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                return SectionResult.Failed(SectionNames.ConditionalAccessEvaluation, response.Status, "InvalidResponse", "Graph answered with something other than an object with a value array.");
            }

            var buffer = new ArrayBufferWriter<byte>(256 + response.Body.Length);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("request");
                evaluation.Body!.Value.WriteTo(writer);
                writer.WritePropertyName("value");
                value.WriteTo(writer);
                writer.WriteEndObject();
            }

            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            results.Add(document.RootElement.Clone());
        }

        return SectionResult.Captured(results);
    }

    /// <summary>The newest legacy sign-in's <c>ipAddress</c> and <c>location.countryOrRegion</c> (the section holds them newest first).</summary>
    internal static (string? IpAddress, string? Country) NewestLocation(SectionResult signIns)
    {
        JsonElement newest;
        if (signIns.RawItems is { Count: > 0 } raw)
        {
            using var document = JsonDocument.Parse(raw[0]);
            newest = document.RootElement.Clone();
        }
        else if (signIns.Items is { Count: > 0 } items)
        {
            newest = items[0];
        }
        else
        {
            return (null, null);
        }

        string? ip = newest.ValueKind == JsonValueKind.Object && newest.TryGetProperty("ipAddress", out var a) && a.ValueKind == JsonValueKind.String && a.GetString() is { Length: > 0 } address ? address : null;
        string? country = newest.ValueKind == JsonValueKind.Object && newest.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object
            && l.TryGetProperty("countryOrRegion", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() is { Length: > 0 } code ? code : null;
        return (ip, country);
    }

    private static JsonElement Body(string userId, Action<Utf8JsonWriter> context, string clientAppType, string? ipAddress, string? country)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("signInIdentity");
            writer.WriteString("@odata.type", "#microsoft.graph.userSignIn");
            writer.WriteString("userId", userId);
            writer.WriteEndObject();
            writer.WriteStartObject("signInContext");
            context(writer);
            writer.WriteEndObject();
            writer.WriteStartObject("signInConditions");
            writer.WriteString("clientAppType", clientAppType);
            if (ipAddress is not null)
            {
                writer.WriteString("ipAddress", ipAddress);
            }

            if (country is not null)
            {
                writer.WriteString("country", country);
            }

            writer.WriteEndObject();
            writer.WriteBoolean("appliedPoliciesOnly", false);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
