using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CodeTwo.AuthDiagnostics.Tests.Rendering;

/// <summary>
/// <see cref="TenantText"/>, <see cref="TenantJson"/> and <see cref="TenantSarif"/>: the tenant-wide reports, in the
/// order of <c>AssessAll</c>, streamed to a buffer, a stream or a writer with the same bytes as <c>Render</c>, with
/// progress and cancellation. (The CLI's <c>diagnose --all-users</c> is a thin host of them: its tests cover the layout.)
/// </summary>
public sealed class TenantRendererTests
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

    private static readonly Lazy<TenantSnapshot> Large = new(() => LargeTenantGenerator.Generate(users: 600, policies: 20).Snapshot);

    private static readonly TenantRenderer[] All =
    [
        new("TenantText", TenantText.Render, TenantText.Write, TenantText.WriteAsync, TenantText.WriteAsync),
        new("TenantJson", TenantJson.Render, TenantJson.Write, TenantJson.WriteAsync, TenantJson.WriteAsync),
        new("TenantSarif", TenantSarif.Render, TenantSarif.Write, TenantSarif.WriteAsync, TenantSarif.WriteAsync),
        new("TenantHtml", TenantHtml.Render, TenantHtml.Write, TenantHtml.WriteAsync, TenantHtml.WriteAsync),
    ];

    public static TheoryData<string, string> Cases => new(
        from renderer in All
        from snapshot in new[] { "multi-user-tenant.json", "large" }
        select (renderer.Name, snapshot));

    public static TheoryData<string> Names => new(All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_shape_writes_exactly_what_Render_returns_and_reports_each_user(string name, string snapshotName)
    {
        var renderer = All.Single(r => r.Name == name);
        var diagnostics = Service();
        var snapshot = snapshotName == "large" ? Large.Value : Fixture.Load(snapshotName).Snapshot();
        int users = snapshot.Users.Count + snapshot.MissingUsers.Count;
        var token = TestContext.Current.CancellationToken;

        string rendered = renderer.Render(diagnostics, snapshot, token);
        byte[] expected = Encoding.UTF8.GetBytes(rendered);

        var buffer = new ArrayBufferWriter<byte>();
        var progress = new RecordingProgress();
        renderer.Write(diagnostics, snapshot, buffer, progress, token);
        buffer.WrittenSpan.ToArray().Should().Equal(expected, "Write");
        progress.Reports.Should().Equal(Enumerable.Range(1, users));

        using var stream = new CountingStream();
        await renderer.ToStream(diagnostics, snapshot, stream, null, token);
        stream.ToArray().Should().Equal(expected, "WriteAsync(Stream)");
        if (expected.Length > 2 * 64 * 1024)
        {
            stream.Writes.Should().BeGreaterThan(1, "a large report is streamed in pieces, not held whole");
        }

        await using var writer = new StringWriter();
        await renderer.ToWriter(diagnostics, snapshot, writer, null, token);
        writer.ToString().Should().Be(rendered, "WriteAsync(TextWriter)");
    }

    [Fact]
    public void TenantText_lists_every_user_in_order_then_the_totals()
    {
        string text = TenantText.Render(Service(), Fixture.Load("multi-user-tenant.json").Snapshot(), TestContext.Current.CancellationToken);

        string[] lines = text.Split('\n');
        lines[0].Should().Be($"{"VERDICT",-14}{"USER",-42}ROOT CAUSES");
        lines.Skip(1).Take(6).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).Should().Equal(MultiUserOrder);
        lines[1].Should().MatchRegex(@"^unavailable +backup@contoso\.com +APW011$");
        text.Should().EndWith("\n\n6 users: 2 available, 3 unavailable, 1 unusable, 0 indeterminate.\n");
    }

    [Fact]
    public void TenantJson_is_the_tenant_summary_of_the_users_full_diagnoses()
    {
        var diagnostics = Service();
        var snapshot = Fixture.Load("multi-user-tenant.json").Snapshot();

        var json = JsonNode.Parse(TenantJson.Render(diagnostics, snapshot, TestContext.Current.CancellationToken))!;

        json["kind"]!.GetValue<string>().Should().Be("tenantSummary");
        var users = json["users"]!.AsArray();
        users.Select(u => u!["user"]!.GetValue<string>()).Should().Equal(MultiUserOrder);
        foreach (var user in users)
        {
            var diagnosis = diagnostics.Diagnose(snapshot, UserRef.Parse(user!["user"]!.GetValue<string>()));
            user["planSteps"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal(diagnosis.Plan.Steps.Select(s => s.Id));
            user["reachesAvailable"]!.GetValue<bool>().Should().Be(diagnosis.Counterfactual.ReachesAvailable);
        }

        json["totals"]!["users"]!.GetValue<int>().Should().Be(6);
    }

    [Fact]
    public void TenantSarif_without_options_is_the_log_of_a_snapshot_json_at_line_1()
    {
        var snapshot = Fixture.Load("multi-user-tenant.json").Snapshot();
        var token = TestContext.Current.CancellationToken;

        string sarif = TenantSarif.Render(Service(), snapshot, token);

        sarif.Should().Be(TenantSarif.Render(Service(), snapshot, new SarifOptions(), token));
        SarifCodeScanningTests.ShouldBeAcceptedByCodeScanning(sarif);
        JsonNode.Parse(sarif)!["runs"]![0]!["properties"]!["users"]!.AsArray().Select(u => u!["requested"]!.GetValue<string>()).Should().Equal(MultiUserOrder);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Cancelling_stops_the_report_between_users(string name)
    {
        var renderer = All.Single(r => r.Name == name);
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress(done =>
        {
            if (done == 10)
            {
                cancellation.Cancel();
            }
        });
        using var stream = new MemoryStream();

        await FluentActions.Awaiting(() => renderer.ToStream(Service(), Large.Value, stream, progress, cancellation.Token)).Should().ThrowAsync<OperationCanceledException>();

        progress.Reports.Should().Equal(Enumerable.Range(1, 10), "nothing is added after the cancellation");
        FluentActions.Invoking(() => renderer.Write(Service(), Large.Value, new ArrayBufferWriter<byte>(), null, new CancellationToken(canceled: true)))
            .Should().Throw<OperationCanceledException>();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Missing_arguments_are_rejected_at_the_call_before_anything_runs(string name)
    {
        var renderer = All.Single(r => r.Name == name);
        var snapshot = Fixture.Load("multi-user-tenant.json").Snapshot();

        FluentActions.Invoking(() => renderer.Render(null!, snapshot, CancellationToken.None)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => renderer.Render(Service(), null!, CancellationToken.None)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => renderer.Write(Service(), snapshot, null!, null, CancellationToken.None)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => { _ = renderer.ToStream(Service(), snapshot, null!, null, CancellationToken.None); }).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => { _ = renderer.ToWriter(Service(), snapshot, null!, null, CancellationToken.None); }).Should().Throw<ArgumentNullException>();
    }

    private static IAuthDiagnostics Service() =>
        new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider().GetRequiredService<IAuthDiagnostics>();

    private sealed record TenantRenderer(
        string Name,
        Func<IAuthDiagnostics, TenantSnapshot, CancellationToken, string> Render,
        Action<IAuthDiagnostics, TenantSnapshot, IBufferWriter<byte>, IProgress<int>?, CancellationToken> Write,
        Func<IAuthDiagnostics, TenantSnapshot, Stream, IProgress<int>?, CancellationToken, Task> ToStream,
        Func<IAuthDiagnostics, TenantSnapshot, TextWriter, IProgress<int>?, CancellationToken, Task> ToWriter);

    /// <summary>Synchronous (Progress&lt;T&gt; posts to a context, which would make the test racy).</summary>
    private sealed class RecordingProgress(Action<int>? then = null) : IProgress<int>
    {
        public List<int> Reports { get; } = [];

        public void Report(int value)
        {
            Reports.Add(value);
            then?.Invoke(value);
        }
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
