using System.Security.Cryptography;
using System.Text;

namespace CodeTwo.AuthDiagnostics.Testing.Internal;

/// <summary>
/// Derives stable, realistic-looking (version-4 shaped, lower-case) GUIDs from names, so the same builder calls
/// always give the same ids, on every machine and target framework.
/// </summary>
internal static class DeterministicIds
{
    private const string HexDigits = "0123456789abcdef";

    /// <summary>A GUID string (format D) derived from <paramref name="kind"/> and <paramref name="key"/>.</summary>
    public static string Guid(string kind, string key)
    {
        int length = Encoding.UTF8.GetMaxByteCount(kind.Length + key.Length + 1);
        Span<byte> input = length <= 512 ? stackalloc byte[length] : new byte[length];
        int written = Encoding.UTF8.GetBytes(kind, input);
        input[written++] = (byte)':';
        written += Encoding.UTF8.GetBytes(key, input[written..]);

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..written], hash);
        return Format(hash);
    }

    /// <summary>A GUID string (format D) from 16 or more bytes, shaped as a version-4 GUID.</summary>
    public static string Format(ReadOnlySpan<byte> bytes)
    {
        Span<char> text = stackalloc char[36];
        int position = 0;
        for (int i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                text[position++] = '-';
            }

            byte b = bytes[i];
            if (i == 6)
            {
                b = (byte)(0x40 | (b & 0x0F));
            }
            else if (i == 8)
            {
                b = (byte)(0x80 | (b & 0x3F));
            }

            text[position++] = HexDigits[b >> 4];
            text[position++] = HexDigits[b & 0x0F];
        }

        return new string(text);
    }

    /// <summary>A stable 64-bit number derived from <paramref name="kind"/> and <paramref name="key"/> (for dates and choices).</summary>
    public static ulong Number(string kind, string key)
    {
        int length = Encoding.UTF8.GetMaxByteCount(kind.Length + key.Length + 1);
        Span<byte> input = length <= 512 ? stackalloc byte[length] : new byte[length];
        int written = Encoding.UTF8.GetBytes(kind, input);
        input[written++] = (byte)':';
        written += Encoding.UTF8.GetBytes(key, input[written..]);

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..written], hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    /// <summary>True when <paramref name="text"/> is a GUID in format D.</summary>
    public static bool IsGuid(string text) => System.Guid.TryParseExact(text, "D", out _);
}
