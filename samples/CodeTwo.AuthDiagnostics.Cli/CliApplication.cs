using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using CodeTwo.AuthDiagnostics.Cli.Commands;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

namespace CodeTwo.AuthDiagnostics.Cli;

/// <summary>
/// The <c>c2authdiag</c> command line, runnable in-process: parses <c>args</c>, runs the command, and turns every
/// outcome into an exit code and text on the given writers. Never lets an exception or a stack trace escape.
/// </summary>
/// <remarks>
/// To add a command, write a <c>Commands/XxxCommand.cs</c> with a <c>static Command Create(CliConsole)</c> and add it
/// to <see cref="DefaultCommands"/>. Commands report bad input by throwing <see cref="InvalidInputException"/> and
/// pass the <see cref="CancellationToken"/> they are given to everything that can wait.
/// </remarks>
public sealed class CliApplication
{
    private const string Description =
        "c2authdiag: explains why \"App password\" is missing for a Microsoft 365 user, from a tenant auth snapshot.\n\n"
        + "Exit codes: 0 success; 2 invalid input or usage (a bad option, a missing or invalid snapshot, a refused "
        + "output path); 1 unexpected failure (or, for apply, a step that failed); 3 apply stopped early (waiting, a manual step, "
        + "approval refused, tenant drifted); 130 cancelled (Ctrl+C or SIGTERM stops the command within about two "
        + "seconds with a one-line message and never leaves a half-written output file; a second Ctrl+C ends the process at once).";

    private readonly IReadOnlyList<Func<CliConsole, Command>> commands;

    /// <summary>The command line with every command of the tool.</summary>
    public CliApplication()
        : this(DefaultCommands)
    {
    }

    /// <summary>A command line with the given commands (tests add their own).</summary>
    internal CliApplication(IReadOnlyList<Func<CliConsole, Command>> commands) => this.commands = commands;

    /// <summary>The tool's commands, in the order help lists them.</summary>
    internal static IReadOnlyList<Func<CliConsole, Command>> DefaultCommands { get; } =
    [
        DiagnoseCommand.Create,
        PlanCommand.Create,
        ApplyCommand.Create,
        CaptureCommand.Create,
        ExchangeScriptCommand.Create,
        ValidateCommand.Create,
        RedactCommand.Create,
    ];

    /// <summary>Runs the command line <paramref name="args"/> and returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors, usage errors and confirmations go.</param>
    /// <param name="cancellationToken">Cancels the running command; the result is then <see cref="ExitCodes.Cancelled"/>.</param>
    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var console = new CliConsole(stdout, stderr);
        try
        {
            var parseResult = BuildRootCommand(console).Parse(args, new ParserConfiguration
            {
                // A snapshot path that starts with '@' is a path, not a response file.
                ResponseFileTokenReplacer = null,
            });
            if (parseResult.Action is ParseErrorAction)
            {
                WriteUsageErrors(console, parseResult);
                return ExitCodes.InvalidInput;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var configuration = new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                // Our own handlers below keep stack traces off the screen.
                EnableDefaultExceptionHandler = false,
                // Program.cs turns Ctrl+C and SIGTERM into cancellationToken; in-process hosts (tests) own their signals.
                ProcessTerminationTimeout = null,
            };
            var invocation = Task.Run(() => parseResult.InvokeAsync(configuration, cancellationToken), CancellationToken.None);
            return await WaitForCommandAsync(invocation, cancellationToken);
        }
        catch (InvalidInputException e)
        {
            console.WriteErrorLine(e.Message);
            foreach (string line in e.Details)
            {
                stderr.WriteLine(ConsoleText.OneLine(line));
            }

            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.WriteErrorLine("cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            console.WriteErrorLine($"unexpected failure: {e.GetType().Name}: {e.Message}");
            return ExitCodes.UnexpectedFailure;
        }
    }

    /// <summary>
    /// How long a cancelled command may take to notice its token before <see cref="RunAsync"/> stops waiting for it
    /// and reports <see cref="ExitCodes.Cancelled"/>. Reading, parsing and redacting a large snapshot are long
    /// stretches of work that cannot stop half-way; the process ends when <see cref="RunAsync"/> returns.
    /// </summary>
    internal TimeSpan CancellationGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    private async Task<int> WaitForCommandAsync(Task<int> invocation, CancellationToken cancellationToken)
    {
        try
        {
            return await invocation.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !invocation.IsCompleted)
        {
            try
            {
                // A command that stops in time reports its own outcome (usually its OperationCanceledException).
                return await invocation.WaitAsync(CancellationGracePeriod, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                // The command is abandoned: an in-process host keeps it running in the background until it ends.
                _ = invocation.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    private RootCommand BuildRootCommand(CliConsole console)
    {
        var root = new RootCommand(Description) { HelpName = CliConsole.ToolName };
        foreach (var create in commands)
        {
            root.Add(create(console));
        }

        return root;
    }

    private static void WriteUsageErrors(CliConsole console, ParseResult parseResult)
    {
        foreach (var error in parseResult.Errors)
        {
            console.WriteErrorLine(error.Message);
        }

        console.Error.WriteLine($"Run '{CommandPath(parseResult.CommandResult)} --help' for usage.");
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command; current = command.Parent)
        {
            names.Add(command.Command is RootCommand ? CliConsole.ToolName : command.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
