using System.Globalization;

using CodeTwo.AuthDiagnostics.Graph;

namespace CodeTwo.AuthDiagnostics.Cli.Infrastructure;

/// <summary>Progress on stderr, on one updating line, only when stderr is a terminal (never in pipes or tests).</summary>
internal static class ProgressDisplay
{
    /// <summary>Tenant-wide diagnosis progress (users done, as the library's tenant-wide renderers report it), every 100 users.</summary>
    /// <param name="console">The console.</param>
    public static IProgress<int>? ForDiagnosis(CliConsole console, int total)
    {
        if (!IsTerminal(console))
        {
            return null;
        }

        // Reported synchronously: Progress<T> would post to the thread pool and could print after the report's last line.
        return new Immediate<int>(completed =>
        {
            if (completed % 100 == 0)
            {
                Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rDiagnosed {completed}/{total} users   "));
            }
        });
    }

    /// <summary>Ends the updating line, so what follows on stderr starts on a line of its own.</summary>
    public static void EndLine(CliConsole console)
    {
        if (IsTerminal(console))
        {
            Console.Error.WriteLine();
        }
    }

    public static IProgress<CaptureProgress>? For(CliConsole console)
    {
        if (!IsTerminal(console))
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

    private static bool IsTerminal(CliConsole console) => ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;

    private sealed class Immediate<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
