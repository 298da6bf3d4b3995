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

            return Hashed(bytes);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The version-5 UUID of a name under any namespace (RFC 9562, section 5.5).</summary>
    internal static string V5(Guid space, ReadOnlySpan<byte> name)
    {
        var bytes = new byte[16 + name.Length];
        space.TryWriteBytes(bytes, bigEndian: true, out _);
        name.CopyTo(bytes.AsSpan(16));
        return Hashed(bytes);
    }

    /// <summary>The namespace's 16 bytes and the name, hashed, stamped version 5 and variant 10.</summary>
    private static string Hashed(ReadOnlySpan<byte> namespaceAndName)
    {
        Span<byte> hash = stackalloc byte[Sha1.Size];
        Sha1.Hash(namespaceAndName, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }
}
