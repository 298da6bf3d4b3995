using System.Reflection;
using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>
/// The one place that names the model's enums: <c>Name</c> as files and JSON spell it (from each member's
/// <see cref="JsonStringEnumMemberNameAttribute"/>, so the JSON and the text can never disagree), <c>Label</c> as a
/// person reads it in a report or on the console.
/// </summary>
public static class Names
{
    public static string Name(this Severity severity) => Of<Severity>.Names[(int)severity];

    public static string Name(this Protocol protocol) => Of<Protocol>.Names[(int)protocol];

    /// <summary><c>TCP</c>, <c>UDP</c>.</summary>
    public static string Label(this Protocol protocol) => Of<Protocol>.Labels[(int)protocol];

    public static string Name(this Verdict verdict) => Of<Verdict>.Names[(int)verdict];

    /// <summary><c>PASS</c>, <c>FAIL</c>.</summary>
    public static string Label(this Verdict verdict) => Of<Verdict>.Labels[(int)verdict];

    public static string Name(this DriftChange change) => Of<DriftChange>.Names[(int)change];

    /// <summary>As a report's change table says it: a finding that is <c>new</c> reads "new finding".</summary>
    public static string Label(this DriftChange change) => change == DriftChange.New ? "new finding" : change.Name();

    public static string Name(this HostDriftStatus status) => Of<HostDriftStatus>.Names[(int)status];

    public static string Name(this HostOs os) => Of<HostOs>.Names[(int)os];

    /// <summary>As a report names the OS: <c>Windows</c>, <c>macOS</c>, <c>FreeBSD</c>.</summary>
    public static string Label(this HostOs os) => os switch
    {
        HostOs.Linux => "Linux",
        HostOs.Windows => "Windows",
        HostOs.MacOs => "macOS",
        HostOs.FreeBsd => "FreeBSD",
        HostOs.OpenBsd => "OpenBSD",
        _ => "unknown OS",
    };

    /// <summary>The member whose name is <paramref name="text"/>, for options and policy files that spell one.</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        var index = Array.IndexOf(Of<T>.Names, text);
        value = index < 0 ? default : Of<T>.Values[index];
        return index >= 0;
    }

    /// <summary>Every name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Of<T>.Names;

    /// <summary>Names indexed by the members' values, which run 0, 1, 2 … in declaration order.</summary>
    private static class Of<T> where T : struct, Enum
    {
        public static readonly T[] Values = Enum.GetValues<T>();

        public static readonly string[] Names = [.. Values.Select(v =>
            typeof(T).GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{v} has no JSON name"))];

        public static readonly string[] Labels = [.. Names.Select(n => n.ToUpperInvariant())];
    }
}
