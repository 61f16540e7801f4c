using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

public sealed class CliApplicationTests
{
    [Fact]
    public async Task Help_lists_the_commands_and_the_exit_codes()
    {
        var run = await CliRun.RunAsync("--help");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().Contain("Usage:\n  c2authdiag [command] [options]");
        run.Stdout.Should().MatchRegex(@"\n  validate +Check a snapshot file");
        run.Stdout.Should().MatchRegex(@"\n  redact +Write a copy of a snapshot");
        run.Stdout.Should().Contain("Exit codes: 0 success; 2 invalid input or usage").And.Contain("130 cancelled (Ctrl+C");
    }

    [Fact]
    public async Task Command_help_lists_its_options()
    {
        var run = await CliRun.RunAsync("redact", "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("c2authdiag redact [options]");
        run.Stdout.Should().Contain("--snapshot <FILE> (REQUIRED)").And.Contain("--out <FILE> (REQUIRED)").And.Contain("--key <KEY>");
    }

    [Theory]
    [InlineData("capture")]
    [InlineData("diagnose")]
    [InlineData("apply")]
    public async Task Help_of_every_live_command_lists_the_least_permissions_with_the_role_read(string command)
    {
        var run = await CliRun.RunAsync(command, "--help");

        run.ExitCode.Should().Be(0, run.ToString());
        string help = run.FlatStdout;
        help.Should().Contain("Least permissions (application or delegated): Policy.Read.All, User.Read.All, UserAuthenticationMethod.Read.All, GroupMember.Read.All, RoleManagement.Read.Directory (the role template ids of the user's directory roles, which Conditional Access includeRoles/excludeRoles name");
        help.Should().Contain("Domain.Read.All, LicenseAssignment.Read.All");
        help.Should().Contain("AuditLog.Read.All and Directory.Read.All (the sign-in log; the tenant also needs Entra ID P1/P2")
            .And.Contain("Policy.Read.ConditionalAccess (Microsoft's What-If evaluation of Conditional Access");
        help.Should().Contain("--no-sign-ins").And.Contain("--no-what-if");
    }

    [Fact]
    public async Task Capture_help_offers_tenant_wide_What_If_and_the_declared_protocols()
    {
        var run = await CliRun.RunAsync("capture", "--help");

        run.ExitCode.Should().Be(0, run.ToString());
        run.FlatStdout.Should().Contain("--what-if With --all-users: also ask Microsoft's What-If evaluation of Conditional Access for every user")
            .And.Contain("--legacy-protocol <PROTOCOL>")
            .And.Contain("--target-resource <APPID>")
            .And.Contain("tenant-wide only with --what-if");
    }

    [Theory]
    [InlineData("capture", "--all-users", "--out", "all.json", "--what-if", "--no-what-if")]
    [InlineData("capture", "--user", "backup@contoso.com", "--what-if", "--no-what-if")]
    public async Task What_if_and_no_what_if_together_are_a_usage_error_before_any_request(params string[] args)
    {
        // 127.0.0.1:9 (discard) is never reached: the usage error comes first.
        var run = await CliRun.RunAsync([.. args, "--graph-base-url", "http://127.0.0.1:9", "--access-token", "not-a-real-token"]);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("--what-if and --no-what-if contradict each other");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task What_if_is_only_an_option_of_capture()
    {
        var run = await CliRun.RunAsync("diagnose", "--live", "--user", "backup@contoso.com", "--what-if");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("--what-if");
    }

    [Fact]
    public async Task No_command_is_a_usage_error()
    {
        var run = await CliRun.RunAsync();

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().Equal("c2authdiag: Required command was not provided.", "Run 'c2authdiag --help' for usage.");
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("diagnoze", "--snapshot", "x.json");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("'diagnoze'");
        run.StderrLines[^1].Should().Be("Run 'c2authdiag --help' for usage.");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task Validate_without_snapshot_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("validate");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().Equal("c2authdiag: Option '--snapshot' is required.", "Run 'c2authdiag validate --help' for usage.");
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("validate", "--snapshot", Fixtures.PathOf("seed-security-defaults.json"), "--verbose");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().Equal("c2authdiag: Unrecognized command or argument '--verbose'.", "Run 'c2authdiag validate --help' for usage.");
    }

    [Fact]
    public async Task An_unexpected_exception_is_one_line_and_exit_code_1()
    {
        var run = await CliRun.RunAsync(Throwing, TestContext.Current.CancellationToken, "boom");

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().Equal("c2authdiag: unexpected failure: InvalidOperationException: the disk is on fire and so is the second line");
        run.ShouldHaveNoStackTrace();

        static Command Throwing(CliConsole console)
        {
            var command = new Command("boom");
            command.SetAction(_ => Fail());
            return command;
        }

        static int Fail() => throw new InvalidOperationException("the disk is on fire\nand so is the second line");
    }

    [Fact]
    public async Task Cancelling_a_running_command_stops_it_with_exit_code_130_and_one_line()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var running = CliRun.RunAsync(WaitsForCancellation, cancellation.Token, "wait");
        await started.Task.WaitAsync(TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();
        var run = await running;

        run.ExitCode.Should().Be(130);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().Equal("c2authdiag: cancelled.");

        Command WaitsForCancellation(CliConsole console)
        {
            var command = new Command("wait");
            command.SetAction(async (_, cancellationToken) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            });
            return command;
        }
    }

    [Fact]
    public async Task A_command_that_ignores_cancellation_is_abandoned_after_the_grace_period()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();
        var application = new CliApplication([Stubborn]) { CancellationGracePeriod = TimeSpan.Zero };
        try
        {
            var running = CliRun.RunAsync(application, cancellation.Token, "stubborn");
            await started.Task.WaitAsync(TestContext.Current.CancellationToken);
            await cancellation.CancelAsync();
            var run = await running.WaitAsync(TestContext.Current.CancellationToken);

            run.ExitCode.Should().Be(130);
            run.StderrLines.Should().Equal("c2authdiag: cancelled.");
            release.Task.IsCompleted.Should().BeFalse("the command was still running when the tool gave up on it");
        }
        finally
        {
            release.TrySetResult();
        }

        Command Stubborn(CliConsole console)
        {
            var command = new Command("stubborn");
            command.SetAction(async (_, _) =>
            {
                started.SetResult();
                await release.Task;
                return 0;
            });
            return command;
        }
    }

    [Fact]
    public async Task A_command_cancelled_before_it_starts_does_nothing()
    {
        using var temp = new TempDirectory();
        string output = temp.File("never.json");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var run = await CliRun.RunAsync(cancellation.Token, "redact", "--snapshot", Fixtures.PathOf("seed-security-defaults.json"), "--out", output);

        run.ExitCode.Should().Be(130);
        run.StderrLines.Should().Equal("c2authdiag: cancelled.");
        File.Exists(output).Should().BeFalse();
    }
}
