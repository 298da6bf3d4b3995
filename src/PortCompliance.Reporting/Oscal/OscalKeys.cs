using System.Text.Json;

namespace PortCompliance.Reporting.Oscal;

/// <summary>
/// The member names every host's items repeat, encoded once: a fleet's document writes each of them a hundred
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

    /// <summary>The value of <c>ns</c> on every PortCompliance property.</summary>
    public static readonly JsonEncodedText Namespace = JsonEncodedText.Encode(OscalRenderer.Ns);
}
