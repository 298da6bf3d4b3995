using System.Text.RegularExpressions;

namespace PortCompliance.Core.Ingest.Live;

/// <summary>
/// Names the container a process runs in from its <c>/proc/PID/cgroup</c>, as docker, containerd (CRI), CRI-O and
/// podman write them under the systemd and cgroupfs drivers: <c>runtime:id12</c>, or null for a plain process.
/// </summary>
internal static partial class ContainerLabels
{
    public static string? FromCgroup(string cgroup)
    {
        var match = Id().Match(cgroup);
        if (!match.Success)
        {
            return null;
        }

        var runtime = match.Groups["runtime"].Value switch
        {
            "cri-containerd" or "containerd" => "containerd",
            "crio" => "cri-o",
            "libpod" => "podman",
            _ => "docker",
        };
        return $"{runtime}:{match.Groups["id"].Value[..12]}";
    }

    public static string? Of(int pid)
    {
        try
        {
            return FromCgroup(File.ReadAllText($"/proc/{pid}/cgroup"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // docker-<id>.scope, /docker/<id>, cri-containerd-<id>.scope, :cri-containerd:<id>, crio-<id>.scope, libpod-<id>.scope
    [GeneratedRegex(@"(?<runtime>docker|cri-containerd|containerd|crio|libpod)[-/:](?<id>[0-9a-f]{64})")]
    private static partial Regex Id();
}
