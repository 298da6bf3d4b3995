using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace PortCompliance.Reporting.Pdf.Inspection;

/// <summary>
/// What checking one signature found: how its byte range falls short of the whole file (<see cref="Coverage"/>), why
/// the signature is not valid over the bytes it names (<see cref="Validity"/>) — both empty: it holds — and who signed
/// when, as the signature says. Whether the signer's certificate is trusted is the caller's question, asked of its own
/// trust store.
/// </summary>
public sealed record SignatureVerification(
    EmbeddedSignature Signature, IReadOnlyList<string> Coverage, IReadOnlyList<string> Validity,
    X509Certificate2? Signer, X509Certificate2Collection Certificates, DateTimeOffset? SigningTime)
{
    public IEnumerable<string> Problems => Coverage.Concat(Validity);

    public bool Holds => Coverage.Count == 0 && Validity.Count == 0;
}

/// <summary>
/// Checks a PDF signature (PDF 32000 12.8.1) against the file's bytes: its <c>/ByteRange</c> covers the whole file but
/// the <c>/Contents</c> string (from byte 0, the gap exactly that string, to the last byte), and the detached CMS
/// signature inside is valid over those bytes — the signed message digest is theirs, the signature over it verifies.
/// </summary>
public static class SignatureVerifier
{
    private static readonly string[] DetachedCms = ["adbe.pkcs7.detached", "ETSI.CAdES.detached"];
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";
    private const string SigningTimeOid = "1.2.840.113549.1.9.5";

    public static SignatureVerification Verify(byte[] pdf, EmbeddedSignature signature)
    {
        var range = signature.ByteRange;
        var shown = $"[{string.Join(' ', range)}]";
        string? unusable = range.Count != 4 || range.Any(n => n < 0) ? $"its /ByteRange {shown} is not two ranges of the file"
            : range.Any(n => n > pdf.Length) || range[2] + range[3] > pdf.Length ? $"its /ByteRange {shown} reaches past the end of the file ({pdf.Length} bytes)"
            : range[0] + range[1] > range[2] ? $"its /ByteRange {shown} is two ranges that overlap"
            : null;
        if (unusable is not null)
        {
            return new SignatureVerification(signature, [unusable], [], null, [], null);
        }

        var content = new byte[range[1] + range[3]];
        pdf.AsSpan((int)range[0], (int)range[1]).CopyTo(content);
        pdf.AsSpan((int)range[2], (int)range[3]).CopyTo(content.AsSpan((int)range[1]));
        return Cms(content, signature, [.. Coverage(pdf, signature)]);
    }

    /// <summary>Whether the signed bytes are the whole file but the signature's own <c>/Contents</c> value.</summary>
    private static IEnumerable<string> Coverage(byte[] pdf, EmbeddedSignature signature)
    {
        var (start, first, second, length) = (signature.ByteRange[0], signature.ByteRange[1], signature.ByteRange[2], signature.ByteRange[3]);
        if (start != 0)
        {
            yield return $"the signed bytes start at byte {start}, not at the file's first: the {start} bytes before are not covered";
        }

        var end = second + length;
        if (end < pdf.Length)
        {
            yield return $"the signature covers the first {end} bytes of {pdf.Length}: {pdf.Length - end} bytes were added after signing";
        }

        var gap = pdf.AsSpan((int)(start + first), (int)(second - start - first));
        if (gap.Length < 2 || gap[0] != '<' || gap[^1] != '>' || !IsHex(gap[1..^1]) || !Convert.FromHexString(System.Text.Encoding.ASCII.GetString(gap[1..^1])).AsSpan().SequenceEqual(signature.Contents))
        {
            yield return $"the {gap.Length} bytes the signature leaves out (from byte {start + first}) are not its /Contents value: they are not covered";
        }
    }

    private static SignatureVerification Cms(byte[] content, EmbeddedSignature signature, List<string> coverage)
    {
        var problems = new List<string>();
        if (!DetachedCms.Contains(signature.SubFilter, StringComparer.Ordinal))
        {
            problems.Add($"its /SubFilter is {signature.SubFilter ?? "missing"}; only detached CMS signatures ({string.Join(", ", DetachedCms)}) can be checked");
            return new SignatureVerification(signature, coverage, problems, null, [], null);
        }

        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            // The /Contents string is padded with zeros after the DER value; the value alone is the signature.
            AsnDecoder.ReadEncodedValue(signature.Contents, AsnEncodingRules.BER, out _, out _, out var length);
            cms.Decode(signature.Contents.AsSpan(0, length));
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            problems.Add($"its /Contents holds no CMS signature ({e.Message})");
            return new SignatureVerification(signature, coverage, problems, null, [], null);
        }

        if (cms.SignerInfos.Count == 0)
        {
            problems.Add("its CMS signature has no signer");
            return new SignatureVerification(signature, coverage, problems, null, cms.Certificates, null);
        }

        var signer = cms.SignerInfos[0];
        var signingTime = Attribute(signer, SigningTimeOid) is { } time ? new Pkcs9SigningTime(time.RawData).SigningTime : (DateTime?)null;
        var digestOk = CheckDigest(content, signer, problems);
        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e) when (digestOk)
        {
            problems.Add($"the CMS signature does not verify: {e.Message}");
        }
        catch (CryptographicException)
        {
            // The digest differs already: the signature cannot verify, and that is the one thing to say.
        }

        if (signer.Certificate is not { } certificate)
        {
            problems.Add("the signing certificate is not inside the signature");
        }
        else if (signingTime is { } at && (at < certificate.NotBefore.ToUniversalTime() || at > certificate.NotAfter.ToUniversalTime()))
        {
            problems.Add($"signed at {at:yyyy-MM-dd HH:mm:ss} UTC, outside the certificate's validity ({certificate.NotBefore.ToUniversalTime():yyyy-MM-dd} to {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd})");
        }

        return new SignatureVerification(signature, coverage, problems, signer.Certificate, cms.Certificates,
            signingTime is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null);
    }

    /// <summary>
    /// Whether the message digest the signer signed is the digest of the bytes the byte range names. Without signed
    /// attributes (RFC 5652 5.4) the signature is over the content itself, and only <c>CheckSignature</c> can tell.
    /// </summary>
    private static bool CheckDigest(byte[] content, SignerInfo signer, List<string> problems)
    {
        if (signer.SignedAttributes.Count == 0)
        {
            return true;
        }

        if (Attribute(signer, MessageDigestOid) is not { } attribute)
        {
            problems.Add("its CMS signature signs attributes but no message digest");
            return false;
        }

        HashAlgorithmName? algorithm = signer.DigestAlgorithm.Value switch
        {
            "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
            "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
            "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (algorithm is not { } name)
        {
            problems.Add($"its digest algorithm ({signer.DigestAlgorithm.FriendlyName ?? signer.DigestAlgorithm.Value}) is not SHA-256, SHA-384 or SHA-512");
            return false;
        }

        var signed = new Pkcs9MessageDigest();
        signed.CopyFrom(attribute);
        if (!CryptographicOperations.FixedTimeEquals(signed.MessageDigest, CryptographicOperations.HashData(name, content)))
        {
            problems.Add($"the signed bytes changed: their {name.Name!.Replace("SHA", "SHA-", StringComparison.Ordinal)} is not the one signed");
            return false;
        }

        return true;
    }

    private static AsnEncodedData? Attribute(SignerInfo signer, string oid) =>
        signer.SignedAttributes.Cast<CryptographicAttributeObject>().FirstOrDefault(a => a.Oid.Value == oid) is { Values.Count: > 0 } found ? found.Values[0] : null;

    private static bool IsHex(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (!char.IsAsciiHexDigit((char)b))
            {
                return false;
            }
        }

        return text.Length % 2 == 0;
    }
}
