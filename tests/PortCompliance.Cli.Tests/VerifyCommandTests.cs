using System.Diagnostics;
using System.Text;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>
/// <c>portcompliance verify</c> on a real signed audit of three genuine listings: weeks later every check holds; then
/// each piece is tampered with in a copy — a byte of the PDF, a row of findings.csv, a swapped attachment, a deleted
/// or an added file, an edited input — and verify names exactly the check and the file, and exits 1.
/// </summary>
public sealed class VerifyCommandTests(VerifyCommandTests.SignedAudit audit) : IClassFixture<VerifyCommandTests.SignedAudit>
{
    private static readonly string[] Samples =
        ["samples/ss/ss-lntup-debian12-db.txt", "samples/ss/ss-lntup-debian12-web.txt", "samples/netstat/netstat-plunt-debian12-db.txt"];

    /// <summary>One signed audit the tests share; each tampers with its own copy of the reports.</summary>
    public sealed class SignedAudit : IDisposable
    {
        internal AuditedFolder Folder { get; } = AuditedFolder.Create(Samples);

        public void Dispose() => Folder.Dispose();
    }

    private AuditedFolder Folder => audit.Folder;

    [Fact]
    public void Should_Hold_Every_Check_Of_A_Signed_Audit_With_Its_Inputs()
    {
        var run = CliRun.Of("verify", Folder.Reports, Folder.Inputs);

        Assert.True(Folder.Audit.ExitCode is 0 or 1, Folder.Audit.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ok    SHA256SUMS  report.pdf: SHA-256 as listed", run.Out);
        Assert.Matches(@"ok    signature   report\.pdf: valid, covers the whole file; signed by .*CN=Audit Team", run.Out);
        Assert.Contains("note  signature   report.pdf: the certificate is self-signed", run.Out);
        Assert.Contains("ok    attachment  report.pdf: 5 attachment(s) as results.json records them (listing ×3, policy, results)", run.Out);
        Assert.Equal(3, Lines(run, "ok    input ").Count);
        Assert.DoesNotContain("FAIL", run.Out);
        Assert.StartsWith("Verdict: PASS — all ", Lines(run, "Verdict").Single());
    }

    [Fact]
    public void Should_Agree_With_Sha256sum_And_Pdfsig_On_The_Untouched_Folder()
    {
        Assert.Equal(0, Tool("sha256sum", Folder.Reports, "-c", "--quiet", "SHA256SUMS").ExitCode);
        Assert.Contains("Signature Validation: Signature is Valid.", Tool("pdfsig", Folder.Reports, "report.pdf").Out);
    }

    [Fact]
    public void Should_Name_SHA256SUMS_And_The_Signature_When_One_Byte_Of_The_Pdf_Changed()
    {
        var copy = Folder.CopyOfReports();
        AuditedFolder.FlipByte(Path.Combine(copy, "report.pdf"));

        var run = CliRun.Of("verify", copy, Folder.Inputs);

        // Where the byte falls decides whether the PDF still parses (else the attachments cannot be read either); the
        // checksum and the signature fail wherever it falls.
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["FAIL  SHA256SUMS  report.pdf", "FAIL  signature   report.pdf"], Failures(run).Take(2));
        Assert.All(Failures(run), f => Assert.EndsWith(" report.pdf", f));
        Assert.Contains("the signed bytes changed", Lines(run, "FAIL  signature").Single());
        Assert.Contains(": SHA256SUMS report.pdf; signature report.pdf", Lines(run, "Verdict").Single());
        Assert.DoesNotContain("Signature is Valid.", Tool("pdfsig", copy, "report.pdf").Out);
    }

    [Fact]
    public void Should_Name_Findings_Csv_When_A_Row_Was_Edited()
    {
        var copy = Folder.CopyOfReports();
        var csv = Path.Combine(copy, "findings.csv");
        var rows = File.ReadAllLines(csv);
        rows[1] = rows[1].Replace(",critical,", ",low,", StringComparison.Ordinal).Replace(",high,", ",low,", StringComparison.Ordinal);
        File.WriteAllLines(csv, rows);

        var run = CliRun.Of("verify", copy, Folder.Inputs);

        Assert.Equal(1, run.ExitCode);
        var failure = Assert.Single(Lines(run, "FAIL"));
        Assert.StartsWith("FAIL  SHA256SUMS  findings.csv: changed: its SHA-256 is ", failure);
    }

    [Fact]
    public void Should_Name_The_Attachment_Swapped_For_Other_Bytes_Even_With_SHA256SUMS_Rewritten()
    {
        var copy = Folder.CopyOfReports();
        var other = File.ReadAllBytes(RepoPaths.Combine("samples/ss/ss-lntup-debian12-mariadb.txt"));
        AuditedFolder.SwapAttachment(copy, "report.pdf", "listing-ss-lntup-debian12-web.txt", other);

        var run = CliRun.Of("verify", copy, Folder.Inputs);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ok    SHA256SUMS  report.pdf", run.Out);
        Assert.Equal(["FAIL  signature   report.pdf", "FAIL  attachment  report.pdf"], Failures(run).Distinct());
        Assert.Matches(@"FAIL  attachment  report\.pdf: listing-ss-lntup-debian12-web\.txt \(listing: .*ss-lntup-debian12-web\.txt\): its SHA-256 is ", run.Out);
    }

    [Fact]
    public void Should_Name_A_Deleted_Report_File()
    {
        var copy = Folder.CopyOfReports();
        File.Delete(Path.Combine(copy, "sockets.csv"));

        var run = CliRun.Of("verify", copy, Folder.Inputs);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("FAIL  SHA256SUMS  sockets.csv: listed, but missing", Assert.Single(Lines(run, "FAIL")));
    }

    [Fact]
    public void Should_Name_A_File_Added_To_The_Folder()
    {
        var copy = Folder.CopyOfReports();
        File.WriteAllText(Path.Combine(copy, "notes.txt"), "all fine\n");

        var run = CliRun.Of("verify", copy, Folder.Inputs);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("FAIL  SHA256SUMS  notes.txt: not listed in SHA256SUMS: added after the audit", Assert.Single(Lines(run, "FAIL")));
    }

    [Fact]
    public void Should_Name_Bytes_Appended_To_The_Signed_Pdf_As_Not_Covered()
    {
        var copy = Folder.CopyOfReports();
        File.AppendAllText(Path.Combine(copy, "report.pdf"), "\n% appended\n");
        AuditedFolder.Relist(copy, "report.pdf");

        var run = CliRun.Of("verify", copy, Folder.Inputs);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bytes were added after signing", Assert.Single(Lines(run, "FAIL")));
        Assert.Contains("Not total document signed", Tool("pdfsig", copy, "report.pdf").Out);
    }

    [Fact]
    public void Should_Name_A_Given_File_The_Report_Never_Judged_And_A_Recorded_Input_Not_Given()
    {
        var stranger = Path.Combine(Folder.CopyOfReports(), "..", "stranger.txt");
        File.Copy(RepoPaths.Combine("samples/ss/ss-lntup-debian12-mariadb.txt"), stranger, overwrite: true);
        var given = Directory.EnumerateFiles(Folder.Inputs).Order(StringComparer.Ordinal).Skip(1).Append(stranger).ToArray();

        var run = CliRun.Of(["verify", Folder.Reports, .. given]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Lines(run, "FAIL  input"), l => l.Contains("stranger.txt: not an input of this report", StringComparison.Ordinal));
        Assert.Contains(Lines(run, "FAIL  input"), l => l.Contains("but not among the given INPUT", StringComparison.Ordinal));
        File.Delete(stranger);
    }

    [Fact]
    public void Should_Look_For_The_Inputs_Where_Results_Json_Says_They_Were_Without_INPUT()
    {
        var run = CliRun.Of("verify", Folder.Reports);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, Lines(run, "ok    input ").Count);
        Assert.Contains(Lines(run, "ok    input "), l => l.Contains("audit.pfx", StringComparison.Ordinal) is false);
    }

    [Fact]
    public void Should_Match_Inputs_Moved_To_Another_Folder_By_Their_Names()
    {
        var moved = Directory.CreateTempSubdirectory("pc-verify-moved");
        try
        {
            foreach (var file in Directory.EnumerateFiles(Folder.Inputs))
            {
                File.Copy(file, Path.Combine(moved.FullName, Path.GetFileName(file)));
            }

            var run = CliRun.Of("verify", Folder.Reports, moved.FullName);

            Assert.Equal(0, run.ExitCode);
            Assert.All(Lines(run, "ok    input "), l => Assert.Contains(", recorded as ", l));
        }
        finally
        {
            moved.Delete(recursive: true);
        }
    }

    [Fact]
    public void Should_Name_The_Input_Listing_Edited_After_The_Audit_And_Note_An_Unsigned_Pdf()
    {
        using var unsigned = AuditedFolder.Create(Samples, sign: false);
        var edited = Path.Combine(unsigned.Inputs, "ss-lntup-debian12-web.txt");
        File.AppendAllText(edited, "tcp   LISTEN 0      128          0.0.0.0:4444      0.0.0.0:*    users:((\"nc\",pid=4444,fd=3))\n");

        var run = CliRun.Of("verify", unsigned.Reports, unsigned.Inputs);

        Assert.Equal(1, run.ExitCode);
        var failure = Assert.Single(Lines(run, "FAIL"));
        Assert.StartsWith($"FAIL  input       {edited}: changed since it was judged (listing of ss-lntup-debian12-web): its SHA-256 is ", failure);
        Assert.Contains("note  signature   report.pdf: not signed", run.Out);
    }

    [Fact]
    public void Should_Take_The_Record_From_The_Pdf_When_The_Audit_Wrote_No_Results_Json()
    {
        using var pdfOnly = AuditedFolder.Create(Samples, sign: true, "--formats", "pdf");

        var run = CliRun.Of("verify", pdfOnly.Reports, pdfOnly.Inputs);

        Assert.False(File.Exists(Path.Combine(pdfOnly.Reports, "results.json")));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("note  input       results.json: not in the folder: the inputs are checked against the results.json report.pdf carries", run.Out);
        Assert.Equal(3, Lines(run, "ok    input ").Count);
    }

    [Fact]
    public void Should_Check_Standard_Input_Against_The_Listing_Read_From_It()
    {
        var listing = File.ReadAllText(RepoPaths.Combine(Samples[0]));
        var reports = Folder.CopyOfReports() + "-stdin";
        try
        {
            CliRun.WithStdin(listing, "audit", "-", "--host", "db01", "--out", reports);

            var same = CliRun.WithStdin(listing, "verify", reports, "-");
            var other = CliRun.WithStdin(listing + "\n", "verify", reports, "-");

            Assert.Equal(0, same.ExitCode);
            Assert.Contains("ok    input       -: the bytes judged (listing of db01)", same.Out);
            Assert.Contains("ok    attachment  report.pdf: 3 attachment(s)", same.Out);
            Assert.Equal(1, other.ExitCode);
            Assert.StartsWith("FAIL  input       -: changed since it was judged", Assert.Single(Lines(other, "FAIL")));
        }
        finally
        {
            Directory.Delete(reports, recursive: true);
        }
    }

    [Fact]
    public void Should_Not_Hang_On_Fifos_Named_Report_Pdf_And_Results_Json()
    {
        var copy = Folder.CopyOfReports();
        var fifos = new[] { Path.Combine(copy, "report.pdf"), Path.Combine(copy, "results.json") };
        foreach (var fifo in fifos)
        {
            File.Delete(fifo);
            SpecialFiles.Fifo(fifo);
        }

        var run = SpecialFiles.Within(30, () => CliRun.Of("verify", copy, Folder.Inputs), fifos);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  SHA256SUMS  report.pdf: not a regular file (a FIFO): skipped", run.Out);
        Assert.Contains("FAIL  SHA256SUMS  results.json: not a regular file (a FIFO): skipped", run.Out);
        Assert.Contains("FAIL  input       ", run.Out);
        Assert.Contains("cannot be checked: results.json: not a regular file (a FIFO)", run.Out);
    }

    [Fact]
    public void Should_Never_Open_A_Path_In_SHA256SUMS_That_Leaves_The_Folder()
    {
        var copy = Folder.CopyOfReports();
        var hash = new string('0', 64);
        File.AppendAllText(Path.Combine(copy, "SHA256SUMS"), $"{hash}  ../../../../etc/passwd\n{hash}  /dev/zero\nnot a line\n");

        var run = SpecialFiles.Within(30, () => CliRun.Of("verify", copy, Folder.Inputs));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["FAIL  SHA256SUMS  SHA256SUMS:6: ../../../../etc/passwd: a path that leaves the report folder",
             "FAIL  SHA256SUMS  SHA256SUMS:7: /dev/zero: an absolute path, outside the report folder",
             "FAIL  SHA256SUMS  SHA256SUMS:8: not a line of sha256sum (HASH, two spaces, PATH)"],
            Lines(run, "FAIL"));
    }

    [Theory]
    [InlineData("no-such-folder", "no-such-folder: no such folder")]
    [InlineData("README.md", "README.md: a file, not a report folder")]
    [InlineData("samples/ss", "holds no SHA256SUMS and no report: nothing to verify")]
    public void Should_Exit_2_For_A_Folder_That_Is_No_Report_Folder(string folder, string message)
    {
        var run = CliRun.Of("verify", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Should_Exit_2_For_An_Input_That_Does_Not_Exist_Or_Reads_As_An_Option()
    {
        var missing = CliRun.Of("verify", Folder.Reports, "inputs/2026-12");
        var option = CliRun.Of("verify", Folder.Reports, "--inputs");

        Assert.Equal((2, 2), (missing.ExitCode, option.ExitCode));
        Assert.Contains("inputs/2026-12: no such file or folder", missing.Error);
        Assert.Contains("unknown option '--inputs'", option.Error);
    }

    private static List<string> Lines(CliRun run, string start) =>
        [.. run.Out.Split('\n').Where(l => l.StartsWith(start, StringComparison.Ordinal))];

    /// <summary>Each failing line's status, check and subject: what it names.</summary>
    private static List<string> Failures(CliRun run) => [.. Lines(run, "FAIL").Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)])];

    private static (int ExitCode, string Out) Tool(string tool, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder(process.StandardOutput.ReadToEnd());
        output.Append(process.StandardError.ReadToEnd());
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
