using FsCheck;
using FsCheck.Fluent;
using PortCompliance.Core.Ingest;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>The span splitter must cut lines exactly where <see cref="TextReader.ReadLine"/> does, across buffer refills.</summary>
public sealed class LineSplitterProperties
{
    private static readonly Gen<string> Text =
        from chars in Gen.ArrayOf(Gen.Elements('a', 'b', ' ', '\r', '\n', '\t'))
        select new string(chars);

    [Fact]
    public void Splits_Like_ReadLine_For_Any_Buffer_Size()
    {
        Prop.ForAll(Text.ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (text, bufferSize) =>
            {
                var expected = new List<string>();
                using (var reader = new StringReader(text))
                {
                    while (reader.ReadLine() is { } line)
                    {
                        expected.Add(line);
                    }
                }

                var actual = new List<string>();
                var splitter = new LineSplitter(new StringReader(text), bufferSize);
                while (splitter.TryReadLine(out var line))
                {
                    actual.Add(line.ToString());
                }

                return expected.SequenceEqual(actual);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    [Fact]
    public void Cuts_Lines_Over_The_Cap_To_Their_Head_And_Counts_Their_Full_Length()
    {
        Prop.ForAll(Text.ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(), (text, bufferSize, cap) =>
            {
                var expected = new List<string>();
                using (var reader = new StringReader(text))
                {
                    while (reader.ReadLine() is { } line)
                    {
                        expected.Add(line.Length > cap ? $"{line[..Math.Min(line.Length, cap + 1)]}|{line.Length}" : line);
                    }
                }

                var actual = new List<string>();
                var splitter = new LineSplitter(new StringReader(text), bufferSize, cap);
                while (splitter.TryReadLine(out var line))
                {
                    Assert.Equal(splitter.TooLong, splitter.Length > cap);
                    actual.Add(splitter.TooLong ? $"{line}|{splitter.Length}" : line.ToString());
                }

                return expected.SequenceEqual(actual).Label($"{string.Join(",", expected)} vs {string.Join(",", actual)}");
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }
}
