using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace PortCompliance.Reporting.Evidence;

/// <summary>
/// Who signs the PDFs of a run and when: a certificate with its private key, checked by whoever loaded it, and one
/// signing time for the run. Makes the CMS detached signature (SHA-256, the signing certificate inside, a
/// signing-time attribute) that a PDF's <c>/Contents</c> holds.
/// </summary>
public sealed class ReportSigner(X509Certificate2 certificate, DateTimeOffset signingTime)
{
    private static readonly Oid Sha256 = new("2.16.840.1.101.3.4.2.1");
    private int _size;

    public X509Certificate2 Certificate { get; } = certificate;

    public DateTimeOffset SigningTime { get; } = signingTime;

    /// <summary>The signer as the certificate names it: its common name, else its whole subject.</summary>
    public string Name => Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) is { Length: > 0 } name ? name : Certificate.Subject;

    /// <summary>The CMS signature over <paramref name="content"/> (the PDF but its <c>/Contents</c> value), DER-encoded.</summary>
    public byte[] Sign(byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, Certificate)
        {
            DigestAlgorithm = Sha256,
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(SigningTime.UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>Room to reserve for a signature: one made over nothing, plus slack (its size does not depend on the content).</summary>
    public int ReservedBytes => _size > 0 ? _size : _size = Sign([0]).Length + 512;
}
