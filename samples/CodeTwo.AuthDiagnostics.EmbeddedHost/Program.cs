// How a host product (for example a backup service) embeds CodeTwo.AuthDiagnostics:
// register it with dependency injection, load a snapshot, audit every user it holds (the fast assessment, streamed on
// the threads the host allows) and diagnose only the users it shows in words.
//
//   dotnet run --project samples/CodeTwo.AuthDiagnostics.EmbeddedHost [-- snapshot.json]
//
// Without an argument it uses an embedded five-user sample tenant. Ctrl+C cancels.

using CodeTwo.AuthDiagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddAuthDiagnostics(options =>
{
    // The host knows which protocols its legacy client uses; this sample's product uses SMTP AUTH only.
    options.LegacyProtocols = LegacyProtocols.SmtpAuth;
    // Host policy: federation is irrelevant to this product.
    options.Rules.Disable(DiagnosticCodes.FederatedDomain);
    // The tenant-wide audit runs on at most this many threads (default: every core; 1 keeps it on the calling thread).
    options.MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount / 2);
});
using var host = builder.Build();

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

TenantSnapshot snapshot;
try
{
    snapshot = args.Length > 0
        ? await TenantSnapshot.LoadAsync(args[0], cancellation.Token)
        : await TenantSnapshot.ReadAsync(typeof(Program).Assembly.GetManifestResourceStream("multi-user-tenant.json")!, cancellation.Token);
}
catch (SnapshotFormatException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var diagnostics = host.Services.GetRequiredService<IAuthDiagnostics>();

var counts = new SortedDictionary<Verdict, int>();
int done = 0;
try
{
    // AssessAll: every user's verdict and root-cause codes, in document order then the missing users, one block of
    // users in memory at a time. Only the users shown with an explanation are diagnosed in full.
    foreach (var assessment in diagnostics.AssessAll(snapshot, cancellation.Token))
    {
        counts[assessment.Verdict] = counts.GetValueOrDefault(assessment.Verdict) + 1;
        Console.WriteLine($"{assessment.RequestedUser,-52} {assessment.Verdict,-13} {string.Join(", ", assessment.RootCauses)}");
        if (assessment.Verdict != Verdict.Available)
        {
            var diagnosis = diagnostics.Diagnose(snapshot, UserRef.Parse(assessment.RequestedUser));
            if (diagnosis.Counterfactual.ReachesAvailable)
            {
                Console.WriteLine($"{"",-52} -> {diagnosis.Counterfactual.Summary}");
            }
        }

        if (++done % 1000 == 0)
        {
            Console.Error.WriteLine($"assessed {done} users");
        }
    }
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

Console.WriteLine();
Console.WriteLine(string.Join("  ", counts.Select(c => $"{c.Key}: {c.Value}")));
return 0;
