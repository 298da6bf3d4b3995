using System.Security.Cryptography;
using System.Text;
using PortCompliance.Reporting.Oscal;

namespace PortCompliance.Reporting.Tests.Oscal;

/// <summary>The UUIDs' own SHA-1 gives the platform's digest, across every padding case.</summary>
public sealed class Sha1Tests
{
    [Theory]
    [InlineData("", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1")]
    public void Hash_Gives_The_Rfc_3174_And_Fips_180_Test_Vectors(string message, string expected)
    {
        var hash = new byte[Sha1.Size];
        Sha1.Hash(Encoding.ASCII.GetBytes(message), hash);
        Assert.Equal(expected, Convert.ToHexStringLower(hash));
    }

    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "the platform's SHA-1 is the reference the UUIDs' own is checked against")]
    public void Hash_Agrees_With_The_Platform_For_Every_Length_Up_To_Four_Blocks()
    {
        // Every length from 0 to 256 bytes: the tail in one padding block or two (55, 56, 63, 64, 119, 120 …).
        var random = new Random(20261202);
        for (var length = 0; length <= 256; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            var hash = new byte[Sha1.Size];
            Sha1.Hash(message, hash);
            Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(message)), Convert.ToHexStringLower(hash));
        }
    }
}
