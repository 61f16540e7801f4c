// How a host product (for example a backup service) embeds CodeTwo.AuthDiagnostics:
// register it with dependency injection, load a snapshot, and diagnose every user it holds.
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
var progress = new Progress<DiagnosisProgress>(p =>
{
    if (p.Completed == p.Total || p.Completed % 1000 == 0)
    {
        Console.Error.WriteLine($"diagnosed {p.Completed}/{p.Total}");
    }
});

var counts = new SortedDictionary<Verdict, int>();
try
{
    await foreach (var diagnosis in diagnostics.DiagnoseAllAsync(snapshot, progress, cancellation.Token))
    {
        counts[diagnosis.Verdict] = counts.GetValueOrDefault(diagnosis.Verdict) + 1;
        string causes = string.Join(", ", diagnosis.RootCauses.Select(f => f.Code));
        Console.WriteLine($"{diagnosis.RequestedUser,-52} {diagnosis.Verdict,-13} {causes}");
        if (diagnosis.Verdict != Verdict.Available && diagnosis.Counterfactual.ReachesAvailable)
        {
            Console.WriteLine($"{"",-52} -> {diagnosis.Counterfactual.Summary}");
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
