using System.Security.Cryptography;
using System.Xml;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest.Nmap;

/// <summary>
/// Reads <c>nmap -oX</c> output. A file with one host is named like any input (file name, or <c>--host</c>); a sweep of
/// many hosts names each by its host name, else its address. The DTD nmap declares is ignored, never resolved.
/// </summary>
internal sealed class NmapXmlReader : IInputFormat
{
    public const string Format = "nmap";

    private NmapXmlReader()
    {
    }

    static string IInputFormat.Key => Format;

    static string IInputFormat.Description => "nmap -oX XML";

    /// <summary>True when the first bytes look like nmap XML (<c>&lt;?xml … &lt;nmaprun</c>).</summary>
    public static bool Sniff(ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.UTF8.GetString(head);
        return text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t').StartsWith("<?xml", StringComparison.Ordinal)
               && text.Contains("<nmaprun", StringComparison.Ordinal);
    }

    public static (IReadOnlyList<ExternalScan> Scans, IReadOnlyList<Diagnostic> Diagnostics) Read(byte[] content, ListingOptions options)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        var found = new List<(string? Name, string Address, List<ScannedPort> Ports, Dictionary<Protocol, string> Unlisted)>();
        var probed = new List<ScannedRange>();
        var problems = new List<Diagnostic>();
        DateTimeOffset? started = null;
        try
        {
            using var xml = XmlReader.Create(new MemoryStream(content), settings);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.Name == "nmaprun")
                {
                    started = long.TryParse(xml.GetAttribute("start"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                              && seconds <= 253402300799 // 9999-12-31: a later value is no time nmap wrote
                        ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                        : null;
                }
                else if (xml.Name == "scaninfo")
                {
                    probed.AddRange(Ranges(xml.GetAttribute("protocol") == "udp" ? Protocol.Udp : Protocol.Tcp, xml.GetAttribute("services")));
                }
                else if (xml.Name == "host")
                {
                    found.Add(ReadHost(xml.ReadSubtree(), options.Source, problems));
                }
            }
        }
        catch (XmlException e)
        {
            return ([], [new Diagnostic(options.Source, e.LineNumber, e.LinePosition, DiagnosticSeverity.Error, $"invalid nmap XML: {e.Message}")]);
        }

        var single = found.Count == 1;
        var scans = found.Select(h => new ExternalScan
        {
            Host = single ? options.Host ?? HostNames.FromPath(options.Source) : h.Name ?? h.Address,
            Address = h.Address,
            Source = options.Source,
            Sha256 = sha256,
            Ports = h.Ports,
            Probed = probed,
            Started = started,
            Unlisted = h.Unlisted,
        }).ToList();
        return (scans, scans.Count == 0
            ? [.. problems, new Diagnostic(options.Source, 0, 0, DiagnosticSeverity.Warning, "the nmap scan holds no host that was up")]
            : problems);
    }

    /// <summary><c>services="1-1024,3306,8000-8100"</c>.</summary>
    private static IEnumerable<ScannedRange> Ranges(Protocol proto, string? services) =>
        (services ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(part => part.Split('-')).Select(bounds =>
            int.TryParse(bounds[0], out var from) && int.TryParse(bounds[^1], out var to) ? new ScannedRange(proto, from, to) : null)
            .OfType<ScannedRange>();

    private static (string? Name, string Address, List<ScannedPort> Ports, Dictionary<Protocol, string> Unlisted) ReadHost(
        XmlReader host, string source, List<Diagnostic> problems)
    {
        string? name = null;
        var address = "";
        var ports = new List<ScannedPort>();
        var unlisted = new Dictionary<Protocol, string>();
        while (host.Read())
        {
            if (host.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (host.Name)
            {
                case "address" when host.GetAttribute("addrtype") is "ipv4" or "ipv6":
                    address = host.GetAttribute("addr") ?? "";
                    break;
                case "hostname" when name is null:
                    name = host.GetAttribute("name");
                    break;
                case "port" when PortNumber(host.GetAttribute("portid")) is { } number:
                    ports.Add(ReadPort(host.ReadSubtree(), host.GetAttribute("protocol"), number));
                    break;
                case "port":
                    // A port nmap cannot have written (-1, 99999) would be judged as port 0 or 99999: the file is not a real scan.
                    var at = (IXmlLineInfo)host;
                    problems.Add(new Diagnostic(source, at.LineNumber, at.LinePosition, DiagnosticSeverity.Error,
                        $"portid \"{host.GetAttribute("portid")}\" is not a port number (0-65535): this is not nmap's output as written; collect the scan again"));
                    break;
                case "extraports" when host.GetAttribute("state") is { } state:
                    // nmap writes one extraports per state; the most common state per protocol is what it did not list.
                    unlisted.TryAdd(Protocol.Tcp, state);
                    break;
            }
        }

        return (name, address, ports, unlisted);
    }

    private static int? PortNumber(string? id) =>
        int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number <= 65535 ? number : null;

    private static ScannedPort ReadPort(XmlReader port, string? protocol, int number)
    {
        string state = "unknown";
        string? service = null;
        while (port.Read())
        {
            if (port.NodeType == XmlNodeType.Element && port.Name == "state")
            {
                state = port.GetAttribute("state") ?? state;
            }
            else if (port.NodeType == XmlNodeType.Element && port.Name == "service")
            {
                service = port.GetAttribute("name");
            }
        }

        return new ScannedPort(protocol == "udp" ? Protocol.Udp : Protocol.Tcp, number, state, service);
    }
}
