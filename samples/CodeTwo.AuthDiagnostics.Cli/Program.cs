using System.Runtime.InteropServices;
using CodeTwo.AuthDiagnostics.Cli;

// The first Ctrl+C (or SIGTERM) cancels the running command, which stops cleanly with exit code 130;
// a second one is not intercepted and ends the process at once.
using var cancellation = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

return await new CliApplication().RunAsync(args, Console.Out, Console.Error, cancellation.Token);

void Cancel(PosixSignalContext context)
{
    if (!cancellation.IsCancellationRequested)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
}
