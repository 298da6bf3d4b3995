using FsCheck;
using FsCheck.Fluent;
using PortCompliance.Core.Ingest;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>Chunks grow with the list; whatever their sizes, the items come out whole and in order.</summary>
public sealed class ChunkedListProperties
{
    [Fact]
    public void Gives_Back_Every_Item_In_Order_And_Replaces_The_Last()
    {
        Prop.ForAll(Gen.Choose(0, 20_000).ToArbitrary(), count =>
        {
            var list = new ChunkedList<int>();
            for (var i = 0; i < count; i++)
            {
                list.Add(i);
            }

            if (count > 0)
            {
                list[^1] = -1;
            }

            var expected = Enumerable.Range(0, count).Select(i => i == count - 1 ? -1 : i);
            return list.Count == count && list.ToArray().SequenceEqual(expected);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void Reads_And_Replaces_Any_Item_By_Its_Position_From_The_Start()
    {
        Prop.ForAll(Gen.Choose(1, 20_000).ToArbitrary(), count =>
        {
            var list = new ChunkedList<int>();
            for (var i = 0; i < count; i++)
            {
                list.Add(i);
            }

            var at = count / 3;
            list[at] = -1;
            var read = Enumerable.Range(0, count).Select(i => list[i]);
            var expected = Enumerable.Range(0, count).Select(i => i == at ? -1 : i);
            return read.SequenceEqual(expected) && list.ToArray().SequenceEqual(expected);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }

    [Fact]
    public void Takes_Off_The_Last_Items_Across_Chunks_And_Grows_Again()
    {
        Prop.ForAll(Gen.Choose(1, 20_000).ToArbitrary(), Gen.Choose(0, 20_000).ToArbitrary(), (count, drop) =>
        {
            var list = new ChunkedList<int>();
            for (var i = 0; i < count; i++)
            {
                list.Add(i);
            }

            var removed = Math.Min(drop, count);
            for (var i = 0; i < removed; i++)
            {
                list.RemoveLast();
            }

            list.Add(-1);
            var expected = Enumerable.Range(0, count - removed).Append(-1);
            return list.Count == count - removed + 1 && list.ToArray().SequenceEqual(expected);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }
}
