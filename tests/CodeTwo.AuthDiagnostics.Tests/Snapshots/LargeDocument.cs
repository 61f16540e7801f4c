using System.Text;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>
/// Builds a valid snapshot of an exact size in memory, fast: a huge users array of equal-length entries (each with
/// a few kilobytes of notes), padded to the last byte.
/// </summary>
internal static class LargeDocument
{
    private const string Head = """{"schemaVersion":1,"capturedAt":"2026-11-24T09:30:00Z","tenantId":"6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10","cloud":"global","sections":{"domains":{"status":"captured","value":[{"id":"contoso.com","authenticationType":"Managed","isDefault":true,"isInitial":false}]}},"users":[""";
    private const string Tail = "],\"padding\":\"";
    private const string NumberMark = "#######";

    /// <summary>One user entry; <see cref="NumberMark"/> stands for the user's number (seven digits) in its id and UPN.</summary>
    private static readonly string Entry =
        "{\"user\":{\"id\":\"00000000-0000-4000-8000-00000" + NumberMark + "\",\"userPrincipalName\":\"user" + NumberMark + "@contoso.com\","
        + "\"displayName\":\"User " + NumberMark + "\",\"accountEnabled\":true,\"userType\":\"Member\",\"notes\":\"" + new string('n', 4_000) + "\"},"
        + "\"sections\":{\"authenticationRequirements\":{\"status\":\"captured\",\"value\":{\"perUserMfaState\":\"disabled\"}},"
        + "\"authenticationMethods\":{\"status\":\"captured\",\"value\":[{\"@odata.type\":\"#microsoft.graph.passwordAuthenticationMethod\",\"id\":\"28c10230-6103-485e-b985-444c60001490\"}]},"
        + "\"transitiveMemberOf\":{\"status\":\"notCaptured\"}}}";

    /// <summary>The UPN of user number <paramref name="index"/>.</summary>
    public static string UserPrincipalName(int index) => $"user{index:D7}@contoso.com";

    public static byte[] Build(long size, out int users)
    {
        byte[] entry = Encoding.ASCII.GetBytes(Entry);
        int[] marks = Marks(Entry);
        users = (int)((size - Head.Length - Tail.Length - 2 + 1) / (entry.Length + 1));
        var document = new byte[size];
        var rest = document.AsSpan();
        Write(ref rest, Head);
        for (int i = 0; i < users; i++)
        {
            if (i > 0)
            {
                Write(ref rest, ",");
            }

            entry.CopyTo(rest);
            string number = i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            foreach (int mark in marks)
            {
                Encoding.ASCII.GetBytes(number, rest[mark..]);
            }

            rest = rest[entry.Length..];
        }

        Write(ref rest, Tail);
        rest[..^2].Fill((byte)'x');
        "\"}"u8.CopyTo(rest[^2..]);
        return document;
    }

    public static Stream Stream(byte[] bytes, bool seekable) =>
        seekable ? new MemoryStream(bytes, writable: false) : new ForwardOnlyStream(new MemoryStream(bytes, writable: false));

    private static int[] Marks(string entry)
    {
        var marks = new List<int>();
        for (int at = entry.IndexOf(NumberMark, StringComparison.Ordinal); at >= 0; at = entry.IndexOf(NumberMark, at + 1, StringComparison.Ordinal))
        {
            marks.Add(at);
        }

        return marks.ToArray();
    }

    private static void Write(ref Span<byte> rest, string ascii)
    {
        int length = Encoding.ASCII.GetBytes(ascii, rest);
        rest = rest[length..];
    }

    /// <summary>A stream that cannot seek or tell its length, like a network stream.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
