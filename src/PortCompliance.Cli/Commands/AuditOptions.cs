using System.CommandLine;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Cli.Reports;
using PortCompliance.Reporting;
using PortCompliance.Reporting.Evidence;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Cli.Commands;

/// <summary>What <c>audit</c> was asked, checked: every option read and validated before any input is.</summary>
internal sealed record AuditJob(
    IReadOnlyList<string> Inputs, bool ScanLive, string? Host, string? Format, Policy Policy, Inventory? Inventory, AuditResult? Baseline,
    AuditSettings Settings, ReportOptions Reports, IReadOnlyList<IReportRenderer> Renderers, string Folder)
{
    /// <summary>Where the PDFs' attachments come from: the inputs as judged, the policy, standard input and live scans as read.</summary>
    public required EvidenceFiles Evidence { get; init; }
}

/// <summary>The options of <c>portcompliance audit</c>, and how they become an <see cref="AuditJob"/>.</summary>
internal sealed class AuditOptions
{
    private static readonly IReadOnlyList<IReportRenderer> Catalogue = ReportRenderers.Create(new ReportOptions());

    private readonly Argument<string[]> _inputs = new("INPUT")
    {
        Description = $"{string.Join(" or ", ListingFormats.Keys)} listings: files, folders (read recursively), or - for standard input; none: audit this machine live",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string?> _policy = new("--policy") { HelpName = "FILE", Description = "Policy file (default: the built-in baseline, policies/baseline.yaml)" };
    private readonly Option<string> _output = new("--out") { HelpName = "DIR", Description = "Folder for the reports", DefaultValueFactory = _ => "reports" };

    private readonly Option<string> _formats = new("--formats")
    {
        HelpName = "LIST",
        Description = $"Comma-separated report formats ({string.Join("; ", Catalogue.Select(r => $"{r.Key}: {r.Description}"))})",
        DefaultValueFactory = _ => string.Join(",", ReportRenderers.DefaultKeys(Catalogue)),
    };

    private readonly Option<string?> _organisation = new("--org") { HelpName = "NAME", Description = "Organisation named on the report cover" };

    private readonly Option<string?> _reportDate = new("--report-date")
    {
        HelpName = "YYYY-MM-DD",
        Description = "Audit as of this day (YYYY-MM-DD, midnight UTC): pins waiver expiry and report dates; overrides SOURCE_DATE_EPOCH",
    };

    private readonly Option<string?> _templates = new("--templates") { HelpName = "DIR", Description = "Folder with customised copies of the HTML templates/" };
    private readonly Option<string?> _baseline = new("--baseline") { HelpName = "RESULTS.json", Description = "A previous run's results.json: report what changed since (drift)" };
    private readonly Option<string?> _inventory = new("--inventory") { HelpName = "FILE.csv", Description = "hosts.csv (host,tags,owner,environment,pattern,os): tags and os feed policy groups, owners go in the reports" };

    private readonly Option<string> _failOn = new("--fail-on")
    {
        HelpName = "SEVERITY",
        Description = $"Exit 1 when a finding at or above this severity is not waived ({string.Join(", ", Severities.WorstFirst.Select(s => s.Name()))})",
        DefaultValueFactory = _ => Severity.High.Name(),
    };

    private readonly Option<string?> _sign = new("--sign")
    {
        HelpName = "FILE.pfx",
        Description = $"Sign every PDF with this certificate and key (PKCS#12); password from --sign-password-file or {SigningCertificate.PasswordVariable}",
    };

    private readonly Option<string?> _signPassword = new("--sign-password-file") { HelpName = "FILE", Description = "File holding the --sign certificate's password (never give it on the command line)" };

    private readonly Option<bool> _live = new("--live") { Description = "Audit this machine's live sockets (besides any INPUT)" };
    private readonly Option<string?> _inputFormat = CommonOptions.InputFormat();
    private readonly Option<string?> _host = CommonOptions.Host();

    public AuditOptions() => _failOn.AcceptOnlyFromAmong([.. Severities.WorstFirst.Select(s => s.Name())]);

    /// <summary>The argument and options, in the order <c>--help</c> lists them.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(_inputs);
        foreach (var option in (Option[])[_policy, _output, _formats, _failOn, _live, _inputFormat, _host, _organisation, _reportDate, _templates, _baseline, _inventory, _sign, _signPassword])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The job, or null when an option is wrong (each problem told on stderr): a usage error.</summary>
    public AuditJob? Read(ParseResult parsed, CliConsole console)
    {
        var paths = parsed.GetValue(_inputs) ?? [];
        if (!CheckValues(parsed, console))
        {
            return null;
        }

        ReportSigner? signer = null;
        if (parsed.GetValue(_sign) is { } pfx)
        {
            signer = SigningCertificate.Load(pfx, parsed.GetValue(_signPassword), DateTimeOffset.UtcNow, out var signError);
            if (signer is null)
            {
                return Fail(console, $"portcompliance: {signError}");
            }
        }
        else if (parsed.GetValue(_signPassword) is not null)
        {
            return Fail(console, "portcompliance: --sign-password-file is the password of --sign FILE.pfx, which is not given");
        }

        var reports = new ReportOptions { Organisation = parsed.GetValue(_organisation), TemplatesDirectory = parsed.GetValue(_templates), Signer = signer };
        var renderers = ReportRenderers.Create(reports);
        var wanted = parsed.GetValue(_formats)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (wanted.Length == 0)
        {
            return Fail(console, $"portcompliance: --formats needs at least one format (available: {string.Join(", ", renderers.Select(r => r.Key))})");
        }

        if (wanted.FirstOrDefault(f => renderers.All(r => r.Key != f)) is { } unknown)
        {
            return Fail(console, $"portcompliance: unknown report format '{unknown}' (available: {string.Join(", ", renderers.Select(r => r.Key))})");
        }

        var host = parsed.GetValue(_host);
        if (!CommonOptions.CheckHost(host, paths, console) || !Severities.TryParse(parsed.GetValue(_failOn)!, out var threshold))
        {
            return null;
        }

        if (!AuditClock.TryNow(parsed.GetValue(_reportDate), out var now, out var clockError))
        {
            return Fail(console, $"portcompliance: {clockError}");
        }

        AuditResult? baseline = null;
        EvidenceFileRef? baselineFile = null;
        if (parsed.GetValue(_baseline) is { } baselinePath)
        {
            (baseline, var problem) = ResultsJson.Read(baselinePath, out var baselineSha);
            baselineFile = baselineSha is null ? null : new EvidenceFileRef(baselinePath, baselineSha);
            if (problem is not null)
            {
                return Fail(console, problem.ToString());
            }
        }

        Inventory? inventory = null;
        if (parsed.GetValue(_inventory) is { } inventoryPath)
        {
            (inventory, var problems) = InventoryReader.Read(inventoryPath);
            problems.ToList().ForEach(console.Error.WriteLine);
            if (inventory is null)
            {
                return null;
            }
        }

        var loaded = PolicyLoader.Load(parsed.GetValue(_policy) ?? PolicyLoader.BuiltInBaseline);
        loaded.Diagnostics.ToList().ForEach(console.Error.WriteLine);
        if (loaded.Policy is null)
        {
            return Fail(console, "portcompliance: the policy is invalid; nothing was audited");
        }

        var folder = parsed.GetValue(_output)!;
        var evidence = new EvidenceFiles(loaded.Policy, folder, writesResults: renderers.Any(r => wanted.Contains(r.Key) && r.Files.Contains("results.json")));
        reports = reports with { Evidence = evidence };
        return new AuditJob(
            paths, paths.Length == 0 || parsed.GetValue(_live), host, parsed.GetValue(_inputFormat), loaded.Policy, inventory, baseline,
            new AuditSettings(now, threshold, AuditCommand.Version) { Inventory = inventory, BaselineFile = baselineFile }, reports,
            [.. ReportRenderers.Create(reports).Where(r => wanted.Contains(r.Key))], folder) { Evidence = evidence };
    }

    /// <summary>Every value that names a file or folder, checked before any is used; each problem told.</summary>
    private bool CheckValues(ParseResult parsed, CliConsole console)
    {
        var checks = new[]
        {
            CommonOptions.CheckValue("--out", "a folder", parsed.GetValue(_output), console),
            CommonOptions.CheckValue("--policy", "a policy file", parsed.GetValue(_policy), console),
            CommonOptions.CheckValue("--baseline", "a results.json", parsed.GetValue(_baseline), console),
            CommonOptions.CheckValue("--inventory", "a hosts.csv", parsed.GetValue(_inventory), console),
            CommonOptions.CheckValue("--templates", "a folder", parsed.GetValue(_templates), console),
            CommonOptions.CheckValue("--sign", "a certificate file", parsed.GetValue(_sign), console),
            CommonOptions.CheckValue("--sign-password-file", "a file", parsed.GetValue(_signPassword), console),
        };
        return checks.All(ok => ok);
    }

    private static AuditJob? Fail(CliConsole console, string message)
    {
        console.Error.WriteLine(message);
        return null;
    }
}
