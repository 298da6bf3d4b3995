using System.Text.RegularExpressions;
using PortCompliance.Reporting.Tests.Html;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Pdf;

/// <summary>
/// Approvals on record in report.pdf, read back with poppler: the approved services register with its gaps, and a
/// waiver's approval — flagged when its own owner approved it — in the waiver tables and with the finding it waives.
/// </summary>
public sealed partial class PdfApprovalsTests
{
    private static readonly Lazy<IReadOnlyList<string>> Pages = new(() => Poppler.Pages(Render.Pdf(HtmlGoldenTests.WaiversModel()).Pdf));

    private static string Text(string heading) => Collapse(string.Join("\n", Pages.Value.SkipWhile(p => !p.Contains(heading, StringComparison.Ordinal)).Take(2)));

    [Fact]
    public void Should_Print_Every_Allowed_Port_With_Its_Approval_And_Not_Recorded_Where_The_Policy_Is_Silent()
    {
        var register = Text("Approved services register");
        var table = register[register.IndexOf("Approved on", StringComparison.Ordinal)..register.IndexOf("Waivers", StringComparison.Ordinal)];

        Assert.Contains("Every allowed port entry of policy 'html-waivers'", register, StringComparison.Ordinal);
        Assert.Contains("11 entries; 10 without a complete approval record", register, StringComparison.Ordinal);
        // Cells of several lines interleave in poppler's layout text: a row reads as its cells' first lines, then the rest.
        Assert.Matches(@"tcp 22 whole policy SSH for administration from Dana Whitfield 2026-03-02 the management network \(CISO office\)", table);
        Assert.Matches(@"tcp 5666 whole policy not recorded not recorded not recorded", table);
        Assert.Matches(@"tcp 3389 group windows \(os Remote Desktop: how not recorded not recorded Windows\)", table);
        Assert.Contains("49664-49669", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Show_A_Waivers_Approval_With_The_Finding_It_Waives()
    {
        var finding = Text("Waived by SEC-142");

        Assert.Contains("Owner: ciso Approved by: CISO Justification: The vendor's console has no TLS option before release 9 " +
                        "Compensating control: Reachable only from the jump hosts (firewall rule FW-881) " +
                        "Flagged: approved by its own owner (separation of duties)", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_List_Each_Waivers_Approval_Once_And_Flag_The_Self_Approved_One()
    {
        var approvals = Text("Approvals on record");
        var table = approvals[approvals.IndexOf("Compensating control SEC", StringComparison.Ordinal)..];
        var self = table[..table.IndexOf("SEC-77", StringComparison.Ordinal)];
        var unapproved = table[table.IndexOf("SEC-77", StringComparison.Ordinal)..];

        Assert.Single(SecRows().Matches(table), m => m.Value == "SEC-142");
        Assert.Matches(@"^Compensating control SEC-142 approved- ciso CISO .*Flagged: .*approved by .*its own owner .*\(separation of .*duties\)", self);
        Assert.Contains("The vendor's console has no", self, StringComparison.Ordinal);
        Assert.Matches(@"^SEC-77 wildcard- not recorded not recorded Temporary test listener not recorded", unapproved);
    }

    private static string Collapse(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"SEC-\d+")]
    private static partial Regex SecRows();
}
