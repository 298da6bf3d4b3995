using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// Windows <c>tasklist /fo csv</c> (with or without <c>/v</c>, <c>/nh</c>, any display language): no sockets, a pid →
/// image name table. Beside a listing of the same host (<c>web01.tasklist.csv</c> next to <c>web01.netstat.txt</c>) it
/// names the processes that listing shows by pid alone; alone it proves nothing about what listens.
/// </summary>
internal sealed class TasklistParser(SnapshotBuilder output) : IListingParser, IListingFormat
{
    public static string Key => "tasklist";

    public static string Description => "Windows tasklist /fo csv (pid → image name for a listing of the same host)";

    public static HostOs Os => HostOs.Windows;

    public static IListingParser Create(SnapshotBuilder output)
    {
        output.ExpectProcessNames();
        return new TasklistParser(output);
    }

    public static Signature Sniff(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.IsEmpty || trimmed[0] != '"')
        {
            return Signature.None;
        }

        var fields = new CsvFields(trimmed);
        if (!fields.Next(out var image, out _) || !fields.Next(out var pid, out _))
        {
            return Signature.None;
        }

        if (pid is "PID" && !image.IsEmpty)
        {
            return Signature.Header; // "Image Name","PID",… in any language: the second column is always PID
        }

        return image.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) && IsPid(pid) ? Signature.Row : Signature.None;
    }

    public void Accept(int number, ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith("INFO:", StringComparison.Ordinal))
        {
            output.AddHeader(number); // "INFO: No tasks are running which match the specified criteria."
            return;
        }

        var fields = new CsvFields(trimmed);
        if (trimmed.IsEmpty || trimmed[0] != '"' || !fields.Next(out var image, out _) || !fields.Next(out var pid, out _))
        {
            output.AddUnparsed(number, line, "not a tasklist /fo csv row (\"Image Name\",\"PID\",…)");
            return;
        }

        if (pid is "PID")
        {
            output.AddHeader(number);
            return;
        }

        if (image.IsEmpty || !IsPid(pid) || !int.TryParse(pid, out var number32))
        {
            output.AddUnparsed(number, line, $"expected an image name and a PID, found '{Excerpt.Of(image)}' and '{Excerpt.Of(pid)}'");
            return;
        }

        // tasklist /fo csv prints 5 columns (9 with /v), none of them empty: a row of another CSV is not its row.
        var count = 2;
        var empty = false;
        while (fields.Next(out var field, out _))
        {
            (count, empty) = (count + 1, empty || field.IsEmpty);
        }

        if (count is not (5 or 9) || empty)
        {
            output.AddUnparsed(number, line, $"a tasklist /fo csv row has 5 columns (9 with /v), none empty; this one has {count}{(empty ? ", some empty" : "")}");
            return;
        }

        output.AddProcessName(number, number32, output.Interner.String(image));
    }

    private static bool IsPid(ReadOnlySpan<char> token) => token.Length is > 0 and <= 10 && !token.ContainsAnyExceptInRange('0', '9');
}
