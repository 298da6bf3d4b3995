using System.Text.Json;

namespace PortCompliance.Reporting.Oscal;

/// <summary>
/// The member names (and the constant values) every host's items repeat, encoded once: a fleet's document writes each of them a hundred
/// thousand times, and a name given as a string is checked and transcoded on every write.
/// </summary>
internal static class OscalKeys
{
    public static readonly JsonEncodedText Uuid = JsonEncodedText.Encode("uuid");
    public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    public static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    public static readonly JsonEncodedText Props = JsonEncodedText.Encode("props");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText Ns = JsonEncodedText.Encode("ns");
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    public static readonly JsonEncodedText Methods = JsonEncodedText.Encode("methods");
    public static readonly JsonEncodedText Subjects = JsonEncodedText.Encode("subjects");
    public static readonly JsonEncodedText SubjectUuid = JsonEncodedText.Encode("subject-uuid");
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText RelevantEvidence = JsonEncodedText.Encode("relevant-evidence");
    public static readonly JsonEncodedText Collected = JsonEncodedText.Encode("collected");
    public static readonly JsonEncodedText Target = JsonEncodedText.Encode("target");
    public static readonly JsonEncodedText TargetId = JsonEncodedText.Encode("target-id");
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText State = JsonEncodedText.Encode("state");
    public static readonly JsonEncodedText Statement = JsonEncodedText.Encode("statement");
    public static readonly JsonEncodedText Deadline = JsonEncodedText.Encode("deadline");

    public static readonly JsonEncodedText CollectedFrom = JsonEncodedText.Encode("collected-from");
    public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    public static readonly JsonEncodedText Sha256 = JsonEncodedText.Encode("sha256");
    public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    public static readonly JsonEncodedText Host = JsonEncodedText.Encode("host");
    public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");

    // Values as repeated.
    public static readonly JsonEncodedText Test = JsonEncodedText.Encode("TEST");
    public static readonly JsonEncodedText InventoryItem = JsonEncodedText.Encode("inventory-item");
    public static readonly JsonEncodedText ObjectiveId = JsonEncodedText.Encode("objective-id");
    public static readonly JsonEncodedText Satisfied = JsonEncodedText.Encode("satisfied");
    public static readonly JsonEncodedText NotSatisfied = JsonEncodedText.Encode("not-satisfied");
    public static readonly JsonEncodedText Open = JsonEncodedText.Encode("open");
    public static readonly JsonEncodedText DeviationApproved = JsonEncodedText.Encode("deviation-approved");

    /// <summary>The value of <c>ns</c> on every PortCompliance property.</summary>
    public static readonly JsonEncodedText Namespace = JsonEncodedText.Encode(OscalRenderer.Ns);
}
