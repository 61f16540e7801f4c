namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>The JSON names of the v1.2 user sections (snapshot format, "Addendum v1.2"); their permissions are the core's (<see cref="SnapshotSection.RequiredPermissionsFor"/>).</summary>
internal static class SectionNames
{
    /// <summary>The user's legacy-protocol sign-ins: <c>GET /beta/auditLogs/signIns</c>.</summary>
    public const string SignIns = "signIns";

    /// <summary>Microsoft's What-If evaluations: <c>POST /v1.0/identity/conditionalAccess/evaluate</c>.</summary>
    public const string ConditionalAccessEvaluation = "conditionalAccessEvaluation";
}
