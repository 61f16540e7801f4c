using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>
/// Writes a snapshot document (format v1) piece by piece, so a tenant-wide capture can stream users to a file without
/// holding them: the envelope and tenant sections, then one user entry at a time, then the closing part. The layout is
/// the one <c>SnapshotWriter</c> produces (member order, two-space indentation, <c>\n</c> line ends).
/// </summary>
internal static class SnapshotDocument
{
    public static JsonWriterOptions WriterOptions => SnapshotWriter.WriterOptions;

    public static void WriteStart(Utf8JsonWriter writer, DateTimeOffset capturedAt, Guid tenantId, CloudEnvironment cloud, TenantSectionResults tenant)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", TenantSnapshot.CurrentSchemaVersion);
        writer.WriteString("capturedAt", SnapshotWriter.FormatInstant(capturedAt));
        writer.WriteString("tenantId", tenantId.ToString("D"));
        writer.WriteString("cloud", SnapshotWriter.FormatCloud(cloud));
        writer.WriteStartObject("sections");
        tenant.SecurityDefaults.WriteTo(writer, "securityDefaults");
        tenant.ConditionalAccessPolicies.WriteTo(writer, "conditionalAccessPolicies");
        tenant.AuthenticationMethodsPolicy.WriteTo(writer, "authenticationMethodsPolicy");
        tenant.MfaServicePolicy.WriteTo(writer, "mfaServicePolicy");
        tenant.Domains.WriteTo(writer, "domains");
        tenant.SubscribedSkus.WriteTo(writer, "subscribedSkus");
        writer.WriteEndObject();
        writer.WriteStartArray("users");
    }

    public static void WriteUser(Utf8JsonWriter writer, UserResult user)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("user");
        user.User.WriteTo(writer);
        writer.WriteStartObject("sections");
        user.AuthenticationRequirements.WriteTo(writer, "authenticationRequirements");
        user.AuthenticationMethods.WriteTo(writer, "authenticationMethods");
        user.TransitiveMemberOf.WriteTo(writer, "transitiveMemberOf");
        user.ConditionalAccessEvaluation.WriteTo(writer, SectionNames.ConditionalAccessEvaluation);
        user.SignIns.WriteTo(writer, SectionNames.SignIns);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteEnd(Utf8JsonWriter writer, IReadOnlyList<string> missingUsers)
    {
        writer.WriteEndArray();
        if (missingUsers.Count > 0)
        {
            writer.WriteStartArray("missingUsers");
            foreach (string missing in missingUsers)
            {
                writer.WriteStringValue(missing);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
