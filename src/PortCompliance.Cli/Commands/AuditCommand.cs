using System.CommandLine;
using System.Reflection;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Reporting;

namespace PortCompliance.Cli.Commands;

/// <summary><c>portcompliance audit [INPUT…]</c>: ingest, evaluate against the policy, write the reports.</summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var catalogue = ReportRenderers.Create(new ReportOptions());
        var formatHelp = string.Join("; ", catalogue.Select(r => $"{r.Key}: {r.Description}"));
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "ss or netstat listings: files, folders (read recursively), or - for standard input; none: audit this machine live",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var policy = new Option<string?>("--policy") { HelpName = "FILE", Description = "Policy file (default: the built-in baseline, policies/baseline.yaml)" };
        var output = new Option<string>("--out") { HelpName = "DIR", Description = "Folder for the reports", DefaultValueFactory = _ => "reports" };
        var formats = new Option<string>("--formats")
        {
            HelpName = "LIST",
            Description = $"Comma-separated report formats ({formatHelp})",
            DefaultValueFactory = _ => string.Join(",", ReportRenderers.DefaultKeys(catalogue)),
        };
        var organisation = new Option<string?>("--org") { HelpName = "NAME", Description = "Organisation named on the report cover" };
        var reportDate = new Option<string?>("--report-date")
        {
            HelpName = "YYYY-MM-DD",
            Description = "Audit as of this day (YYYY-MM-DD, midnight UTC): pins waiver expiry and report dates; overrides SOURCE_DATE_EPOCH",
        };
        var templates = new Option<string?>("--templates") { HelpName = "DIR", Description = "Folder with customised copies of the HTML templates/" };
        var baseline = new Option<string?>("--baseline") { HelpName = "RESULTS.json", Description = "A previous run's results.json: report what changed since (drift)" };
        var inventory = new Option<string?>("--inventory") { HelpName = "FILE.csv", Description = "hosts.csv (host,tags,owner,environment,pattern): tags feed policy groups, owners go in the reports" };
        var failOn = new Option<string>("--fail-on")
        {
            HelpName = "SEVERITY",
            Description = "Exit 1 when a finding at or above this severity is not waived",
            DefaultValueFactory = _ => "high",
        };
        failOn.AcceptOnlyFromAmong([.. Severities.WorstFirst.Select(s => s.Name())]);
        var live = new Option<bool>("--live") { Description = "Audit this machine's live sockets (besides any INPUT)" };
        var inputFormat = CommonOptions.InputFormat();
        var host = CommonOptions.Host();

        var command = new Command("audit", "Audit listening sockets against a policy and write the reports")
        {
            inputs, policy, output, formats, failOn, live, inputFormat, host, organisation, reportDate, templates, baseline, inventory,
        };
        command.SetAction(parsed =>
        {
            var paths = parsed.GetValue(inputs) ?? [];
            var scanLive = paths.Length == 0 || parsed.GetValue(live);
            var options = new ReportOptions { Organisation = parsed.GetValue(organisation), TemplatesDirectory = parsed.GetValue(templates) };
            var renderers = ReportRenderers.Create(options);
            var wanted = parsed.GetValue(formats)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (wanted.FirstOrDefault(f => renderers.All(r => r.Key != f)) is { } unknown)
            {
                console.Error.WriteLine($"portcompliance: unknown report format '{unknown}' (available: {string.Join(", ", renderers.Select(r => r.Key))})");
                return ExitCodes.Usage;
            }

            var hostName = parsed.GetValue(host);
            if (!CommonOptions.CheckHost(hostName, paths, console) || !Severities.TryParse(parsed.GetValue(failOn)!, out var threshold))
            {
                return ExitCodes.Usage;
            }

            if (!AuditClock.TryNow(parsed.GetValue(reportDate), out var now, out var clockError))
            {
                console.Error.WriteLine($"portcompliance: {clockError}");
                return ExitCodes.Usage;
            }

            AuditResult? previous = null;
            if (parsed.GetValue(baseline) is { } baselinePath)
            {
                (previous, var problem) = ResultsJson.Read(baselinePath);
                if (problem is not null)
                {
                    console.Error.WriteLine(problem);
                    return ExitCodes.Usage;
                }
            }

            Inventory? hosts = null;
            if (parsed.GetValue(inventory) is { } inventoryPath)
            {
                var (parsedInventory, problems) = Inventory.Read(inventoryPath);
                foreach (var problem in problems)
                {
                    console.Error.WriteLine(problem);
                }

                if (parsedInventory is null)
                {
                    return ExitCodes.Usage;
                }

                hosts = parsedInventory;
            }

            var loaded = PolicyLoader.Load(parsed.GetValue(policy) ?? PolicyLoader.BuiltInBaseline);
            foreach (var diagnostic in loaded.Diagnostics)
            {
                console.Error.WriteLine(diagnostic);
            }

            if (loaded.Policy is null)
            {
                console.Error.WriteLine("portcompliance: the policy is invalid; nothing was audited");
                return ExitCodes.Usage;
            }

            // Hosts are named first (inventory patterns included), so two inputs of one host become one; a fleet reads
            // each host's files only when its turn comes.
            var extra = scanLive ? [ScanCommand.LiveScan(paths.Length == 0 ? hostName : null, allNamespaces: true, console)] : Array.Empty<HostSnapshot>();
            var format = parsed.GetValue(inputFormat);
            var (plan, failed) = Ingestion.Plan(paths, hostName, format, hosts, extra, console);
            var settings = new AuditSettings(now, threshold, Version) { Inventory = hosts };
            var chosen = renderers.Where(r => wanted.Contains(r.Key)).ToList();
            var folder = parsed.GetValue(output)!;
            if (FleetView.IsFleet(plan.Hosts.Count))
            {
                var since = previous is null ? null : new DriftBaseline(previous);
                var fleet = new FleetAudit(loaded.Policy, settings, since, options, folder, console).Run(plan.Hosts, format, failed, chosen);
                AuditSummaryWriter.Write(fleet.Result, fleet.Model, fleet.Written, console.Out);
                console.Out.WriteLine($"Wrote {fleet.HostReports} host reports in {Path.Combine(folder, "hosts")}");
                return fleet.Result.Summary.Hosts == 0 ? NothingRead(console)
                    : !fleet.AllWritten ? ExitCodes.Usage
                    : fleet.Result.Summary.Verdict == "pass" ? ExitCodes.Ok : ExitCodes.Findings;
            }

            var audited = plan.Hosts.AsParallel().AsOrdered().Select(h => (Input: h, Read: h.Read(format))).ToList()
                .Select(h => Exposures.Apply(Ingestion.Tell(h.Read, console, failed), h.Input.Scan))
                .OfType<HostSnapshot>().ToList();
            if (audited.Count == 0)
            {
                return NothingRead(console);
            }

            var result = Auditor.Audit(audited, failed, loaded.Policy, ServiceCatalogue.BuiltIn, settings);
            if (previous is not null)
            {
                result = result with { Drift = Drifts.Compare(result.Hosts, previous) };
            }

            var model = ReportModelBuilder.Build(result, options);
            var (written, allWritten) = ReportWriter.Write(model, chosen, folder, console);
            AuditSummaryWriter.Write(result, model, written, console.Out);
            if (!allWritten)
            {
                return ExitCodes.Usage;
            }

            return result.Summary.Verdict == "pass" ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static int NothingRead(CliConsole console)
    {
        console.Error.WriteLine("portcompliance: no input could be read");
        return ExitCodes.Usage;
    }

    public static string Version { get; } =
        typeof(AuditCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
