using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace PortCompliance.Reporting.Tests.Support;

/// <summary>
/// Real report PDFs given evidence the way an auditor's tools see it: files attached by PDFsharp
/// (<c>AddEmbeddedFile</c>, a <c>/Desc</c>, deflated as reports store them) and a signature made by PDFsharp's own
/// signer with a throwaway self-signed certificate — a second, independent writer for the inspector to read.
/// </summary>
internal static class EvidencePdfs
{
    public sealed record Attachment(string Name, string? Description, byte[] Bytes);

    /// <summary>A self-signed RSA 2048 certificate with its private key, as a PFX file would give it.</summary>
    public static X509Certificate2 Certificate(string subject = "CN=Audit Team, O=Example Corp", int validDays = 365)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(validDays));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx, ""), "", X509KeyStorageFlags.Exportable);
    }

    /// <summary>The PDF carrying these attachments instead of its own: PDFsharp's <c>AddEmbeddedFile</c> starts a new name tree.</summary>
    public static byte[] WithAttachments(byte[] pdf, params Attachment[] attachments)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        foreach (var attachment in attachments)
        {
            document.AddEmbeddedFile(attachment.Name, new MemoryStream([]));
            var specification = document.Internals.GetAllObjects().OfType<PdfFileSpecification>().Last(f => f.Elements.GetString("/F") == attachment.Name);
            if (attachment.Description is not null)
            {
                specification.Elements.SetString("/Desc", attachment.Description);
            }

            var file = (PdfDictionary)((PdfReference)specification.Elements.GetDictionary("/EF")!.Elements["/F"]!).Value;
            file.Stream.Value = Deflate(attachment.Bytes);
            file.Elements.SetName("/Filter", "/FlateDecode");
        }

        return Save(document);
    }

    /// <summary>
    /// Signed by PDFsharp: the CMS made as the contract asks (SHA-256, signing-time attribute, the certificate inside),
    /// or with <paramref name="pdfSharpSigner"/> by PDFsharp's own signer, which signs the content with no attributes.
    /// </summary>
    public static byte[] Signed(byte[] pdf, X509Certificate2 certificate, bool pdfSharpSigner = false)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        var options = new DigitalSignatureOptions { Reason = "Audit report", Location = "Test", Rectangle = new XRect(36, 36, 200, 40), AppearanceHandler = new Frame() };
        IDigitalSigner signer = pdfSharpSigner ? new PdfSharpDefaultSigner(certificate, PdfMessageDigestType.SHA256, null) : new AttributeSigner(certificate);
        DigitalSignatureHandler.ForDocument(document, signer, options);
        return Save(document);
    }

    /// <summary>A detached CMS with signed attributes: the message digest and the signing time are what gets signed.</summary>
    private sealed class AttributeSigner(X509Certificate2 certificate) : IDigitalSigner
    {
        public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

        public Task<int> GetSignatureSizeAsync() => Task.FromResult(Sign([0]).Length + 512);

        public Task<byte[]> GetSignatureAsync(Stream stream)
        {
            // PDFsharp's ranged stream comes positioned at its end and cannot say whether it seeks (so no CopyTo).
            stream.Position = 0;
            using var content = new MemoryStream();
            var buffer = new byte[81920];
            for (var n = stream.Read(buffer, 0, buffer.Length); n > 0; n = stream.Read(buffer, 0, buffer.Length))
            {
                content.Write(buffer, 0, n);
            }

            return Task.FromResult(Sign(content.ToArray()));
        }

        private byte[] Sign(byte[] content)
        {
            var cms = new SignedCms(new ContentInfo(content), detached: true);
            var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
            {
                DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
                IncludeOption = X509IncludeOption.EndCertOnly,
            };
            signer.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.UtcNow));
            cms.ComputeSignature(signer, silent: true);
            return cms.Encode();
        }
    }

    /// <summary>A copy of <paramref name="pdf"/> with one bit of byte <paramref name="at"/> flipped.</summary>
    public static byte[] Flipped(byte[] pdf, int at)
    {
        var copy = (byte[])pdf.Clone();
        copy[at] ^= 0x01;
        return copy;
    }

    public static byte[] Deflate(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(bytes);
        }

        return buffer.ToArray();
    }

    /// <summary>A signature's visible block as a plain frame: PDFsharp's default one asks for a font (Verdana) a server lacks.</summary>
    private sealed class Frame : IAnnotationAppearanceHandler
    {
        public void DrawAppearance(XGraphics gfx, XRect rect) => gfx.DrawRectangle(XPens.Black, rect);
    }

    private static byte[] Save(PdfDocument document)
    {
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        return buffer.ToArray();
    }
}
