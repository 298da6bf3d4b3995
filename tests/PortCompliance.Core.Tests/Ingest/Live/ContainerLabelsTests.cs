using PortCompliance.Core.Ingest.Live;

namespace PortCompliance.Core.Tests.Ingest.Live;

/// <summary>/proc/PID/cgroup as each runtime writes it, under the systemd and cgroupfs drivers (cgroup v1 and v2).</summary>
public sealed class ContainerLabelsTests
{
    private const string Id = "3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708";

    [Theory]
    [InlineData("0::/system.slice/docker-" + Id + ".scope\n", "docker:3f2a1b4c5d6e")]
    [InlineData("12:pids:/docker/" + Id + "\n11:memory:/docker/" + Id + "\n", "docker:3f2a1b4c5d6e")]
    [InlineData("0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod1.slice/cri-containerd-" + Id + ".scope\n", "containerd:3f2a1b4c5d6e")]
    [InlineData("0::/system.slice/containerd.service/kubepods-burstable-pod2.slice:cri-containerd:" + Id + "\n", "containerd:3f2a1b4c5d6e")]
    [InlineData("0::/kubepods.slice/kubepods-pod3.slice/crio-" + Id + ".scope\n", "cri-o:3f2a1b4c5d6e")]
    [InlineData("0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" + Id + ".scope/container\n", "podman:3f2a1b4c5d6e")]
    [InlineData("0::/machine.slice/libpod-" + Id + ".scope\n", "podman:3f2a1b4c5d6e")]
    public void Should_Name_The_Runtime_And_Short_Id(string cgroup, string label)
    {
        Assert.Equal(label, ContainerLabels.FromCgroup(cgroup));
    }

    [Theory]
    [InlineData("0::/system.slice/ssh.service\n")]
    [InlineData("0::/user.slice/user-0.slice/session-3.scope\n")]
    [InlineData("0::/\n")]
    public void Should_Not_Label_A_Plain_Process(string cgroup)
    {
        Assert.Null(ContainerLabels.FromCgroup(cgroup));
    }
}
