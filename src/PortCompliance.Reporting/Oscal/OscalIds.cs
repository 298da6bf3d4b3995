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

    public static string Of(params string[] identity)
    {
        var name = Encoding.UTF8.GetBytes(string.Join("\u001f", identity));
        var bytes = new byte[16 + name.Length];
        Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        name.CopyTo(bytes, 16);
#pragma warning disable CA5350 // RFC 9562 defines version 5 over SHA-1: an identifier, not a security boundary
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
