using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>How the host uses app passwords, and its own rule policy. Read once when the engine is built.</summary>
/// <example>
/// <code>
/// services.AddAuthDiagnostics(options =>
/// {
///     options.TargetResourceAppId = KnownApps.ExchangeOnline;
///     options.LegacyProtocols = LegacyProtocols.Ews | LegacyProtocols.Imap;
///     options.Rules.Disable("APW040");
/// });
/// </code>
/// </example>
public sealed class AuthDiagnosticsOptions
{
    /// <summary>The app id of the resource the host's legacy client signs in to. Default: Exchange Online.</summary>
    public string TargetResourceAppId { get; set; } = KnownApps.ExchangeOnline;

    /// <summary>The Exchange Online protocols the host uses with an app password. Default: none declared.</summary>
    public LegacyProtocols LegacyProtocols { get; set; } = LegacyProtocols.None;

    /// <summary>How long the plan waits after revoking sessions before the user signs in again. Default 15 minutes.</summary>
    public TimeSpan PropagationWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Host rule policy: disable or re-grade built-in codes, add the host's own rules.</summary>
    public RuleOptions Rules { get; } = new();

    /// <summary>
    /// Findings the host (or an administrator) accepts, by code, optionally narrowed to a user and/or a Conditional Access
    /// policy, until a date. An accepted finding stays in the diagnosis, marked, and no longer drives the verdict or the
    /// plan; expired acceptances are reported. Default: none. A file of them is read by <see cref="AcceptedRisksFile"/>.
    /// </summary>
    public IList<AcceptedRisk> AcceptedRisks { get; } = new List<AcceptedRisk>();

    /// <summary>
    /// How many threads <see cref="IAuthDiagnostics.AssessAll"/> uses at most: users are assessed in blocks of 4,096, each
    /// block split into this many contiguous ranges. 1 assesses every user on the calling thread (for hosts that keep the
    /// thread pool for their own work); blocks of fewer than 512 users always run on the calling thread. Default:
    /// <see cref="Environment.ProcessorCount"/>. Must be at least 1.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;
}
