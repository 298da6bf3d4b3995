using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>
/// Whatever arrives — real lines shuffled, cut, or sprinkled with the characters the grammar leans on, or plain
/// noise — reading never throws and every non-blank line is accounted for exactly once.
/// </summary>
public sealed class LineAccountingProperties
{
    private static readonly string[] RealLines = Directory
        .EnumerateFiles(RepoPaths.Samples, "*.txt", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .SelectMany(File.ReadAllLines)
        .Where(l => l.Length > 0)
        .Distinct()
        .ToArray();

    private const string Tricky = " \t:[]%()\",*=.-/#\r0123456789abcdefLISTENUNCONNESTABtcpudp6users:((pid=fd=)))";

    private static Gen<string> Mutated(string line) =>
        from kind in Gen.Choose(0, 4)
        from at in Gen.Choose(0, line.Length)
        from length in Gen.Choose(0, 12)
        from c in Gen.Elements(Tricky.ToCharArray())
        select kind switch
        {
            0 => line,
            1 => line[..at],
            2 => line.Insert(at, new string(c, length % 3 + 1)),
            3 => line.Remove(at, Math.Min(length, line.Length - at)),
            _ => line.Replace(' ', c),
        };

    private static readonly Gen<string> Noise =
        from chars in Gen.ArrayOf(Gen.Elements(Tricky.ToCharArray()))
        select new string(chars);

    private static readonly Gen<string> Listing =
        from lines in Gen.ListOf(Gen.OneOf(Gen.Elements(RealLines).SelectMany(Mutated), Noise, Gen.Constant("")))
        from crlf in Gen.Elements(false, true)
        select string.Join(crlf ? "\r\n" : "\n", lines);

    [Fact]
    public void Reading_Never_Throws_And_Accounts_For_Every_Line()
    {
        Assert.NotEmpty(RealLines);
        Prop.ForAll(Listing.ToArbitrary(), text =>
            {
                var result = ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions("generated.txt"));
                var problem = result.Snapshot is null ? "no snapshot" : LineAccounting.Check(result.Snapshot, text);
                return (problem is null).Label(problem ?? "");
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Fact]
    public void Every_Format_Override_Accounts_For_Every_Real_Line()
    {
        var text = string.Join("\n", RealLines);
        foreach (var format in ListingFormats.Keys)
        {
            var snapshot = ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions("all.txt", Format: format)).Snapshot!;
            LineAccounting.AssertComplete(snapshot, text);
        }
    }
}
