using System.Buffers.Binary;
using System.Numerics;

namespace PortCompliance.Reporting.Oscal;

/// <summary>
/// SHA-1 (RFC 3174) of a short message, for version-5 UUIDs (RFC 9562 defines them over SHA-1: an identifier, not a
/// security boundary). A fleet names 30 UUIDs a host on every core at once, and each call of the platform's SHA-1
/// (OpenSSL 3) costs far more than the hashing — a handle, a reset and an error-queue check a call, and locks the
/// cores share: measured, a 1,000-host run spent about 50 ms of its wall time there. This one allocates nothing.
/// </summary>
internal static class Sha1
{
    public const int Size = 20;

    public static void Hash(ReadOnlySpan<byte> message, Span<byte> hash)
    {
        var state = new State();
        Span<uint> w = stackalloc uint[80];
        var full = message.Length & ~63;
        for (var at = 0; at < full; at += 64)
        {
            state.Block(message.Slice(at, 64), w);
        }

        // The rest, 0x80, zeros, and the length in bits as the last 8 bytes of one block or two.
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        var rest = message[full..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var blocks = rest.Length < 56 ? 64 : 128;
        BinaryPrimitives.WriteUInt64BigEndian(tail.Slice(blocks - 8), (ulong)message.Length * 8);
        for (var at = 0; at < blocks; at += 64)
        {
            state.Block(tail.Slice(at, 64), w);
        }

        state.WriteTo(hash);
    }

    private struct State()
    {
        private uint _h0 = 0x67452301, _h1 = 0xEFCDAB89, _h2 = 0x98BADCFE, _h3 = 0x10325476, _h4 = 0xC3D2E1F0;

        public void Block(ReadOnlySpan<byte> block, Span<uint> w)
        {
            for (var i = 0; i < 16; i++)
            {
                w[i] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(i * 4, 4));
            }

            for (var i = 16; i < 80; i++)
            {
                w[i] = BitOperations.RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
            }

            uint a = _h0, b = _h1, c = _h2, d = _h3, e = _h4;
            for (var i = 0; i < 80; i++)
            {
                var (f, k) = i switch
                {
                    < 20 => ((b & c) | (~b & d), 0x5A827999u),
                    < 40 => (b ^ c ^ d, 0x6ED9EBA1u),
                    < 60 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDCu),
                    _ => (b ^ c ^ d, 0xCA62C1D6u),
                };
                var t = BitOperations.RotateLeft(a, 5) + f + e + k + w[i];
                (e, d, c, b, a) = (d, c, BitOperations.RotateLeft(b, 30), a, t);
            }

            (_h0, _h1, _h2, _h3, _h4) = (_h0 + a, _h1 + b, _h2 + c, _h3 + d, _h4 + e);
        }

        public readonly void WriteTo(Span<byte> hash)
        {
            BinaryPrimitives.WriteUInt32BigEndian(hash, _h0);
            BinaryPrimitives.WriteUInt32BigEndian(hash[4..], _h1);
            BinaryPrimitives.WriteUInt32BigEndian(hash[8..], _h2);
            BinaryPrimitives.WriteUInt32BigEndian(hash[12..], _h3);
            BinaryPrimitives.WriteUInt32BigEndian(hash[16..], _h4);
        }
    }
}
