using PortCompliance.Reporting.Model;
using System.Text;
using PortCompliance.Reporting.Csv;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Csv;

public sealed class CsvRendererTests
{
    private static Dictionary<string, string> Render(ReportModel model) =>
        Reports.Render(new CsvRenderer(), model).ToDictionary(f => f.Key, f => Encoding.UTF8.GetString(f.Value));

    [Fact]
    public void Should_Write_One_Row_Per_Finding_And_Per_Socket_With_Headers()
    {
        var model = Reports.Of("samples/ss/ss-lntup-debian12-db.txt");
        var files = Render(model);
        var findings = ReadRecords(files["findings.csv"]);
        var sockets = ReadRecords(files["sockets.csv"]);

        Assert.Equal("id,host,rule,severity,proto,address,port,processes,message,remediation,waived,waiver,waiver_expires,service,controls,evidence_source,evidence_line,evidence_text,os", files["findings.csv"].Split('\n')[0]);
        Assert.Equal(model.Hosts[0].Findings.Count, findings.Count - 1);
        Assert.Equal(model.Hosts[0].Sockets.Count, sockets.Count - 1);
        Assert.Contains(findings, r => r[2] == "loopback-only" && r[6] == "5432" && r[9].Contains("listen_addresses = 'localhost'", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Escape_Cells_A_Spreadsheet_Would_Run_As_Formulas()
    {
        var model = Reports.Of([.. Reports.Payloads.Select(Reports.Hostile)], null);
        var findings = ReadRecords(Render(model)["findings.csv"]);

        var formulaHost = findings.Skip(1).Where(r => r[1].Contains("HYPERLINK", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(formulaHost);
        Assert.All(formulaHost, r => Assert.False(r[1].StartsWith('='), $"host cell starts with '=': {r[1]}"));
        Assert.All(findings.Skip(1).SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', $"formula cell: {cell}"));
    }

    /// <summary>A small RFC 4180 reader, independent of the writer under test.</summary>
    private static List<string[]> ReadRecords(string csv)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { fields.Add(field.ToString()); field.Clear(); records.Add([.. fields]); fields.Clear(); }
            else field.Append(c);
        }

        return records;
    }
}
