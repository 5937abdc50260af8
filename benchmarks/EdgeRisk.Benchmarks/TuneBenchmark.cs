using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeRisk.Testing.Services;
using EdgeRisk.Tuning.Scheduling;
using EdgeRisk.Tuning.Tune;

namespace EdgeRisk.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- tune &lt;repo&gt; &lt;trading-executable...&gt;</c>: the Tune benchmarks of docs/benchmarks/tuning.md in one
/// run — BO at 50 trials vs random search at 150 on the router space (validated objective, several seeds), and 1,000 trials
/// end to end on local cores vs a single-node Slurm (started here), alternated, with a task requeued during a Slurm run.
/// </summary>
internal static class TuneBenchmark
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var repo = Path.GetFullPath(args[1]);
        // A relative executable path is made absolute: Slurm runs each array task in its own working directory.
        string[] trading = [File.Exists(args[2]) ? Path.GetFullPath(args[2]) : args[2], .. args[3..]];
        var seeds = int.Parse(Environment.GetEnvironmentVariable("TUNE_BENCH_SEEDS") ?? "3", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Environment.GetEnvironmentVariable("TUNE_BENCH_ROUNDS") ?? "2", CultureInfo.InvariantCulture);
        using var work = new TempDirectory("tune-bench");
        var command = new BacktestTrialCommand(trading, Path.Combine(repo, "data", "lean"));
        var local = new LocalTrialScheduler(new LocalSchedulerOptions { Parallelism = 2 });
        var rows = new List<Dictionary<string, object?>>();
        void Note(Dictionary<string, object?> row)
        {
            rows.Add(row);
            Console.WriteLine(JsonSerializer.Serialize(row));
        }

        TuneOptions Options(string name, string space, TuneAlgorithm algorithm, int trials, int seed, int batch) => new()
        {
            ConfigDirectory = Path.Combine(repo, "config"),
            SpaceFile = Path.Combine(repo, "config", space),
            OutputRoot = work.Combine("runs"),
            RunName = name,
            TrialCommand = command,
            Algorithm = algorithm,
            Trials = trials,
            Seed = seed,
            BatchSize = batch,
            Plots = false,
        };

        for (var seed = 1; seed <= seeds; seed++)
        {
            foreach (var (algorithm, trials) in new[] { (TuneAlgorithm.Bayesian, 50), (TuneAlgorithm.Random, 150) })
            {
                var clock = Stopwatch.StartNew();
                var outcome = await TuneRun.RunAsync(Options($"router-{algorithm}-{seed}", "tune-space-router.json", algorithm, trials, seed, 2), local, _ => { }, CancellationToken.None);
                Note(new()
                {
                    ["benchmark"] = "router", ["algorithm"] = algorithm.ToString(), ["trials"] = trials, ["seed"] = seed,
                    ["best_in_sample"] = outcome.Trials.Where(t => t.Tuning.Feasible).Select(t => (double?)t.Tuning.Objective).Max(),
                    ["validated"] = outcome.Proposal?.Validation?.Objective, ["seconds"] = clock.Elapsed.TotalSeconds,
                });
            }
        }

        await using var cluster = await SlurmCluster.StartAsync();
        var slurm = new SlurmTrialScheduler(new SlurmSchedulerOptions { SlurmConf = cluster.SlurmConf, PollInterval = TimeSpan.FromMilliseconds(500) });
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var scheduler in new[] { "local", "slurm" })
            {
                var requeue = scheduler == "slurm" && round == 1;
                var name = $"scale-{scheduler}-{round}";
                var clock = Stopwatch.StartNew();
                using var stop = new CancellationTokenSource();
                var requeued = requeue ? RequeueOneTaskAsync(cluster, work.Combine("runs", name), stop.Token) : Task.FromResult<string?>(null);
                var outcome = await TuneRun.RunAsync(Options(name, "tune-space.json", TuneAlgorithm.Random, 1000, round, 1000),
                    scheduler == "slurm" ? slurm : local, _ => { }, CancellationToken.None);
                var seconds = clock.Elapsed.TotalSeconds;
                await stop.CancelAsync();
                var results = Directory.GetFiles(work.Combine("runs", name, "results"), "t*.json").Length;
                var starts = Directory.GetFiles(work.Combine("runs", name, "logs"), "t*.log")
                    .Sum(f => File.ReadLines(f).Count(l => l.StartsWith("== trial", StringComparison.Ordinal)));
                Note(new()
                {
                    ["benchmark"] = "scale", ["scheduler"] = scheduler, ["round"] = round, ["trials"] = outcome.Trials.Count,
                    ["distinct_told"] = outcome.Trials.Select(t => t.Number).Distinct().Count(), ["result_files"] = results,
                    ["failed"] = outcome.Trials.Count(t => t.Tuning.Violation?.StartsWith("trial failed", StringComparison.Ordinal) == true),
                    ["starts"] = starts, ["requeued_task"] = await requeued, ["seconds"] = seconds,
                });
            }
        }

        var output = Path.Combine(repo, "docs", "benchmarks", "tuning.json");
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(rows, Indented) + "\n");
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    /// <summary>Once a few results exist, requeues one running array task (as a node failure would).</summary>
    private static async Task<string?> RequeueOneTaskAsync(SlurmCluster cluster, string runFolder, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(500, cancellationToken);
                var results = Path.Combine(runFolder, "results");
                if (!Directory.Exists(results) || Directory.GetFiles(results, "t*.json").Length < 100)
                {
                    continue;
                }

                var (code, output) = await cluster.RunAsync("squeue", "-h", "-t", "R", "-o", "%i");
                var task = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(t => t.Contains('_', StringComparison.Ordinal));
                if (code == 0 && task is not null)
                {
                    var (requeueCode, _) = await cluster.RunAsync("scontrol", "requeue", task);
                    if (requeueCode == 0)
                    {
                        return task;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }
}
