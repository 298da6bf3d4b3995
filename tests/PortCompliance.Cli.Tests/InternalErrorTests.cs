using System.Text;

namespace PortCompliance.Cli.Tests;

/// <summary>A bug is one line and exit 3, never mistaken for a usage error; <c>--debug</c> adds the stack trace.</summary>
public sealed class InternalErrorTests
{
    private const string Line =
        "portcompliance: internal error: System.IO.IOException: No space left on device (run with --debug or PORTCOMPLIANCE_DEBUG=1 for the stack trace)";

    private static readonly Dictionary<string, string?> NoDebug = new() { ["PORTCOMPLIANCE_DEBUG"] = null };

    /// <summary>Standard output on a full disk: nothing in PortCompliance expects a write to fail.</summary>
    private sealed class FullDisk : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");
    }

    [Fact]
    public void Should_Report_A_Bug_On_One_Line_With_Exit_3()
    {
        var run = CliRun.With(new FullDisk(), "", NoDebug, "parse", "samples/ss/ss-lntup-debian12-db.txt");

        Assert.Equal(ExitCodes.Internal, run.ExitCode);
        Assert.Equal(3, run.ExitCode);
        Assert.Equal(Line, Assert.Single(run.Error.Split('\n'), l => l.Contains("internal error", StringComparison.Ordinal)));
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Should_Print_The_Stack_Trace_Of_A_Bug_With_Debug()
    {
        var run = CliRun.With(new FullDisk(), "", NoDebug, "parse", "samples/ss/ss-lntup-debian12-db.txt", "--debug");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("portcompliance: internal error: System.IO.IOException: No space left on device\n", run.Error);
        Assert.Contains("   at PortCompliance.Cli.Commands.SocketTable.Write", run.Error);
    }

    [Fact]
    public void Should_Print_The_Stack_Trace_Of_A_Bug_With_PORTCOMPLIANCE_DEBUG()
    {
        var debug = new Dictionary<string, string?> { ["PORTCOMPLIANCE_DEBUG"] = "1" };

        var run = CliRun.With(new FullDisk(), "", debug, "policy", "validate", "policies/baseline.yaml");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("   at PortCompliance.Cli.Commands.PolicyCommand", run.Error);
    }

    [Fact]
    public void Should_Keep_Exit_2_For_Usage_Errors()
    {
        Assert.Equal(ExitCodes.Usage, CliRun.Of("parse", "samples/ss/ss-lntup-debian12-db.txt", "--format", "xml").ExitCode);
    }
}
