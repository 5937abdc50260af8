using System.Text.Json;
using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Release.DryRun;
using EdgeRisk.Release.Gates;
using EdgeRisk.Release.Git;
using EdgeRisk.Release.Grafana;
using EdgeRisk.Release.Outbox;
using EdgeRisk.Release.Reporting;
using EdgeRisk.Release.Staging;
using Spectre.Console;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;

namespace EdgeRisk.Build;

// The release work order: Tag → StageDeploy → ImportDashboards → DryRun → EvaluateGates → Promote.
// Local profile (default): bare repository under artifacts/ as the remote, services as local processes,
// replay on a virtual clock, SaaS calls recorded to artifacts/release/outbox/.
partial class Build
{
    [Parameter("Release version (without v): the rc tag is v<version>-rcN, the GA tag v<version>")]
    public string ReleaseVersion { get; set; } = "0.4.0";

    [Parameter("Dry-run length in (virtual, in the local profile) time")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(48);

    [Parameter("Grafana dashboard to import")]
    public string Dashboard { get; set; } = "grafana/edge_risk.json";

    [Parameter("Grafana alert rule group to import")]
    public string? AlertRules { get; set; } = "grafana/model_switch_alert.json";

    static readonly string[] GateReportFiles = ["gates.json", "report.md"];
    static readonly string[] StagingServices = ["edgerisk-crypto", "edgerisk-stocks", "redis", "prometheus", "alertmanager"];

    AbsolutePath ReleaseDirectory => ArtifactsDirectory / "release" / $"v{ReleaseVersion}";
    AbsolutePath OutboxDirectory => ArtifactsDirectory / "release" / "outbox";
    AbsolutePath ServicesState => ArtifactsDirectory / "services" / "state.json";
    AbsolutePath PnlStats => ArtifactsDirectory / "sim" / "pnl_stats.json";
    AbsolutePath TradingHost => RootDirectory / "src" / "EdgeRisk.Trading.Host" / "bin" / Configuration / "net10.0" / "edgerisk-trading.dll";
    bool IsLocalProfile => Profile == "local";
    string GaTag => $"v{ReleaseVersion}";
    bool AlreadyPromoted => (ReleaseDirectory / "summary.md").FileExists() && TagOnHeadAsync(GaTag).GetAwaiter().GetResult();
    GitRepository Repository => new(RootDirectory);

    Target StartServices => _ => _
        .Description("Starts Redis, Prometheus and Alertmanager (local profile: processes on 127.0.0.1)")
        .Executes(async () =>
        {
            RequireLocalProfile("StartServices");
            var state = await new LocalServices(new LocalServicesOptions { RepositoryRoot = RootDirectory }, TimeProvider).StartAsync();
            foreach (var service in state.Services)
            {
                Log.Information($"{service.Name,-13} pid {service.Pid,-7} {service.Url}");
            }

            Log.Information("Grafana is external: GRAFANA_URL and GRAFANA_TOKEN point at it (local profile records imports to the outbox).");
        });

    Target StopServices => _ => _
        .Description("Stops the services and the dry-run Prometheus that this build started (by pid)")
        .AssuredAfterFailure()
        .Executes(async () =>
        {
            var stopped = await new LocalServices(new LocalServicesOptions { RepositoryRoot = RootDirectory }, TimeProvider).StopAsync();
            Log.Information($"Stopped {stopped.Count} local services");
            var prometheusState = DryRunDirectory / DryRunEvidencePipeline.StateFileName;
            if (prometheusState.FileExists())
            {
                await new DryRunEvidencePipeline(TimeProvider).StopAsync(prometheusState);
                Log.Information("Stopped the dry-run Prometheus");
            }
        });

    Target Tag => _ => _
        .Description("§1: main fast-forwarded to develop, annotated rc tag, branch and tag pushed (local: bare repo under artifacts/)")
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            var repository = Repository;
            if (IsLocalProfile && await repository.ResolveCommitAsync("refs/heads/develop") is null)
            {
                // A fresh clone has only main: locally the release candidate is the commit at hand.
                await repository.RunCheckedAsync(["branch", "develop", "HEAD"]);
                Log.Information("Local profile: created branch develop at HEAD (the release candidate)");
            }

            var options = new TagReleaseOptions
            {
                Version = ReleaseVersion,
                Remote = IsLocalProfile ? "edgerisk-local" : "origin",
                LocalRemoteDirectory = IsLocalProfile ? (string)(ArtifactsDirectory / "origin.git") : null,
            };
            var result = await new TagService(repository).TagReleaseAsync(options);
            Log.Information($"{result.Tag} on {result.Commit[..12]}: {result.Outcome} (remote {result.Remote})");
            WriteEvidence("tag.json", JsonSerializer.Serialize(new { result.Tag, result.Commit, Outcome = result.Outcome.ToString(), result.Remote }));
        });

    Target StageDeploy => _ => _
        .Description("§2: the stack up and healthy (local: services as processes; staging: docker-compose on the engine)")
        .DependsOn(Tag, Compile)
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            if (!IsLocalProfile)
            {
                var stack = new ComposeStack(new ComposeOptions { ProjectName = "edgerisk", ComposeFile = RootDirectory / "docker-compose.staging.yml", WorkingDirectory = RootDirectory });
                await stack.PullAsync();
                await stack.UpAsync();
                using var health = StackHealth.Connect("edgerisk", TimeProvider);
                AnsiConsole.Write(StackHealth.RenderTable(await health.WaitUntilHealthyAsync(StagingServices, TimeSpan.FromMinutes(5))));
                return;
            }

            if (LocalServicesState.Read(ServicesState) is { } running && running.Services.All(LocalServices.IsRunning))
            {
                Log.Information("Local services already running");
                return;
            }

            var state = await new LocalServices(new LocalServicesOptions { RepositoryRoot = RootDirectory }, TimeProvider).StartAsync();
            Log.Information($"Local stack up: {string.Join(", ", state.Services.Select(s => $"{s.Name} {s.Url}"))}");
        });

    Target ImportDashboards => _ => _
        .Description("§2: Grafana dashboard and alert rules imported idempotently (local: recorded to the outbox)")
        .DependsOn(StageDeploy)
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            var options = IsLocalProfile
                ? new GrafanaOptions(new Uri("http://grafana.local/"), new Secret("local-profile"), null, null)
                : GrafanaOptions.FromEnvironment(Environment.GetEnvironmentVariable);
            using var transport = IsLocalProfile ? new OutboxHandler(new OutboxRecorder(OutboxDirectory), new GrafanaOutboxResponder()) : null;
            var importer = new DashboardImporter(GrafanaClientFactory.Create(options, transport), new DashboardImportOptions());
            var result = await importer.ImportAsync(RootDirectory / Dashboard, AlertRules is null ? null : (string)(RootDirectory / AlertRules));
            foreach (var item in result.Items)
            {
                Log.Information($"{item.Kind,-15} {item.Status}");
            }

            Log.Information(result.ChangedAnything ? "Dashboards imported" : "Dashboards unchanged: nothing to do");
        });

    Target Promote => _ => _
        .Description("§5: after a PASS verdict, the GA tag, push, deploy and status update; evidence in artifacts/release/v<version>/")
        .DependsOn(DryRun, EvaluateGates)
        .Triggers(StopServices)
        .Executes(async () =>
        {
            if (AlreadyPromoted)
            {
                Log.Information($"{GaTag} is already promoted at this commit: nothing to do ({ReleaseDirectory / "summary.md"})");
                return;
            }

            RequireLocalProfile("Promote");
            var gates = JsonDocument.Parse((GatesDirectory / "gates.json").ReadAllText());
            var verdict = gates.RootElement.GetProperty("verdict").GetString();
            if (verdict != "PASS")
            {
                throw new InvalidOperationException($"Gates verdict {verdict}: no GA tag, no push, no deploy.");
            }

            var result = await new TagService(Repository).TagReleaseAsync(new TagReleaseOptions
            {
                Tag = GaTag,
                Version = ReleaseVersion,
                Message = TagReleaseOptions.GaMessage,
                Remote = "edgerisk-local",
                LocalRemoteDirectory = ArtifactsDirectory / "origin.git",
            });
            Log.Information($"{result.Tag} on {result.Commit[..12]}: {result.Outcome}");
            foreach (var file in GateReportFiles)
            {
                File.Copy(GatesDirectory / file, ReleaseDirectory / file, overwrite: true);
            }

            foreach (var plot in GatesDirectory.GlobFiles("*.png"))
            {
                File.Copy(plot, ReleaseDirectory / plot.Name, overwrite: true);
            }

            (ReleaseDirectory / "summary.md").WriteAllText(Summary(result, gates));
            Log.Success($"Promoted {GaTag}: {ReleaseDirectory / "summary.md"}");
        });

    void RequireLocalProfile(string target)
    {
        if (!IsLocalProfile)
        {
            throw new InvalidOperationException($"{target} in profile '{Profile}' is not available in this build yet: run it with --profile local.");
        }
    }

    void WriteEvidence(string name, string content)
    {
        ReleaseDirectory.CreateDirectory();
        (ReleaseDirectory / name).WriteAllText(content);
    }

    async Task<bool> TagOnHeadAsync(string tag)
    {
        var tagged = await Repository.ResolveCommitAsync($"refs/tags/{tag}");
        return tagged is not null && tagged == await Repository.HeadCommitAsync();
    }

    string Summary(TagReleaseResult ga, JsonDocument gates)
    {
        var rows = string.Join('\n', gates.RootElement.GetProperty("gates").EnumerateArray().Select(g =>
            $"| {g.GetProperty("name").GetString()} | {g.GetProperty("status").GetString()} | {g.GetProperty("value")} | {g.GetProperty("threshold")} | {g.GetProperty("detail").GetString()?.Replace("|", "/", StringComparison.Ordinal)} |"));
        var window = gates.RootElement.GetProperty("window");
        return $"""
            # Release {GaTag} — {TagReleaseOptions.GaMessage}

            - Profile: {Profile}
            - GA tag: `{ga.Tag}` on `{ga.Commit}` ({ga.Outcome}), pushed to `{ga.Remote}`
            - Gate window: {window.GetProperty("start")} .. {window.GetProperty("end")}
            - Verdict: **{gates.RootElement.GetProperty("verdict").GetString()}**

            | gate | status | value | threshold | detail |
            |---|---|---|---|---|
            {rows}

            Evidence: `report.md`, `gates.json`, the plots beside this file, and `artifacts/gates/evidence/`.
            Outbox (calls not sent in the local profile): `artifacts/release/outbox/`.

            """;
    }
}
