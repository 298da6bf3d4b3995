using System.Security.Cryptography;
using System.Text;

namespace PortCompliance.Reporting.Oscal;

/// <summary>
/// Name-based (version 5, SHA-1, RFC 9562) UUIDs under one fixed namespace, so the same input, policy and date give
/// the same OSCAL identifiers run after run (docs/oscal.md).
/// </summary>
internal static class OscalIds
{
    /// <summary>The namespace of every PortCompliance OSCAL UUID; fixed forever, never regenerated.</summary>
    private static readonly Guid Namespace = new("5b1f0d52-6f1e-4c55-9a7e-2c0c7c1f0a17");

    public static string Of(params ReadOnlySpan<string> identity)
    {
        // The namespace, then the parts joined by U+001F, in UTF-8: hashed from one buffer, no string built on the way.
        var length = 16 + identity.Length - 1;
        foreach (var part in identity)
        {
            length += Encoding.UTF8.GetByteCount(part);
        }

        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var bytes = rented.AsSpan(0, length);
            Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
            var at = 16;
            for (var i = 0; i < identity.Length; i++)
            {
                if (i > 0)
                {
                    bytes[at++] = 0x1f;
                }

                at += Encoding.UTF8.GetBytes(identity[i], bytes[at..]);
            }

            Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 9562 defines version 5 over SHA-1: an identifier, not a security boundary
            SHA1.HashData(bytes, hash);
#pragma warning restore CA5350
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash[..16], bigEndian: true).ToString();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
