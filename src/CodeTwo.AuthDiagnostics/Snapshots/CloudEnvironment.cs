using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics;

/// <summary>The Microsoft cloud a tenant lives in. It decides the Graph endpoint every plan request uses.</summary>
public enum CloudEnvironment
{
    /// <summary>The global cloud (also Microsoft 365 GCC): <c>https://graph.microsoft.com</c>. Snapshot value <c>global</c>.</summary>
    Global = 0,

    /// <summary>US Government L4 (GCC High): <c>https://graph.microsoft.us</c>. Snapshot value <c>usGov</c>.</summary>
    UsGov = 1,

    /// <summary>US Government L5 (DoD): <c>https://dod-graph.microsoft.us</c>. Snapshot value <c>usGovDoD</c>.</summary>
    UsGovDoD = 2,

    /// <summary>Microsoft Azure operated by 21Vianet: <c>https://microsoftgraph.chinacloudapi.cn</c>. Snapshot value <c>china</c>.</summary>
    China = 3,
}
