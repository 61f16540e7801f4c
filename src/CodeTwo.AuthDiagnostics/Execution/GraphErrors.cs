using System.Text.Json;
using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>Turns Graph error responses into plain, actionable messages (never echoing headers or tokens).</summary>
internal static class GraphErrors
{
    public static string Describe(PlanStep step, GraphRequest request, GraphResponse response)
    {
        var (code, message) = Parse(response.Body);
        string detail = code is null ? string.Empty : $" {code}";
        string graph = message is null ? string.Empty : $" Graph says: {message}";
        string what = $"{request.Method} {request.Url}";
        return response.StatusCode switch
        {
            401 => $"Graph did not accept the credentials for {what} (401{detail}).{graph}",
            403 => $"Graph refused {what} (403{detail}): the caller needs {(step.RequiredPermissions.Count == 0 ? "more permissions" : string.Join(" and ", step.RequiredPermissions))}" +
                   (step.RequiredRole is null ? string.Empty : $" (delegated: the role {step.RequiredRole} or higher)") + $".{graph}",
            404 => $"The target of {what} no longer exists (404{detail}); capture and diagnose again.{graph}",
            409 => $"Graph reported a conflict for {what} (409{detail}); the target changed concurrently; capture and diagnose again.{graph}",
            400 => $"Graph rejected {what} as invalid (400{detail}).{graph}",
            429 or 503 or 504 => $"Graph kept answering {response.StatusCode} for {what} (throttled or unavailable) after every retry.{graph}",
            _ => $"Graph answered {response.StatusCode}{detail} for {what}.{graph}",
        };
    }

    public static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                string? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                string? message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return (code, message);
            }
        }
        catch (JsonException)
        {
            // Not JSON: say nothing rather than echo an arbitrary body.
        }

        return (null, null);
    }
}
