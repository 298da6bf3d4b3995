using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PortCompliance.Cli.Reports;
using PortCompliance.Core.Policy;
using PortCompliance.Reporting.Evidence;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>
/// <c>audit --sign</c> and the evidence a report folder carries, as a user runs them: the certificate checked before any
/// work, every PDF signed as pdfsig sees it, <c>SHA256SUMS</c> that <c>sha256sum -c</c> accepts, standard input attached.
/// </summary>
public sealed class SignedAuditTests : IDisposable
{
    private const string Sample = "samples/ss/ss-lntup-debian12-web.txt";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pc-sign-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Out => Path.Combine(_dir.FullName, "reports");

    [Fact]
    public void Should_Sign_Every_Pdf_And_Write_Sums_That_Sha256sum_Accepts()
    {
        var (pfx, password) = Pfx("CN=Jane Auditor, O=Example Corp", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        var run = CliRun.Of("audit", Sample, "samples/ss/ss-lntup-debian12-db.txt", "--out", Out, "--sign", pfx, "--sign-password-file", password);

        Assert.Equal(1, run.ExitCode); // the samples hold real violations
        var report = Tool("pdfsig", Out, "report.pdf");
        Assert.Contains("Signature is Valid.", report);
        Assert.Contains("Total document signed", report);
        Assert.Contains("Jane Auditor", report);
        var sums = File.ReadAllLines(Path.Combine(Out, Checksums.FileName));
        Assert.Equal(["findings.csv", "report.html", "report.pdf", "results.json", "sockets.csv"], sums.Select(l => l[66..]));
        Assert.Contains("report.pdf: OK", Tool("sha256sum", Out, "-c", Checksums.FileName));
    }

    [Fact]
    public void Should_Take_The_Password_From_The_Environment()
    {
        var (pfx, _) = Pfx("CN=Ops Signer", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        var run = CliRun.With("", new Dictionary<string, string?> { [Commands.SigningCertificate.PasswordVariable] = "correct horse" },
            "audit", Sample, "--out", Out, "--formats", "pdf", "--sign", pfx);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Signature is Valid.", Tool("pdfsig", Out, "report.pdf"));
    }

    public static TheoryData<string, string> BadCertificates => new()
    {
        { "wrong-password", "cannot open it with the password in" },
        { "expired", "expired on" },
        { "not-yet-valid", "is not valid before" },
        { "no-private-key", "comes without its private key" },
        { "not-a-pfx", "not a PKCS#12" },
    };

    [Theory]
    [MemberData(nameof(BadCertificates))]
    public void Should_Refuse_A_Certificate_That_Cannot_Sign_Before_Any_Work(string kind, string message)
    {
        var now = DateTimeOffset.UtcNow;
        var (pfx, password) = kind switch
        {
            "expired" => Pfx("CN=Old", now.AddYears(-2), now.AddDays(-1)),
            "not-yet-valid" => Pfx("CN=Future", now.AddDays(10), now.AddYears(1)),
            "no-private-key" => PublicOnly(),
            "not-a-pfx" => (RepoPaths.Combine(Sample), Password("x")),
            _ => (Pfx("CN=Someone", now.AddDays(-1), now.AddDays(30)).Pfx, Password("not the password")),
        };

        var run = CliRun.Of("audit", Sample, "--out", Out, "--sign", pfx, "--sign-password-file", password);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.StartsWith($"portcompliance: --sign {pfx}: ", run.Error);
        Assert.False(Directory.Exists(Out)); // nothing was read, nothing written
    }

    [Fact]
    public void Should_Attach_Standard_Input_As_Read()
    {
        var listing = File.ReadAllText(RepoPaths.Combine(Sample));

        var run = CliRun.WithStdin(listing, "audit", "-", "--host", "web01", "--out", Out, "--formats", "pdf");

        Assert.Equal(1, run.ExitCode);
        var saved = Path.Combine(_dir.FullName, "detached");
        Directory.CreateDirectory(saved);
        Tool("pdfdetach", saved, "-saveall", Path.Combine(Out, "report.pdf"));
        Assert.Equal(File.ReadAllBytes(RepoPaths.Combine(Sample)), File.ReadAllBytes(Path.Combine(saved, "listing-stdin.txt")));
    }

    [Fact]
    public void Should_Not_Attach_A_File_Changed_Since_It_Was_Judged()
    {
        var path = Path.Combine(_dir.FullName, "web01.txt");
        File.Copy(RepoPaths.Combine(Sample), path);
        var judged = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        File.AppendAllText(path, "tcp LISTEN 0 128 0.0.0.0:4444 0.0.0.0:*\n");
        var evidence = new EvidenceFiles(PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!, Out, writesResults: true);

        var read = evidence.Read(EvidenceKind.Listing, path, judged, AttachmentPlan.MaxBytes);

        Assert.Null(read.Bytes);
        Assert.StartsWith("the file changed after it was judged (its SHA-256 is now ", read.Problem);
        Assert.NotNull(evidence.Read(EvidenceKind.Listing, path, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), AttachmentPlan.MaxBytes).Bytes);
    }

    private (string Pfx, string PasswordFile) Pfx(string subject, DateTimeOffset from, DateTimeOffset until)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(from, until);
        var path = Path.Combine(_dir.FullName, $"{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "correct horse"));
        return (path, Password("correct horse"));
    }

    private (string Pfx, string PasswordFile) PublicOnly()
    {
        var (withKey, _) = Pfx("CN=Public Only", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var full = X509CertificateLoader.LoadPkcs12FromFile(withKey, "correct horse");
        using var bare = X509CertificateLoader.LoadCertificate(full.RawData);
        var path = Path.Combine(_dir.FullName, "public.pfx");
        File.WriteAllBytes(path, bare.Export(X509ContentType.Pfx, "correct horse"));
        return (path, Password("correct horse"));
    }

    private string Password(string password)
    {
        var path = Path.Combine(_dir.FullName, $"{Guid.NewGuid():N}.password");
        File.WriteAllText(path, password + "\n");
        return path;
    }

    private static string Tool(string tool, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output + error.Result;
    }
}
