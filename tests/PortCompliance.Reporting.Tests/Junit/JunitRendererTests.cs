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
}
