using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PortCompliance.Core.Model;
using PortCompliance.Reporting.Evidence;

namespace PortCompliance.Cli.Commands;

/// <summary>
/// <c>--sign FILE.pfx</c>: the certificate that signs the run's PDFs, loaded and tried before any input is read, so a
/// wrong password, a certificate without its private key or one out of its validity is a usage error up front, never a
/// run that fails at its last step.
/// </summary>
internal static class SigningCertificate
{
    public const string PasswordVariable = "PORTCOMPLIANCE_SIGN_PASSWORD";

    private const long MaxPfxBytes = 1 << 20;
    private const long MaxPasswordBytes = 64 << 10;

    /// <summary>The signer, or null with <paramref name="error"/> saying what is wrong with the file, its password or its certificate.</summary>
    public static ReportSigner? Load(string path, string? passwordFile, DateTimeOffset now, out string error)
    {
        error = "";
        string password;
        if (passwordFile is not null)
        {
            if (RegularFiles.ReadAll(passwordFile, MaxPasswordBytes, "the password file", out var problem) is not { } secret)
            {
                error = $"--sign-password-file {passwordFile}: {problem}";
                return null;
            }

            password = Encoding.UTF8.GetString(secret).TrimEnd('\r', '\n');
        }
        else
        {
            password = Environment.GetEnvironmentVariable(PasswordVariable) ?? "";
        }

        if (RegularFiles.ReadAll(path, MaxPfxBytes, "the certificate file", out var notRead) is not { } pfx)
        {
            error = $"--sign {path}: {notRead}";
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            var given = passwordFile is not null ? $"the password in {passwordFile}" : Environment.GetEnvironmentVariable(PasswordVariable) is not null ? $"the password in {PasswordVariable}" : "no password";
            error = $"--sign {path}: cannot open it with {given}: a wrong password, or not a PKCS#12 (.pfx/.p12) file ({e.Message.TrimEnd('.')})";
            return null;
        }

        var name = certificate.Subject;
        if (!certificate.HasPrivateKey)
        {
            error = $"--sign {path}: the certificate {name} comes without its private key, so it cannot sign";
        }
        else if (now < certificate.NotBefore.ToUniversalTime())
        {
            error = $"--sign {path}: the certificate {name} is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
        }
        else if (now > certificate.NotAfter.ToUniversalTime())
        {
            error = $"--sign {path}: the certificate {name} expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
        }
        else if (certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage &&
            (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            error = $"--sign {path}: the certificate {name} may not make signatures (key usage: {usage.KeyUsages})";
        }

        if (error.Length > 0)
        {
            certificate.Dispose();
            return null;
        }

        var signer = new ReportSigner(certificate, now);
        try
        {
            _ = signer.ReservedBytes; // one signature made now: a key that cannot sign fails here, not after the reports
            return signer;
        }
        catch (CryptographicException e)
        {
            error = $"--sign {path}: the certificate {name} cannot sign: {e.Message.TrimEnd('.')}";
            return null;
        }
    }
}
