using System.Security.Cryptography;
using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Planning;

/// <summary>
/// The canonical fingerprint of a plan, tying a journal to the plan it ran: SHA-256 (first 12 bytes, lower-case hex) of
/// a compact JSON form holding what the runner acts on — step ids and kinds, requests, rollbacks, drift checks,
/// approvals, dependencies, waits and commands — in plan order. Titles and explanations are left out: rewording a step
/// does not orphan a journal, changing what it sends does. Independent of every renderer.
/// </summary>
internal static class PlanFingerprint
{
    public static string Of(RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var step in plan.Steps)
            {
                w.WriteStartObject();
                w.WriteString("id", step.Id);
                w.WriteNumber("kind", (int)step.Kind);
                w.WriteBoolean("approval", step.RequiresApproval);
                w.WriteStartArray("dependsOn");
                foreach (string id in step.DependsOn)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
                Write(w, "request", step.Request);
                Write(w, "rollback", step.Rollback);
                if (step.Check is { } check)
                {
                    w.WriteStartObject("check");
                    w.WriteString("readUrl", check.ReadUrl);
                    w.WriteString("property", check.Property);
                    w.WriteNumber("kind", (int)check.Kind);
                    w.WriteString("captured", check.CapturedJson);
                    w.WriteString("desired", check.DesiredJson);
                    w.WriteEndObject();
                }

                if (step.WaitMinutes is { } minutes)
                {
                    w.WriteNumber("minutes", minutes);
                }

                if (step.Command is not null)
                {
                    w.WriteString("command", step.Command);
                }

                if (step.RollbackCommand is not null)
                {
                    w.WriteString("rollbackCommand", step.RollbackCommand);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Convert.ToHexString(SHA256.HashData(buffer.ToArray()).AsSpan(0, 12)).ToLowerInvariant();
    }

    private static void Write(Utf8JsonWriter w, string name, GraphRequest? request)
    {
        if (request is null)
        {
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("method", request.Method);
        w.WriteString("url", request.Url);
        if (request.Body is not null)
        {
            w.WriteString("body", request.Body);
        }

        w.WriteEndObject();
    }
}
