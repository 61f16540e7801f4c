using System.Collections.Concurrent;
using CodeTwo.AuthDiagnostics.Diagnostics;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CodeTwo.AuthDiagnostics.Tests.Diagnostics;

/// <summary>services.AddAuthDiagnostics(...) and the service it registers.</summary>
public sealed class DependencyInjectionTests
{
    private static readonly string[] MultiUserOrder =
    [
        "backup@contoso.com",
        "admin@contoso.com",
        "alice@contoso.com",
        "lee.chen_fabrikam.com#EXT#@contoso.onmicrosoft.com",
        "jordan.miller@contoso.com",
        "former.employee@contoso.com",
    ];

    [Fact]
    public void AddAuthDiagnostics_registers_one_IAuthDiagnostics_and_a_TimeProvider()
    {
        using var provider = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider();

        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();

        diagnostics.Should().BeOfType<AuthDiagnosticsService>();
        provider.GetRequiredService<IAuthDiagnostics>().Should().BeSameAs(diagnostics);
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
        ((AuthDiagnosticsService)diagnostics).Engine.Settings.TargetResourceAppId.Should().Be(KnownApps.ExchangeOnline);
    }

    [Fact]
    public void A_host_TimeProvider_is_kept()
    {
        var clock = new FixedClock();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        using var provider = services.AddAuthDiagnostics().Services.BuildServiceProvider();

        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(clock);
    }

    [Fact]
    public void Options_flow_into_the_engine()
    {
        using var provider = new ServiceCollection()
            .AddAuthDiagnostics(options =>
            {
                options.LegacyProtocols = LegacyProtocols.Ews;
                options.Rules.Disable(DiagnosticCodes.FederatedDomain);
                options.PropagationWait = TimeSpan.FromMinutes(30);
            })
            .Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();

        var diagnosis = diagnostics.Diagnose(Fixture.Load("federated-domain.json").Snapshot(), UserRef.Parse("backup@contoso.com"));

        diagnosis.Verdict.Should().Be(Verdict.Unusable, "the host declared EWS, whose Basic authentication is retired");
        diagnosis.Single(DiagnosticCodes.LegacyProtocolRetired).Severity.Should().Be(Severity.Blocker);
        diagnosis.ShouldNotFire(DiagnosticCodes.FederatedDomain);
        ((AuthDiagnosticsService)diagnostics).Engine.Settings.PropagationWait.Should().Be(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task DiagnoseAllAsync_streams_every_user_then_the_missing_users_and_reports_progress()
    {
        using var provider = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();
        var progress = new RecordingProgress();

        var results = new List<CodeTwo.AuthDiagnostics.Diagnostics.Diagnosis>();
        await foreach (var diagnosis in diagnostics.DiagnoseAllAsync(Fixture.Load("multi-user-tenant.json").Snapshot(), progress, TestContext.Current.CancellationToken))
        {
            results.Add(diagnosis);
        }

        results.Select(d => d.RequestedUser).Should().Equal(MultiUserOrder);
        results[^1].Codes().Should().Contain(DiagnosticCodes.UserNotFound);
        progress.Reports.Should().Equal(Enumerable.Range(1, 6).Select(i => new DiagnosisProgress(i, 6)));
    }

    [Fact]
    public async Task DiagnoseAllAsync_is_lazy()
    {
        var seen = new ConcurrentDictionary<string, byte>();
        using var provider = new ServiceCollection().AddAuthDiagnostics(o => o.Rules.Add(new RecordingRule(seen))).Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();

        await using var stream = diagnostics.DiagnoseAllAsync(Fixture.Load("multi-user-tenant.json").Snapshot(), cancellationToken: TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        (await stream.MoveNextAsync()).Should().BeTrue();

        stream.Current.RequestedUser.Should().Be("backup@contoso.com");
        seen.Keys.Should().Equal("backup@contoso.com");
    }

    [Fact]
    public async Task DiagnoseAllAsync_stops_when_cancelled()
    {
        using var provider = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress();
        var received = new List<string>();

        var enumerate = async () =>
        {
            await foreach (var diagnosis in diagnostics.DiagnoseAllAsync(Fixture.Load("multi-user-tenant.json").Snapshot(), progress, cancellation.Token))
            {
                received.Add(diagnosis.RequestedUser);
                if (received.Count == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        };

        await enumerate.Should().ThrowAsync<OperationCanceledException>();
        received.Should().Equal(MultiUserOrder.Take(2));
        progress.Reports.Should().HaveCount(2);
    }

    [Fact]
    public async Task DiagnoseAllAsync_with_a_cancelled_token_yields_nothing()
    {
        using var provider = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();
        var progress = new RecordingProgress();

        var enumerate = async () =>
        {
            await foreach (var diagnosis in diagnostics.DiagnoseAllAsync(Fixture.Load("multi-user-tenant.json").Snapshot(), progress, new CancellationToken(canceled: true)))
            {
                _ = diagnosis;
            }
        };

        await enumerate.Should().ThrowAsync<OperationCanceledException>();
        progress.Reports.Should().BeEmpty();
    }

    /// <summary>A synchronous progress sink (Progress&lt;T&gt; posts to a context, which would make the test racy).</summary>
    private sealed class RecordingProgress : IProgress<DiagnosisProgress>
    {
        public List<DiagnosisProgress> Reports { get; } = [];

        public void Report(DiagnosisProgress value) => Reports.Add(value);
    }

    private sealed class RecordingRule(ConcurrentDictionary<string, byte> seen) : IDiagnosticRule
    {
        public string Id => "host.recording";

        public IReadOnlyList<DiagnosticDescriptor> Descriptors => [];

        public RuleStage Stage => RuleStage.Facts;

        public bool NeedsUser => false;

        public void Evaluate(ref RuleContext context) => seen.TryAdd(context.RequestedUser, 0);
    }

    public static TheoryData<string, Action<AuthDiagnosticsOptions>> BadOptions => new()
    {
        { "AuthDiagnosticsOptions.TargetResourceAppId: TargetResourceAppId must name the resource", o => o.TargetResourceAppId = " " },
        { "AuthDiagnosticsOptions.PropagationWait: PropagationWait must be between 0 and 24 hours; it is -00:01:00.", o => o.PropagationWait = TimeSpan.FromMinutes(-1) },
        { "AuthDiagnosticsOptions.PropagationWait: PropagationWait must be between 0 and 24 hours; it is 2.00:00:00.", o => o.PropagationWait = TimeSpan.FromDays(2) },
        { "AuthDiagnosticsOptions.LegacyProtocols: LegacyProtocols holds a value that is not a known protocol (4096)", o => o.LegacyProtocols = (LegacyProtocols)4096 },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_fail_at_start_up_naming_the_option(string message, Action<AuthDiagnosticsOptions> configure)
    {
        using var provider = new ServiceCollection().AddAuthDiagnostics(configure).Services.BuildServiceProvider();

        // ValidateOnStart: the host's start-up validator (what IHost runs when it starts) reports it before any diagnosis.
        var startUp = () => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        startUp.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain(message);
        var resolve = () => provider.GetRequiredService<IAuthDiagnostics>();
        resolve.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void Good_options_pass_start_up()
    {
        using var provider = new ServiceCollection().AddAuthDiagnostics(o => o.LegacyProtocols = LegacyProtocols.SmtpAuth | LegacyProtocols.Imap).Services.BuildServiceProvider();

        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        provider.GetRequiredService<IAuthDiagnostics>().Should().NotBeNull();
    }

    [Fact]
    public void PlanRunner_is_resolvable_once_an_IGraphExecutor_is_registered()
    {
        var snapshot = Fixture.Load("seed-security-defaults.json").Snapshot();
        var tenant = new CodeTwo.AuthDiagnostics.Testing.InMemoryTenant(snapshot, new FixedClock());
        var services = new ServiceCollection();
        services.AddAuthDiagnostics();
        services.AddSingleton<CodeTwo.AuthDiagnostics.Execution.IGraphExecutor>(tenant);
        using var provider = services.BuildServiceProvider();

        var runner = provider.GetRequiredService<CodeTwo.AuthDiagnostics.Execution.PlanRunner>();

        runner.Should().NotBeNull().And.BeSameAs(provider.GetRequiredService<CodeTwo.AuthDiagnostics.Execution.PlanRunner>());
    }

    [Fact]
    public void PlanRunner_without_an_IGraphExecutor_says_what_to_register()
    {
        using var provider = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<CodeTwo.AuthDiagnostics.Execution.PlanRunner>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*IGraphExecutor*AddMicrosoftGraph*");
    }

    private sealed class FixedClock : TimeProvider;
}
