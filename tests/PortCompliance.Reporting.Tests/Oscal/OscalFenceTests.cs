using PortCompliance.Reporting.Oscal;

namespace PortCompliance.Reporting.Tests.Oscal;

/// <summary>
/// A risk's statement fences each command in one more backtick than its longest run of them: a policy's own
/// remediation may hold PowerShell's escape character, and three in a row would close a three-backtick fence.
/// </summary>
public sealed class OscalFenceTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("sudo systemctl disable --now mysql", 0)]
    [InlineData("`", 1)]
    [InlineData("Write-Host \"a`tb\"", 1)]
    [InlineData("a``b`c", 2)]
    [InlineData("x`y````z``", 4)]
    [InlineData("````start", 4)]
    [InlineData("end```", 3)]
    [InlineData("``````", 6)]
    public void LongestRun_Counts_The_Longest_Run_Of_Backticks_Wherever_It_Stands(string code, int longest)
    {
        Assert.Equal(longest, OscalHostItems.LongestRun(code, '`'));
    }
}
