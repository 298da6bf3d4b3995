using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>
/// An audit as a new user runs it: real sample listings copied into <c>inputs/2026-11</c>, audited with
/// <c>--sign audit.pfx</c> (a throwaway self-signed certificate) into <c>reports/2026-11</c>, in a folder of its own.
/// Tests tamper with a copy of the reports (<see cref="CopyOfReports"/>), or with the inputs of an audit of their own.
/// </summary>
internal sealed class AuditedFolder : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pc-verify");
    private readonly List<string> _copies = [];

    public string Inputs => Path.Combine(_root.FullName, "inputs", "2026-11");

    public string Reports => Path.Combine(_root.FullName, "reports", "2026-11");

    public string Pfx => Path.Combine(_root.FullName, "audit.pfx");

    public CliRun Audit { get; private set; } = null!;

    /// <summary>Audits copies of <paramref name="samples"/> (files under samples/), signed unless <paramref name="sign"/> is false.</summary>
    public static AuditedFolder Create(IReadOnlyList<string> samples, bool sign = true, params string[] options)
    {
        var folder = new AuditedFolder();
        Directory.CreateDirectory(folder.Inputs);
        foreach (var sample in samples)
        {
            File.Copy(RepoPaths.Combine(sample), Path.Combine(folder.Inputs, Path.GetFileName(sample)));
        }

        File.WriteAllBytes(folder.Pfx, Certificate().Export(X509ContentType.Pfx, ""));
        string[] signing = sign ? ["--sign", folder.Pfx] : [];
        folder.Audit = CliRun.Of(["audit", folder.Inputs, "--out", folder.Reports, .. signing, .. options]);
        return folder;
    }

    /// <summary>A fresh copy of the report folder, to tamper with; it refers to the same inputs.</summary>
    public string CopyOfReports()
    {
        var copy = Directory.CreateTempSubdirectory("pc-verify-copy").FullName;
        foreach (var file in Directory.EnumerateFiles(Reports, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Reports, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        _copies.Add(copy);
        return copy;
    }

    public void Dispose()
    {
        _root.Delete(recursive: true);
        foreach (var copy in _copies)
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>One bit of the byte in the middle of a file flipped.</summary>
    public static void FlipByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// The PDF rebuilt by PDFsharp with one attachment's body replaced (its name and description kept), as someone
    /// would pass off other evidence under a report; then SHA256SUMS rewritten to match, as they would do too.
    /// </summary>
    public static void SwapAttachment(string folder, string pdf, string attachment, byte[] body)
    {
        var path = Path.Combine(folder, pdf);
        using (var document = PdfReader.Open(path, PdfDocumentOpenMode.Modify))
        {
            var specification = document.Internals.GetAllObjects().OfType<PdfDictionary>()
                .Single(d => d.Elements.GetName("/Type") == "/Filespec" && d.Elements.GetString("/F") == attachment);
            var file = (PdfDictionary)((PdfReference)specification.Elements.GetDictionary("/EF")!.Elements["/F"]!).Value;
            using var deflated = new MemoryStream();
            using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(body);
            }

            file.Stream.Value = deflated.ToArray();
            document.Save(path);
        }

        Relist(folder, pdf);
    }

    /// <summary>SHA256SUMS rewritten for one file's new bytes: what an editor covering their tracks does.</summary>
    public static void Relist(string folder, string relative)
    {
        var sums = Path.Combine(folder, "SHA256SUMS");
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, relative))));
        File.WriteAllLines(sums, File.ReadAllLines(sums).Select(l => l.EndsWith("  " + relative, StringComparison.Ordinal) ? $"{hash}  {relative}" : l));
    }

    private static X509Certificate2 Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Audit Team, O=Example Corp", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(365));
    }
}
