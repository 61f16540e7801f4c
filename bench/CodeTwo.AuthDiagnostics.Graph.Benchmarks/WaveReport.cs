using System.Diagnostics;
using System.Globalization;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Graph.Benchmarks;

/// <summary>
/// Runs each scenario once and counts its sequential request waves: HTTP requests are grouped by arrival time at the
/// fake (a gap longer than half the latency starts a new wave), so waves × latency is the floor of the capture's time.
/// </summary>
public static class WaveReport
{
    public static async Task RunAsync(TextWriter output, TimeSpan latency)
    {
        output.WriteLine("| scenario | throttled | HTTP requests | batched requests | max in flight | waves | time (ms) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (bool throttled in new[] { false, true })
        {
            foreach (var (name, capture) in new (string, Func<CaptureScenario, Task>)[]
            {
                ("1 user", s => s.Source.CaptureAsync(SnapshotRequest.ForUser(s.FirstUser), CancellationToken.None)),
                ("1,000 users by UPN", s => s.Source.CaptureAsync(SnapshotRequest.ForUsers(s.AllUsers), CancellationToken.None)),
                ("1,000 users, tenant-wide stream", s => s.Source.CaptureTenantAsync(Stream.Null, null, CancellationToken.None)),
            })
            {
                await using var scenario = await CaptureScenario.StartAsync(1000, latency);
                await scenario.Source.CaptureAsync(SnapshotRequest.ForUser(scenario.FirstUser), CancellationToken.None); // warm up connections and JIT
                int skip = scenario.Server.Log.Count;
                int outerBefore = scenario.Server.OuterRequests;
                if (throttled)
                {
                    scenario.ArmThrottling();
                }

                var watch = Stopwatch.StartNew();
                await capture(scenario);
                watch.Stop();
                var log = scenario.Server.Log.Skip(skip).ToArray();
                var arrivals = log.Where(e => !e.Request.InBatch).Select(e => e.At).Order().ToArray();
                int waves = arrivals.Length == 0 ? 0 : 1 + arrivals.Zip(arrivals.Skip(1)).Count(p => p.Second - p.First > latency / 2);
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {name} | {(throttled ? "yes" : "no")} | {scenario.Server.OuterRequests - outerBefore} | {log.Count(e => e.Request.InBatch)} | {scenario.Server.MaxInFlight} | {waves} | {watch.Elapsed.TotalMilliseconds:0} |"));
            }
        }
    }

    /// <summary>
    /// Issue #18: one tenant-wide capture of 10,000 users with sign-ins (after a warm-up), and the requests it sent per
    /// endpoint: direct ones by path, batched ones by their path with the user's id as <c>{id}</c>.
    /// </summary>
    public static async Task RunSignInsAsync(TextWriter output, TimeSpan latency, int users = 10_000)
    {
        await using var scenario = await CaptureScenario.StartWithSignInsAsync(users, latency);
        await scenario.Source.CaptureAsync(SnapshotRequest.ForUser(scenario.FirstUser), CancellationToken.None); // warm up connections and JIT

        // The same capture without the sign-in log first: what reading it costs.
        var without = new GraphSnapshotSource(scenario.Client, new MicrosoftGraphOptions { Cloud = CloudEnvironment.Global, UserSections = UserSectionSelection.All & ~UserSectionSelection.SignIns });
        var baseline = Stopwatch.StartNew();
        var plain = await without.CaptureTenantAsync(Stream.Null, null, CancellationToken.None);
        baseline.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Without signIns: {plain.Requests:N0} HTTP requests, {baseline.Elapsed.TotalSeconds:0.0} s"));

        int skip = scenario.Server.Log.Count;
        var watch = Stopwatch.StartNew();
        var result = await scenario.Source.CaptureTenantAsync(Stream.Null, null, CancellationToken.None);
        watch.Stop();
        var log = scenario.Server.Log.Skip(skip).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"With signIns: {result.Users:N0} users, {scenario.Server.Tenant.SignIns.Count:N0} sign-ins in the log, {latency.TotalMilliseconds:0} ms latency: {result.Requests:N0} HTTP requests, {result.Retries} retries, {watch.Elapsed.TotalSeconds:0.0} s"));
        output.WriteLine();
        output.WriteLine("| endpoint | batched | requests |");
        output.WriteLine("|---|---|---:|");
        foreach (var row in log
            .GroupBy(e => (Path: "/" + e.Request.Version + System.Text.RegularExpressions.Regex.Replace(e.Request.Path, @"/users/(?!\$count)[^/]+", "/users/{id}"), e.Request.InBatch))
            .OrderBy(g => g.Key.InBatch).ThenBy(g => g.Key.Path, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{row.Key.Path}` | {(row.Key.InBatch ? "yes" : "no")} | {row.Count():N0} |"));
        }
    }
}
