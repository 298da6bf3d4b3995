using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>One rule broken by one socket (or one input line) of one host, with why and how to fix it.</summary>
public sealed record Finding
{
    public required string Host { get; init; }
    public required string Rule { get; init; }
    public required Severity Severity { get; init; }
    public Protocol? Proto { get; init; }
    public string? Address { get; init; }
    public int? Port { get; init; }
    public IReadOnlyList<SocketProcess> Processes { get; init; } = [];

    /// <summary>What is wrong and why it matters, in plain English.</summary>
    public required string Message { get; init; }

    /// <summary>Concrete steps, each a sentence with an optional command or config line.</summary>
    public IReadOnlyList<RemediationStep> Remediation { get; init; } = [];

    public bool Waived { get; init; }
    public WaiverReference? Waiver { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Interface { get; init; }

    /// <summary>The network namespace and container of the socket, when not the host's own.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Container { get; init; }

    /// <summary>The catalogue service the socket was recognised as, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Service { get; init; }

    /// <summary>The framework requirements the rule maps to (CIS, NIST, PCI DSS).</summary>
    public IReadOnlyList<string> Controls { get; init; } = [];

    /// <summary>The input line the finding rests on.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Evidence? Evidence { get; init; }
}

/// <summary>
/// One step of a fix: what to do, and the command or config line that does it. <paramref name="Shell"/> names the
/// shell the code is a command line of when that is not the usual POSIX shell: <c>powershell</c> on Windows.
/// </summary>
public sealed record RemediationStep(
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Shell = null);

public sealed record Evidence(string Source, int Line, string Text);

/// <summary>
/// The waiver that covers (or, expired, no longer covers) a finding, with its approval on record: who owns the
/// exception, who approved it, its business justification and the control that compensates for it.
/// </summary>
public sealed record WaiverReference(string Ticket, string Reason, DateOnly Expires, string? Approver, bool Expired)
{
    /// <summary><see cref="Approver"/> under the name policies give it now (<c>approved_by</c>); results.json keeps both.</summary>
    public string? ApprovedBy => Approver;

    public string? Owner { get; init; }

    /// <summary>The business justification beside the short <see cref="Reason"/>, when the policy gives one.</summary>
    public string? Justification { get; init; }

    public string? CompensatingControl { get; init; }

    /// <summary>Approved by its own owner: no separation of duties between who asks for the exception and who grants it.</summary>
    public bool SelfApproved { get; init; }
}
