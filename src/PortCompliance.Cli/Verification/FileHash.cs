using System.Security.Cryptography;
using PortCompliance.Core.Model;

namespace PortCompliance.Cli.Verification;

/// <summary>The SHA-256 of a regular file, streamed (any size, never the whole file in memory), or why it cannot be had.</summary>
internal static class FileHash
{
    public static string? Of(string path, out string problem)
    {
        try
        {
            using var stream = RegularFiles.OpenRead(path, out problem, bufferSize: 1 << 16);
            return stream is null ? null : Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read: {e.Message}";
            return null;
        }
    }

    public static string Of(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));

    /// <summary>A hash as lines show it: enough to tell two apart at a glance (<c>3f2a9c0b1d7e…</c>).</summary>
    public static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] + "…" : sha256;
}
