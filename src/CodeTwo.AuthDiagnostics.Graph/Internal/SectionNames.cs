namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>The JSON names of the v1.2 user sections (snapshot format, "Addendum v1.2") and the permissions of every section.</summary>
internal static class SectionNames
{
    /// <summary>The user's legacy-protocol sign-ins: <c>GET /beta/auditLogs/signIns</c>.</summary>
    public const string SignIns = "signIns";

    /// <summary>Microsoft's What-If evaluations: <c>POST /v1.0/identity/conditionalAccess/evaluate</c>.</summary>
    public const string ConditionalAccessEvaluation = "conditionalAccessEvaluation";

    /// <summary>The least permissions that read a section, as a failed section records them.</summary>
    /// <param name="section">A section's JSON name, or <c>user</c>.</param>
    public static IReadOnlyList<string> RequiredPermissionsFor(string section) => section switch
    {
        SignIns => ["AuditLog.Read.All", "Directory.Read.All"],
        ConditionalAccessEvaluation => ["Policy.Read.ConditionalAccess"],
        _ => SnapshotSection.RequiredPermissionsFor(section),
    };
}
