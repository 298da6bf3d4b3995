using PortCompliance.Reporting.Model;
using System.Xml.Linq;
using PortCompliance.Reporting.Junit;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Junit;

public sealed class JunitRendererTests
{
    private static XDocument Render(ReportModel model) => XDocument.Load(new MemoryStream(Reports.Render(new JunitRenderer(), model)["junit.xml"]));

    [Fact]
    public void Should_Have_A_Case_Per_Host_And_Rule_Failing_Where_Findings_Are_Open()
    {
        var model = Reports.Of("samples/ss/ss-lntup-debian12-db.txt", "samples/docs/seed000-ss-lntup.txt");
        var xml = Render(model);
        var cases = xml.Descendants("testcase").ToList();

        Assert.Equal(2 * model.Result.Policy.Rules.Count, cases.Count);
        var failed = cases.Where(c => c.Element("failure") is not null).Select(c => $"{c.Attribute("classname")!.Value}/{c.Attribute("name")!.Value}").ToList();
        Assert.Contains("ss-lntup-debian12-db/loopback-only", failed);
        Assert.DoesNotContain(failed, f => f.StartsWith("seed000-ss-lntup/", StringComparison.Ordinal));
        Assert.Equal(failed.Count.ToString(), xml.Root!.Attribute("failures")!.Value);
    }

    [Fact]
    public void Should_Not_Fail_A_Case_For_Waived_Findings()
    {
        const string policy = "policy: w\nrules:\n  approved-ports: { tcp: [22] }\nwaivers:\n  - { rule: approved-ports, hosts: ['*'], reason: all accepted, ticket: SEC-9, expires: 2027-01-31 }\n";
        var xml = Render(Reports.Of([Reports.Read("samples/ss/ss-lntup-debian12-db.txt")], policy));
        var approved = Assert.Single(xml.Descendants("testcase"), c => c.Attribute("name")!.Value == "approved-ports");

        Assert.Null(approved.Element("failure"));
        Assert.Contains("SEC-9", approved.Element("system-out")!.Value);
    }

    [Fact]
    public void Should_Keep_Hostile_Names_As_Text()
    {
        var xml = Render(Reports.Of([.. Reports.Payloads.Select(Reports.Hostile)], null));

        Assert.Equal(Reports.Payloads.Order(StringComparer.Ordinal), xml.Descendants("testsuite").Select(s => s.Attribute("name")!.Value).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\u0001", @"\x01")]
    [InlineData("\u000B", @"\x0b")]
    [InlineData("\u001B]0;pwned\u0007", @"\x1b]0;pwned\x07")]
    [InlineData("\uFFFE", @"\uFFFE")]
    public void Should_Write_Valid_Xml_When_A_Host_Or_Process_Name_Holds_What_Xml_Forbids(string hostile, string shown)
    {
        var db = Reports.Read("samples/ss/ss-lntup-debian12-db.txt", host: $"db{hostile}",
            edit: t => t.Replace("\"python3\"", $"\"python3{hostile}\"", StringComparison.Ordinal));
        Assert.Contains(db.Sockets, s => s.Processes.Any(p => p.Name == $"python3{hostile}"));
        var model = Reports.Of([db, Reports.Read("samples/ss/ss-lntup-debian12-web.txt")], null);

        var xml = Render(model);

        Assert.Contains($"db{shown}", xml.Descendants("testsuite").Select(s => s.Attribute("name")!.Value));
        Assert.Contains(xml.Descendants("testcase"), c => c.Attribute("classname")!.Value == $"db{shown}" && c.Element("failure") is not null);
        Assert.Equal(2, xml.Descendants("testsuite").Count());
    }
}
