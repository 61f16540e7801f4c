using System.Buffers;
using System.Text;
using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// The one implementation of a renderer's four shapes (<c>Render</c>, <c>Write</c> to an <see cref="IBufferWriter{T}"/>,
/// <c>WriteAsync</c> to a <see cref="Stream"/> or a <see cref="TextWriter"/>). A renderer is built either from text (it
/// makes a string: text, Markdown, PowerShell) or from UTF-8 (it writes bytes: JSON, SARIF); every other shape derives
/// from that one, so what is written is always exactly the UTF-8 of what <c>Render</c> returns.
/// </summary>
internal sealed class DiagnosisRenderer
{
    private const int InitialBuffer = 16 * 1024;
    private readonly Func<Diagnosis, string>? text;
    private readonly Action<Diagnosis, IBufferWriter<byte>>? utf8;

    private DiagnosisRenderer(Func<Diagnosis, string>? text, Action<Diagnosis, IBufferWriter<byte>>? utf8)
    {
        this.text = text;
        this.utf8 = utf8;
    }

    /// <summary>A renderer whose native form is a string.</summary>
    /// <param name="render">Renders a diagnosis (never null).</param>
    public static DiagnosisRenderer FromText(Func<Diagnosis, string> render) => new(render, null);

    /// <summary>A renderer whose native form is UTF-8 bytes.</summary>
    /// <param name="write">Writes a diagnosis (never null) as UTF-8.</param>
    public static DiagnosisRenderer FromUtf8(Action<Diagnosis, IBufferWriter<byte>> write) => new(null, write);

    /// <summary>The rendering as a string.</summary>
    public string Render(Diagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        if (text is not null)
        {
            return text(diagnosis);
        }

        // Written into a pooled buffer and decoded from it: no growing stream, no intermediate byte array.
        using var buffer = new PooledBufferWriter(InitialBuffer);
        utf8!(diagnosis, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The rendering as UTF-8, appended to <paramref name="output"/>.</summary>
    public void Write(Diagnosis diagnosis, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        ArgumentNullException.ThrowIfNull(output);
        if (utf8 is not null)
        {
            utf8(diagnosis, output);
        }
        else
        {
            Encoding.UTF8.GetBytes(text!(diagnosis).AsSpan(), output);
        }
    }

    /// <summary>The rendering as UTF-8, written to <paramref name="output"/> (then flushed).</summary>
    public async Task WriteAsync(Diagnosis diagnosis, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        using var buffer = new PooledBufferWriter(InitialBuffer);
        Write(diagnosis, buffer);
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rendering, written to <paramref name="output"/> (then flushed).</summary>
    public async Task WriteAsync(Diagnosis diagnosis, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        await output.WriteAsync(Render(diagnosis).AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
