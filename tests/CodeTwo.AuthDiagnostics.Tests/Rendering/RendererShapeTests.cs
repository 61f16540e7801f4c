using System.Buffers;
using System.Text;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Tests.Rendering;

/// <summary>
/// Every public renderer has one shape: <c>Render</c>, <c>Write</c> to an <see cref="IBufferWriter{T}"/>, <c>WriteAsync</c>
/// to a <see cref="Stream"/> and to a <see cref="TextWriter"/>; whatever is written is exactly what <c>Render</c> returns.
/// </summary>
public sealed class RendererShapeTests
{
    private static readonly Renderer[] All =
    [
        new("DiagnosisJson", DiagnosisJson.Render, DiagnosisJson.Write, DiagnosisJson.WriteAsync, DiagnosisJson.WriteAsync),
        new("DiagnosisMarkdown", DiagnosisMarkdown.Render, DiagnosisMarkdown.Write, DiagnosisMarkdown.WriteAsync, DiagnosisMarkdown.WriteAsync),
        new("DiagnosisText", DiagnosisText.Render, DiagnosisText.Write, DiagnosisText.WriteAsync, DiagnosisText.WriteAsync),
        new("DiagnosisSarif", DiagnosisSarif.Render, DiagnosisSarif.Write, DiagnosisSarif.WriteAsync, DiagnosisSarif.WriteAsync),
        new("DiagnosisHtml", DiagnosisHtml.Render, DiagnosisHtml.Write, DiagnosisHtml.WriteAsync, DiagnosisHtml.WriteAsync),
        new("PlanJson", PlanJson.Render, PlanJson.Write, PlanJson.WriteAsync, PlanJson.WriteAsync),
        new("PlanMarkdown", PlanMarkdown.Render, PlanMarkdown.Write, PlanMarkdown.WriteAsync, PlanMarkdown.WriteAsync),
        new("PlanPowerShell", PlanPowerShell.Render, PlanPowerShell.Write, PlanPowerShell.WriteAsync, PlanPowerShell.WriteAsync),
    ];

    public static TheoryData<string, string> Users => ApprovalTests.Users;

    public static TheoryData<string> Names => new(All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_renderer_writes_exactly_what_it_renders(string file, string user)
    {
        var diagnosis = Diagnose.User(Fixture.Load(file), user);
        foreach (var renderer in All)
        {
            string rendered = renderer.Render(diagnosis);
            byte[] expected = Encoding.UTF8.GetBytes(rendered);

            var buffer = new ArrayBufferWriter<byte>();
            renderer.Write(diagnosis, buffer);
            buffer.WrittenSpan.ToArray().Should().Equal(expected, $"{renderer.Name}.Write");

            // Appends: what the buffer held stays.
            renderer.Write(diagnosis, buffer);
            buffer.WrittenSpan.ToArray().Should().Equal(expected.Concat(expected), $"{renderer.Name}.Write appends");

            using var stream = new MemoryStream();
            await renderer.ToStream(diagnosis, stream, TestContext.Current.CancellationToken);
            stream.ToArray().Should().Equal(expected, $"{renderer.Name}.WriteAsync(Stream)");

            await using var writer = new StringWriter();
            await renderer.ToWriter(diagnosis, writer, TestContext.Current.CancellationToken);
            writer.ToString().Should().Be(rendered, $"{renderer.Name}.WriteAsync(TextWriter)");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_cancelled_write_writes_nothing(string name)
    {
        var renderer = All.Single(r => r.Name == name);
        var diagnosis = Diagnose.User(Fixture.Load("seed-security-defaults.json"));
        using var stream = new MemoryStream();
        await using var writer = new StringWriter();

        await FluentActions.Awaiting(() => renderer.ToStream(diagnosis, stream, new CancellationToken(canceled: true))).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => renderer.ToWriter(diagnosis, writer, new CancellationToken(canceled: true))).Should().ThrowAsync<OperationCanceledException>();

        stream.Length.Should().Be(0);
        writer.ToString().Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Missing_arguments_are_rejected(string name)
    {
        var renderer = All.Single(r => r.Name == name);
        var diagnosis = Diagnose.User(Fixture.Load("seed-security-defaults.json"));

        FluentActions.Invoking(() => renderer.Render(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => renderer.Write(diagnosis, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => renderer.Write(null!, new ArrayBufferWriter<byte>())).Should().Throw<ArgumentNullException>();
        await FluentActions.Awaiting(() => renderer.ToStream(diagnosis, null!, CancellationToken.None)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => renderer.ToWriter(diagnosis, null!, CancellationToken.None)).Should().ThrowAsync<ArgumentNullException>();
    }

    private sealed record Renderer(
        string Name,
        Func<DiagnosisResult, string> Render,
        Action<DiagnosisResult, IBufferWriter<byte>> Write,
        Func<DiagnosisResult, Stream, CancellationToken, Task> ToStream,
        Func<DiagnosisResult, TextWriter, CancellationToken, Task> ToWriter);
}
