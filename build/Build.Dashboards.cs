using EdgeRisk.Evidence.Prometheus;
using EdgeRisk.Nuke;
using EdgeRisk.Release.Git;
using EdgeRisk.Release.Grafana;
using EdgeRisk.Release.Outbox;
using EdgeRisk.Release.Promotion;
using EdgeRisk.Release.Staging;
using Spectre.Console;

namespace EdgeRisk.Build;

// Runbook §2: the Grafana dashboard and alert rules imported (ImportDashboards) and their panels fresh (VerifyDashboards).
partial class Build
{
    [Parameter("Grafana dashboard to import")]
    public string Dashboard { get; set; } = "grafana/edge_risk.json";

    [Parameter("Grafana alert rule group to import")]
    public string? AlertRules { get; set; } = "grafana/model_switch_alert.json";

    [Parameter("Grafana datasource uid the dashboards' ${datasource} resolves to (VerifyDashboards in staging)")]
    public string GrafanaDatasourceUid { get; set; } = "prometheus";

    Target ImportDashboards => _ => _
        .Description("§2: Grafana dashboard and alert rules imported idempotently (local: recorded to the outbox)")
        .DependsOn(StageDeploy)
        .Requires(() => Configured(ReleaseService.Grafana))
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .Requires(() => Dashboard, dashboard => FileProblem(dashboard, "grafana/edge_risk.json"))
        .Requires(() => AlertRules, rules => FileProblem(rules, "grafana/model_switch_alert.json"))
        .Requires(() => GrafanaUrl, url => HttpUrlProblem(url, "https://grafana.example.com"))
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            var (grafana, transport) = Grafana();
            using (transport)
            {
                var importer = new DashboardImporter(grafana, new DashboardImportOptions());
                var result = await importer.ImportAsync(RootDirectory / Dashboard, AlertRules is null ? null : (string)(RootDirectory / AlertRules));
                foreach (var item in result.Items)
                {
                    Log.Information($"{item.Kind,-15} {item.Status}");
                }

                Log.Information(result.ChangedAnything ? "Dashboards imported" : "Dashboards unchanged: nothing to do");
                if (IsLocalProfile)
                {
                    Log.Information($"Local profile: the Grafana calls were recorded to {OutboxDirectory}, not sent.");
                }
            }
        });

    /// <summary>The Grafana client: over real HTTP in staging, recorded to the outbox locally (dispose the transport).</summary>
    (IGrafanaApi Api, IDisposable? Transport) Grafana()
    {
        var options = IsLocalProfile
            ? new GrafanaOptions(new Uri("http://grafana.local/"), new Secret("local-profile"), null, null)
            : Settings.Grafana();
        var transport = IsLocalProfile ? new OutboxHandler(new OutboxRecorder(OutboxDirectory), new GrafanaOutboxResponder()) : null;
        return (GrafanaClientFactory.Create(options, transport), transport);
    }

    Target VerifyDashboards => _ => _
        .Description("§2: every Edge-Risk panel's newest sample is < 2 s behind now — locally on the StartServices Prometheus or --prometheus-url, in staging " +
            "through Grafana's data source proxy, where the dashboard must also be the file's and every panel query return data")
        .Requires(() => DashboardSourceGiven())
        .Requires(() => PrometheusUrl, url => HttpUrlProblem(url, "http://127.0.0.1:9090"))
        .Requires(() => Dashboard, dashboard => FileProblem(dashboard, "grafana/edge_risk.json"))
        .Requires(() => GrafanaDatasourceUid, uid => NotEmptyProblem(uid, "prometheus"))
        .Requires(() => GrafanaUrl, url => HttpUrlProblem(url, "https://grafana.example.com"))
        .Executes(async () =>
        {
            // Staging without --prometheus-url: the same freshness queries, asked through Grafana (its credentials,
            // its network path to the datasource), so what is checked is what the dashboards see.
            var grafana = IsLocalProfile ? null : Settings.Grafana();
            var given = PrometheusUrl is null ? null : new Uri(PrometheusUrl);
            var prometheus = grafana is null
                ? PrometheusClientFactory.Create(given ?? new Uri(LocalServicesPrometheus()!), timeout: TimeSpan.FromSeconds(10))
                : GrafanaClientFactory.DashboardPrometheus(grafana, given, GrafanaDatasourceUid);
            using var http = prometheus.Client;
            var verifier = new DashboardVerifier(new PrometheusQueryClient(prometheus), TimeProvider);
            var report = await verifier.VerifyAsync([RootDirectory / Dashboard]);
            AnsiConsole.Write(report.ToTable());
            if (!report.Passed)
            {
                throw new InvalidOperationException("Dashboards do not refresh within 2 s: see the lag table above.");
            }

            if (grafana is not null)
            {
                await VerifyInGrafanaAsync(grafana);
            }
        });

    bool DashboardSourceGiven()
    {
        if (!IsLocalProfile)
        {
            return Configured(ReleaseService.Grafana);
        }

        return PrometheusUrl is not null || LocalServicesPrometheus() is not null
            ? true
            : throw new BuildConfigurationException("VerifyDashboards needs the Prometheus behind the dashboards: run 'make start-services' (and 'make live-crypto' for data) or pass --prometheus-url URL.");
    }

    /// <summary>The local profile's Prometheus (make start-services), which scrapes LiveCrypto/LiveStocks; null when not running.</summary>
    string? LocalServicesPrometheus() =>
        LocalServicesState.Read(ServicesState)?.Services.FirstOrDefault(s => s.Name == "prometheus" && LocalServices.IsRunning(s))?.Url;

    /// <summary>Staging: the imported dashboard is the file's, and each panel query returns data through Grafana's /api/ds/query.</summary>
    async Task VerifyInGrafanaAsync(GrafanaOptions options)
    {
        var grafana = GrafanaClientFactory.Create(options);
        var verification = await new GrafanaDashboardVerifier(grafana, new DashboardVerifierOptions { DatasourceUid = GrafanaDatasourceUid })
            .VerifyAsync(RootDirectory / Dashboard);
        var table = new Table().AddColumns("panel", "query", "status", "points", "reason");
        foreach (var q in verification.Queries)
        {
            table.AddRow(Markup.Escape(q.Panel), Markup.Escape(q.RefId), q.Status.ToString(), q.Points.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(q.Reason ?? string.Empty));
        }

        AnsiConsole.Write(table);
        Log.Information($"Grafana dashboard {verification.Uid}: present {verification.Present}, matches {Dashboard} {verification.MatchesFile}, verdict {verification.Status}");
        if (verification.Status != VerificationStatus.Pass)
        {
            throw new InvalidOperationException($"Grafana dashboard {verification.Uid} verification {verification.Status}: " +
                (!verification.Present ? "not imported — run ./build.sh ImportDashboards" : !verification.MatchesFile ? $"it differs from {Dashboard} — run ./build.sh ImportDashboards" : "a panel query returned no data (table above)"));
        }
    }
}
