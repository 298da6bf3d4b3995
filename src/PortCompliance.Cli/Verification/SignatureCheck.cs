using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PortCompliance.Reporting.Pdf.Inspection;

namespace PortCompliance.Cli.Verification;

/// <summary>
/// Each PDF's signature: valid over its byte range, the range the whole file but the signature, and who signed it —
/// subject, issuer, validity and SHA-256 fingerprint. An unsigned PDF, and a signer this machine does not trust (a
/// self-signed certificate), are notes: whether to trust the signer is the reader's call, by its fingerprint.
/// </summary>
internal sealed class SignatureCheck : IPdfCheck
{
    private readonly ConcurrentDictionary<string, string?> _trust = new(StringComparer.Ordinal);

    public string Name => "signature";

    public string Description => "each PDF's signature is valid, covers the whole file, and names its certificate";

    public IEnumerable<CheckLine> Run(ReportPdf pdf, ReportFolder folder)
    {
        var subject = pdf.File.Relative;
        // A PDF whose structure no longer parses still has its signatures checked: they are found in its bytes.
        if (pdf.Inspection is { Problem: { } unreadable, Signatures.Count: 0 })
        {
            yield return CheckLine.Fail(Name, subject, unreadable).For(pdf.File);
            yield break;
        }

        if (pdf.Inspection.Signatures.Count == 0)
        {
            yield return CheckLine.Note(Name, subject, "not signed").For(pdf.File);
            yield break;
        }

        foreach (var signature in pdf.Inspection.Signatures)
        {
            var verification = SignatureVerifier.Verify(pdf.Bytes, signature);
            var field = pdf.Inspection.Signatures.Count > 1 ? $"signature {signature.Field}: " : "";
            foreach (var problem in verification.Problems)
            {
                yield return CheckLine.Fail(Name, subject, field + problem).For(pdf.File);
            }

            if (verification.Holds && verification.Signer is { } signer)
            {
                yield return CheckLine.Ok(Name, subject, field + Signed(verification, signer)).For(pdf.File);
                if (Untrusted(signer, verification) is { } why)
                {
                    yield return CheckLine.Note(Name, subject, field + why).For(pdf.File);
                }
            }
        }
    }

    private static string Signed(SignatureVerification verification, X509Certificate2 signer)
    {
        var at = verification.SigningTime is { } time ? $" at {time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : ", no signing time";
        return $"valid, covers the whole file; signed by {signer.Subject}{at}; certificate issued by {signer.Issuer}, " +
               $"valid {signer.NotBefore.ToUniversalTime():yyyy-MM-dd} to {signer.NotAfter.ToUniversalTime():yyyy-MM-dd}, SHA-256 {Fingerprint(signer)}";
    }

    /// <summary>Why this machine's trust store does not vouch for the signer, or null when it does (asked once per certificate).</summary>
    private string? Untrusted(X509Certificate2 signer, SignatureVerification verification) => _trust.GetOrAdd(signer.Thumbprint, _ =>
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.ExtraStore.AddRange(verification.Certificates);
        chain.ChainPolicy.VerificationTime = (verification.SigningTime ?? DateTimeOffset.UtcNow).UtcDateTime;
        if (chain.Build(signer))
        {
            return null;
        }

        var kind = signer.SubjectName.RawData.AsSpan().SequenceEqual(signer.IssuerName.RawData) ? "self-signed" : "issued by a certificate authority this machine does not trust";
        return $"the certificate is {kind}, not trusted by this system: compare its SHA-256 fingerprint with the one the signer gave you";
    });

    /// <summary>As <c>openssl x509 -fingerprint -sha256</c> prints it.</summary>
    private static string Fingerprint(X509Certificate2 certificate) => 
        string.Join(':', Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c)));
}
