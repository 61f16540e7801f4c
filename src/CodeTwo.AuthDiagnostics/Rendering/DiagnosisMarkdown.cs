using System.Buffers;


namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>A diagnosis as Markdown: verdict first, root causes with evidence, then the plan as numbered steps with the exact requests and rollbacks.</summary>
public static class DiagnosisMarkdown
{
    private static readonly DiagnosisRenderer Renderer = DiagnosisRenderer.FromText(d => DiagnosisDocument.Render(d, markdown: true));

    /// <summary>Renders <paramref name="diagnosis"/> as Markdown.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    public static string Render(Diagnosis diagnosis) => Renderer.Render(diagnosis);

    /// <summary>Writes the Markdown to <paramref name="output"/> as UTF-8: exactly the bytes of <see cref="Render(Diagnosis)"/>.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">Where the UTF-8 goes (an <see cref="ArrayBufferWriter{T}"/>, a <c>PipeWriter</c>, …).</param>
    /// <example><code>var buffer = new ArrayBufferWriter&lt;byte&gt;(); DiagnosisMarkdown.Write(diagnosis, buffer);</code></example>
    public static void Write(Diagnosis diagnosis, IBufferWriter<byte> output) => Renderer.Write(diagnosis, output);

    /// <summary>Writes the Markdown to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render(Diagnosis)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await DiagnosisMarkdown.WriteAsync(diagnosis, httpResponse.Body, cancellationToken);</code></example>
    public static Task WriteAsync(Diagnosis diagnosis, Stream output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);

    /// <summary>Writes the Markdown to <paramref name="output"/> (exactly the text of <see cref="Render(Diagnosis)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await DiagnosisMarkdown.WriteAsync(diagnosis, Console.Out, cancellationToken);</code></example>
    public static Task WriteAsync(Diagnosis diagnosis, TextWriter output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);
}
