using System.Globalization;
using CodeTwo.AuthDiagnostics.Graph;

namespace CodeTwo.AuthDiagnostics.Cli.Infrastructure;

/// <summary>Capture progress on stderr, on one updating line, only when stderr is a terminal (never in pipes or tests).</summary>
internal static class ProgressDisplay
{
    public static IProgress<CaptureProgress>? For(CliConsole console)
    {
        if (!ReferenceEquals(console.Error, Console.Error) || Console.IsErrorRedirected)
        {
            return null;
        }

        return new Progress<CaptureProgress>(p =>
        {
            string total = p.UsersTotal is { } t ? "/" + t.ToString(CultureInfo.InvariantCulture) : string.Empty;
            string eta = p.EstimatedRemaining is { } r ? $", about {r.TotalSeconds:0} s left" : string.Empty;
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{p.Phase}: {p.UsersCaptured}{total} users, {p.Requests} requests, {p.Elapsed.TotalSeconds:0} s{eta}   "));
        });
    }
}
