using System.CommandLine;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>A command line that cannot mislead: a typo is a usage error that says what was probably meant.</summary>
public sealed class CommandLineTests : IDisposable
{
    private const string Hint = "Run 'portcompliance --help' for usage.\n";
    private const string Db = "samples/ss/ss-lntup-debian12-db.txt";

    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("pc-cli");

    public void Dispose() => _out.Delete(recursive: true);

    [Fact]
    public void Should_Refuse_A_Mistyped_Option_Instead_Of_Reading_It_As_An_Input()
    {
        var run = CliRun.Of("audit", Db, "--polcy", "policies/examples/web-server.yaml", "--out", _out.FullName);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("portcompliance: unknown option '--polcy'; did you mean '--policy'?\n" + Hint, run.Error);
        Assert.Empty(_out.EnumerateFileSystemInfos());
    }

    [Theory]
    [InlineData("--out", "--policy", "portcompliance: --out needs a folder, not the option '--policy'")]
    [InlineData("--policy", "--out", "portcompliance: --policy needs a policy file, not the option '--out'")]
    [InlineData("--baseline", "--inventory", "portcompliance: --baseline needs a results.json, not the option '--inventory'")]
    [InlineData("--inventory", "--baseline", "portcompliance: --inventory needs a hosts.csv, not the option '--baseline'")]
    [InlineData("--templates", "--org", "portcompliance: --templates needs a folder, not the option '--org'")]
    [InlineData("--policy", "-p.yaml", "portcompliance: --policy needs a policy file, not '-p.yaml', which reads as a mistyped option (write ./-p.yaml for a file of that name)")]
    [InlineData("--out", "", "portcompliance: --out needs a folder, not an empty value")]
    [InlineData("--host", "", "portcompliance: --host needs a host name, not an empty value")]
    [InlineData("--host", " ", "portcompliance: --host needs a host name, not an empty value")]
    public void Should_Refuse_An_Option_Whose_Value_Is_Empty_Or_Another_Option(string option, string value, string expected)
    {
        // The mistake as typed: the option's value forgotten, so the next option (and its value) fill in for it.
        var folder = Path.Combine(_out.FullName, "reports");
        string[] args = option == "--out"
            ? ["audit", Db, "--out", value, "policies/examples/web-server.yaml"]
            : ["audit", Db, option, value, "policies/examples/web-server.yaml", "--out", folder];

        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected + "\n", run.Error);
        Assert.Empty(_out.EnumerateFileSystemInfos());
        Assert.False(Directory.Exists(Path.Combine(RepoPaths.Root, value.Trim().Length == 0 ? "reports-none" : value)));
    }

    [Fact]
    public void Should_Refuse_An_Empty_List_Of_Formats()
    {
        var run = CliRun.Of("audit", Db, "--formats", "", "--out", _out.FullName);
        var commas = CliRun.Of("audit", Db, "--formats", " , ", "--out", _out.FullName);

        Assert.Equal((2, 2), (run.ExitCode, commas.ExitCode));
        Assert.Equal("portcompliance: --formats needs at least one format (available: pdf, html, csv, json, junit, oscal)\n", run.Error);
        Assert.Equal(run.Error, commas.Error);
        Assert.Empty(_out.EnumerateFileSystemInfos());
    }

    [Fact]
    public void Should_Refuse_An_Empty_Host_Name_In_Parse_Too()
    {
        var run = CliRun.Of("parse", Db, "--host", "");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("portcompliance: --host needs a host name, not an empty value\n", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Should_Name_An_Unknown_Option_Without_A_Guess_When_None_Is_Close()
    {
        var run = CliRun.Of("audit", Db, "--xyz", "--out", _out.FullName);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("portcompliance: unknown option '--xyz'\n" + Hint, run.Error);
    }

    [Theory]
    [InlineData("parse samples/ss/ss-lntup-debian12-db.txt --formt json", "unknown option '--formt'; did you mean '--format'?")]
    [InlineData("policy validate policies/baseline.yaml --strict", "unknown option '--strict'")]
    [InlineData("audit -fail-on low samples/ss/ss-lntup-debian12-db.txt", "unknown option '-fail-on'; did you mean '--fail-on'?")]
    [InlineData("scan --all-namespace", "unknown option '--all-namespace'; did you mean '--all-namespaces'?")]
    public void Should_Refuse_Unknown_Options_In_Every_Command(string line, string expected)
    {
        var run = CliRun.Of(line.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"portcompliance: {expected}\n" + Hint, run.Error);
    }

    [Fact]
    public void Should_Read_A_Single_Dash_As_Standard_Input()
    {
        var run = CliRun.WithStdin(File.ReadAllText(RepoPaths.Combine(Db)), "parse", "-", "--host", "db01");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("unknown option", run.Error);
        Assert.Contains("\ndb01  tcp ", run.Out);
    }

    [Fact]
    public void Should_Read_A_Name_Starting_With_A_Dash_After_Double_Dash()
    {
        var run = CliRun.Of("parse", Db, "--", "-odd-name.txt");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("-odd-name.txt: error: no such file or folder", run.Error);
        Assert.DoesNotContain("unknown option", run.Error);
        Assert.Contains("ss-lntup-debian12-db  tcp", run.Out);
    }

    [Theory]
    [InlineData("audti x", "unknown command 'audti'; did you mean 'audit'?")]
    [InlineData("policy valdate policies/baseline.yaml", "unknown command 'valdate'; did you mean 'validate'?")]
    [InlineData("frobnicate", "unknown command 'frobnicate'")]
    [InlineData("--verison", "unknown option '--verison'; did you mean '--version'?")]
    public void Should_Suggest_The_Command_A_Typo_Meant_On_One_Line(string line, string expected)
    {
        var run = CliRun.Of(line.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"portcompliance: {expected}\n" + Hint, run.Error);
    }

    [Fact]
    public void Should_Name_The_Value_Of_Every_Option_In_Help()
    {
        var run = CliRun.Of("audit", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var shown in new[] { "--policy <FILE>", "--out <DIR>", "--formats <LIST>", "--report-date <YYYY-MM-DD>", "--fail-on <SEVERITY>", "--baseline <RESULTS.json>", "--inventory <FILE.csv>", "--templates <DIR>", "--host <NAME>", "--org <NAME>", "--input-format <FORMAT>" })
        {
            Assert.Contains(shown, run.Out);
        }

        Assert.Contains("--format <table|json>", CliRun.Of("parse", "--help").Out);
    }

    [Fact]
    public void Should_Give_Every_Option_That_Takes_A_Value_A_Help_Name()
    {
        var root = CliApp.BuildRoot(new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null));
        var commands = new List<Command>();
        for (var next = new Queue<Command>([root]); next.TryDequeue(out var command);)
        {
            commands.Add(command);
            foreach (var sub in command.Subcommands)
            {
                next.Enqueue(sub);
            }
        }

        var unnamed = commands
            .SelectMany(c => c.Options.Select(o => (Command: c, Option: o)))
            .Where(x => x.Option.Arity.MaximumNumberOfValues > 0 && x.Option.ValueType != typeof(bool))
            .Where(x => string.IsNullOrEmpty(x.Option.HelpName))
            .Select(x => $"{x.Command.Name} {x.Option.Name}");

        Assert.True(commands.Count >= 6, string.Join(", ", commands.Select(c => c.Name)));
        Assert.Empty(unnamed);
    }
}
