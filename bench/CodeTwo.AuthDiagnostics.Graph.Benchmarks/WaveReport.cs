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
}
