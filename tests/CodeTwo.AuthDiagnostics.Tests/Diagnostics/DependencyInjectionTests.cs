using System.Collections.Concurrent;

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
    public void AssessAll_streams_every_user_then_the_missing_users_and_each_agrees_with_its_diagnosis()
    {
        using var provider = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();
        var snapshot = Fixture.Load("multi-user-tenant.json").Snapshot();

        var results = diagnostics.AssessAll(snapshot, TestContext.Current.CancellationToken).ToArray();

        results.Select(a => a.RequestedUser).Should().Equal(MultiUserOrder);
        results[^1].Codes.Should().Contain(DiagnosticCodes.UserNotFound);

        // What a host does for the users it shows in words.
        foreach (var assessment in results)
        {
            var diagnosis = diagnostics.Diagnose(snapshot, UserRef.Parse(assessment.RequestedUser));
            diagnosis.Verdict.Should().Be(assessment.Verdict, assessment.RequestedUser);
            diagnosis.RootCauses.Select(f => f.Code).Distinct().Should().BeEquivalentTo(assessment.RootCauses, assessment.RequestedUser);
        }
    }

    [Fact]
    public void AssessAll_is_deferred_until_enumerated()
    {
        var seen = new ConcurrentDictionary<string, byte>();
        using var provider = new ServiceCollection().AddAuthDiagnostics(o => o.Rules.Add(new RecordingRule(seen))).Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();

        using var stream = diagnostics.AssessAll(Fixture.Load("multi-user-tenant.json").Snapshot(), TestContext.Current.CancellationToken).GetEnumerator();
        seen.Should().BeEmpty("nothing is assessed before the first MoveNext");
        stream.MoveNext().Should().BeTrue();

        stream.Current.RequestedUser.Should().Be("backup@contoso.com");
        seen.Keys.Should().BeEquivalentTo(MultiUserOrder.SkipLast(1), "the first block (here the whole snapshot) is assessed at once");
    }

    [Fact]
    public void AssessAll_stops_when_cancelled()
    {
        using var provider = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();
        using var cancellation = new CancellationTokenSource();
        var received = new List<string>();

        var enumerate = () =>
        {
            foreach (var assessment in diagnostics.AssessAll(Fixture.Load("multi-user-tenant.json").Snapshot(), cancellation.Token))
            {
                received.Add(assessment.RequestedUser);
                if (received.Count == 2)
                {
                    cancellation.Cancel();
                }
            }
        };

        enumerate.Should().Throw<OperationCanceledException>();
        received.Should().Equal(MultiUserOrder.Take(2));
    }

    [Fact]
    public void AssessAll_with_a_cancelled_token_yields_nothing()
    {
        using var provider = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();
        var received = new List<string>();

        var enumerate = () => received.AddRange(diagnostics.AssessAll(Fixture.Load("multi-user-tenant.json").Snapshot(), new CancellationToken(canceled: true)).Select(a => a.RequestedUser));

        enumerate.Should().Throw<OperationCanceledException>();
        received.Should().BeEmpty();
    }

    [Fact]
    public void MaxDegreeOfParallelism_defaults_to_every_core()
    {
        new AuthDiagnosticsOptions().MaxDegreeOfParallelism.Should().Be(Environment.ProcessorCount);
    }

    [Fact]
    public void An_engine_built_with_a_degree_below_1_names_the_option()
    {
        var build = () => new DiagnosticEngine(new AuthDiagnosticsOptions { MaxDegreeOfParallelism = 0 });

        build.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(AuthDiagnosticsOptions.MaxDegreeOfParallelism));
    }

    [Fact]
    public void MaxDegreeOfParallelism_1_assesses_every_block_on_the_calling_thread()
    {
        // More users than a block, and more than the parallel threshold: only the option keeps them on one thread.
        var snapshot = CodeTwo.AuthDiagnostics.Testing.LargeTenantGenerator.Generate(users: TenantAssessment.BlockSize + 600, policies: 10).Snapshot;
        var threads = new ConcurrentDictionary<int, byte>();
        using var provider = new ServiceCollection()
            .AddAuthDiagnostics(o =>
            {
                o.MaxDegreeOfParallelism = 1;
                o.Rules.Add(new ThreadRecordingRule(threads));
            })
            .Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();

        int count = diagnostics.AssessAll(snapshot, TestContext.Current.CancellationToken).Count();

        count.Should().Be(snapshot.Users.Count + snapshot.MissingUsers.Count);
        threads.Keys.Should().Equal([Environment.CurrentManagedThreadId]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(64)]
    public void Any_degree_gives_what_one_thread_gives_in_the_same_order(int degree)
    {
        var snapshot = CodeTwo.AuthDiagnostics.Testing.LargeTenantGenerator.Generate(users: TenantAssessment.BlockSize + 700, policies: 20).Snapshot;
        Assessment[] Run(int maxDegree)
        {
            using var provider = new ServiceCollection().AddAuthDiagnostics(o => o.MaxDegreeOfParallelism = maxDegree).Services.BuildServiceProvider();
            return provider.GetRequiredService<IAuthDiagnostics>().AssessAll(snapshot, TestContext.Current.CancellationToken).ToArray();
        }

        Run(degree).Should().Equal(Run(1));
    }

    private sealed class ThreadRecordingRule(ConcurrentDictionary<int, byte> threads) : IDiagnosticRule
    {
        public string Id => "host.threads";

        public IReadOnlyList<DiagnosticDescriptor> Descriptors => [];

        public RuleStage Stage => RuleStage.Facts;

        public bool NeedsUser => false;

        public void Evaluate(ref RuleContext context) => threads.TryAdd(Environment.CurrentManagedThreadId, 0);
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
        { "AuthDiagnosticsOptions.MaxDegreeOfParallelism: MaxDegreeOfParallelism must be at least 1 (1 assesses on the calling thread; the default is Environment.ProcessorCount); it is 0.", o => o.MaxDegreeOfParallelism = 0 },
        { "AuthDiagnosticsOptions.MaxDegreeOfParallelism: MaxDegreeOfParallelism must be at least 1", o => o.MaxDegreeOfParallelism = -4 },
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
        using var provider = new ServiceCollection().AddAuthDiagnostics(o =>
        {
            o.LegacyProtocols = LegacyProtocols.SmtpAuth | LegacyProtocols.Imap;
            o.MaxDegreeOfParallelism = 1;
        }).Services.BuildServiceProvider();

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
