using System.Text.RegularExpressions;
using Docker.DotNet;
using Docker.DotNet.Models;
using Xunit.Abstractions;
using EdgeRisk.Release.Staging;
using CommandResult = EdgeRisk.Staging.Tests.Scripts.CommandResult;

namespace EdgeRisk.Staging.Tests.Compose;

/// <summary>
/// docs/runbook.md §2 and §4 as a release engineer types them, in a fresh clone, on a fresh staging host: BuildImages has
/// pushed the images from one engine to the registry, and a SECOND engine with an empty data root runs step 2.1 verbatim
/// — it pulls every image and builds nothing — then the two report lines of deploy/crontab, the log-tail paging the
/// loopback PagerDuty on FAIL lines, and <c>docker-compose down</c>. Every command goes through <c>bash -c</c> with its
/// text unchanged; only the shell's environment differs from the staging host (engine, registry, free ports, rendered
/// configuration).
/// </summary>
[Collection(DockerCollection.Name)]
public sealed partial class RunbookVerbatimTests(DockerEngineFixture engine, ITestOutputHelper output)
{
    // §2, verbatim: the second half has no -f, so it relies on COMPOSE_FILE and COMPOSE_PROJECT_NAME from .env.
    private const string StageCommand = "docker-compose -f docker-compose.staging.yml pull && docker-compose up -d";
    private const string DownCommand = "docker-compose down";
    // COMPOSE_PROJECT_NAME in the shipped .env.
    private const string Project = "edgerisk";
    private const string RoutingKey = "RunbookRoutingKey000000000000001";
    // What an earlier 12-hourly report leaves in the log until it is rotated; makes at least one page certain.
    private const string EarlierFailLine = "FAIL no PnL sigma: artifacts/sim/pnl_stats.json is missing (an earlier report, before rotation)";

    private static readonly string[] Services = ["edgerisk-crypto", "edgerisk-stocks", "redis", "prometheus", "alertmanager"];
    private static readonly string[] DeclaredVolumes = ["edgerisk_alertmanager-data", "edgerisk_prometheus-data", "edgerisk_redis-data"];
    // What .env decides; inherited values would override it and test something else.
    private static readonly string[] ComposeSelection = ["COMPOSE_FILE", "COMPOSE_PROJECT_NAME", "COMPOSE_PROFILES"];

    [Fact]
    public async Task RunbookCommands_VerbatimFromFreshClone_StackUpReportsPagedAndNothingLeft()
    {
        var pushed = await engine.EnsureAllImagesAsync();
        await using var host = await DockerDaemon.StartAsync();
        using var work = new TempDirectory("runbook");
        var clone = work.Combine("clone");
        var cloned = await CommandRunner.RunAsync("git", ["clone", "--quiet", RepositoryRoot.Path, clone], timeout: TimeSpan.FromMinutes(1));
        Assert.True(cloned.ExitCode == 0, cloned.ToString());
        var logs = Directory.CreateDirectory(work.Combine("log")).FullName;

        // The shell's environment: the fresh engine (DOCKER_HOST), the registry BuildImages pushed to (EDGERISK_REGISTRY),
        // free ports and the rendered configuration. Everything else, compose file and project name included, comes from
        // the clone's .env.
        var environment = StagingConfiguration.Write(work, StagingConfiguration.FreePorts(), engine.Registry.Address, clone);
        foreach (var (key, value) in host.Environment)
        {
            environment[key] = value;
        }

        using var health = StackHealth.Connect(Project, TimeProvider.System, host.DockerHost);
        using var docker = new DockerClientConfiguration(new Uri(host.DockerHost)).CreateClient();
        Assert.Empty(await docker.Images.ListImagesAsync(new ImagesListParameters { All = true }));
        try
        {
            // Pulling about 1.5 GB from a loopback registry on a busy 2-core machine: minutes, not seconds.
            var staged = await ShellAsync(StageCommand, environment, clone, TimeSpan.FromMinutes(15));
            output.WriteLine($"$ {StageCommand}\n{staged.StandardOutput}{staged.StandardError}");
            Assert.True(staged.ExitCode == 0, staged.ToString());
            await health.WaitUntilHealthyAsync(Services, TimeSpan.FromSeconds(90));

            // Pulled, not built: the host holds exactly the pushed images, each with the digest BuildImages read back.
            var images = await docker.Images.ListImagesAsync(new ImagesListParameters { All = true });
            Assert.Equal(
                pushed.Images.Select(i => $"{i.Image}@{i.Digest}").Order(StringComparer.Ordinal),
                images.SelectMany(i => (i.RepoTags ?? []).Select(t => $"{t}@{(i.RepoDigests ?? []).Single().Split('@')[1]}")).Order(StringComparer.Ordinal));

            // §4: the crontab's lines without their schedule. Only the /var/log/ directory is replaced by a temporary
            // one (the test does not write to the host's /var/log); the rest of each command is run as written.
            var cronCommands = File.ReadAllLines(Path.Combine(clone, "deploy", "crontab"))
                .Where(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#'))
                .Select(l => CronSchedule().Replace(l, "", 1))
                .ToList();
            Assert.Equal(2, cronCommands.Count);
            Assert.All(cronCommands, c => Assert.StartsWith("docker exec trading-core python scripts/report_", c, StringComparison.Ordinal));
            var paperPnlLog = Path.Combine(logs, "paper_pnl.log");
            var memLog = Path.Combine(logs, "mem.log");
            await File.WriteAllTextAsync(paperPnlLog, EarlierFailLine + "\n");
            foreach (var cron in cronCommands)
            {
                Assert.Contains(" >> /var/log/", cron, StringComparison.Ordinal);
                var command = cron.Replace("/var/log/", logs + "/", StringComparison.Ordinal);
                var log = AppendedLog().Match(command).Groups[1].Value;
                var before = File.Exists(log) ? File.ReadAllLines(log).Length : 0;

                var report = await ShellAsync(command, environment, clone, TimeSpan.FromMinutes(1));

                var appended = File.ReadAllLines(log).Skip(before).ToArray();
                output.WriteLine($"$ {command}\nexit {report.ExitCode}: {string.Join('\n', appended)}");
                Assert.True(appended.Length == 1, $"{command}: {report}\nlog lines appended:\n{string.Join('\n', appended)}");
                // A stack up for seconds has not enough data yet: WAITING (exit 0, not paged); OK and FAIL need evidence.
                Assert.True((report.ExitCode == 0 && (appended[0].StartsWith("OK ", StringComparison.Ordinal) || appended[0].StartsWith("WAITING ", StringComparison.Ordinal)))
                    || (report.ExitCode == 1 && appended[0].StartsWith("FAIL ", StringComparison.Ordinal)),
                    $"{command}: exit {report.ExitCode} with '{appended[0]}'");
            }

            Assert.Equal(["mem.log", "paper_pnl.log"], Directory.GetFiles(logs).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(EarlierFailLine, File.ReadLines(paperPnlLog).First());

            // §4 "PagerDuty integrates via log-tail on FAIL": the runbook runs it following the logs; --once reads the same
            // lines and exits.
            await using var pagerDuty = await FakePagerDuty.StartAsync();
            var paging = new Dictionary<string, string>(environment)
            {
                ["PAGERDUTY_URL"] = pagerDuty.BaseUrl.ToString().TrimEnd('/'),
                ["PAGERDUTY_ROUTING_KEY"] = RoutingKey,
                ["PAGERDUTY_ROUTING_KEY_FILE"] = "",
            };
            var tailed = await ShellAsync($"scripts/pagerduty_logtail.sh --once {paperPnlLog} {memLog}", paging, clone, TimeSpan.FromMinutes(1));

            output.WriteLine($"pagerduty_logtail: exit {tailed.ExitCode}\n{tailed.StandardOutput}{tailed.StandardError}");
            Assert.True(tailed.ExitCode == 0, tailed.ToString());
            var failLines = new[] { paperPnlLog, memLog }
                .SelectMany(log => File.ReadLines(log).Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).Select(l => $"{Path.GetFileName(log)}: {l}"))
                .ToList();
            Assert.Equal(failLines, pagerDuty.Events.Select(e => $"{e.Component}: {e.Summary}"));
            Assert.All(pagerDuty.Events, e =>
            {
                Assert.Equal("trigger", e.EventAction);
                Assert.Equal(RoutingKey, e.RoutingKey);
                Assert.Equal("error", e.Severity);
            });
            Assert.Equal(pagerDuty.Events.Count, pagerDuty.Events.Select(e => e.DedupKey).Distinct().Count());
            Assert.Equal(pagerDuty.Events.Count, pagerDuty.Requests.Count);

            var down = await ShellAsync(DownCommand, environment, clone, TimeSpan.FromMinutes(1));
            output.WriteLine($"$ {DownCommand}\n{down.StandardOutput}{down.StandardError}");
            Assert.True(down.ExitCode == 0, down.ToString());
            Assert.Empty(await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }));
            Assert.Empty(OfProject(await docker.Networks.ListNetworksAsync(), n => n.Labels));
            // Plain `down` keeps the named volumes on purpose: Redis's journal and the TSDB survive a restart of the stack.
            Assert.Equal(DeclaredVolumes, OfProject((await docker.Volumes.ListAsync()).Volumes ?? [], v => v.Labels).Select(v => v.Name).Order(StringComparer.Ordinal));
        }
        finally
        {
            // Whatever happened above: the volumes go too (project and file named explicitly, in case what failed was .env).
            await ShellAsync($"docker-compose -p {Project} -f docker-compose.staging.yml down -t 0 -v", environment, clone, TimeSpan.FromMinutes(1));
        }

        Assert.Empty(await health.GetStatusAsync());
        Assert.Empty(await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }));
        Assert.Empty(OfProject(await docker.Networks.ListNetworksAsync(), n => n.Labels));
        Assert.Empty(OfProject((await docker.Volumes.ListAsync()).Volumes ?? [], v => v.Labels));
        var left = await docker.Images.ListImagesAsync(new ImagesListParameters { All = true });
        Assert.All(left.SelectMany(i => i.RepoTags ?? []), t => Assert.StartsWith(engine.Registry.Address + "/edgerisk/", t, StringComparison.Ordinal));
    }

    private static Task<CommandResult> ShellAsync(string command, IReadOnlyDictionary<string, string> environment, string directory, TimeSpan timeout) =>
        CommandRunner.RunAsync("bash", ["-c", command], environment, directory, timeout, ComposeSelection);

    private static IEnumerable<T> OfProject<T>(IEnumerable<T> items, Func<T, IDictionary<string, string>?> labels) =>
        items.Where(i => labels(i) is { } l && l.TryGetValue(StackHealth.ProjectLabel, out var project) && project == Project);

    // Minute, hour, day of month, month, day of week.
    [GeneratedRegex(@"^\s*(?:\S+\s+){5}")]
    private static partial Regex CronSchedule();

    [GeneratedRegex(@">> (\S+)")]
    private static partial Regex AppendedLog();
}
