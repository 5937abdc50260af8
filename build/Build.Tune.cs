using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Tuning.Scheduling;
using EdgeRisk.Tuning.SearchSpace;
using EdgeRisk.Tuning.Tune;

namespace EdgeRisk.Build;

// Tuning the router, blender and risk parameters: the search, walk-forward validation and the proposal (docs/tuning.md).
partial class Build
{
    static readonly string[] TuneSchedulers = ["local", "slurm"];
    static readonly string[] TuneSearches = ["bo", "random"];

    [Parameter("Tune: trials of the search (on the tuning window)")]
    public int Trials { get; set; } = 50;

    [Parameter("Tune: where trials run, local (--parallel N processes) or slurm (job arrays on --slurm-conf's cluster)")]
    public string Scheduler { get; set; } = "local";

    [Parameter("Tune: the search's seed (same seed, space and config: the same run folder, resumed)")]
    public int Seed { get; set; } = 1;

    [Parameter("Tune: the search-space file (parameters, ranges, log/int, the config file and key each sets)")]
    public string TuneSpace { get; set; } = "config/tune-space.json";

    [Parameter("Tune: bo (Gaussian-process Bayesian optimisation) or random (the baseline)")]
    public string Search { get; set; } = "bo";

    [Parameter("Tune: after a complete run with a proposal, write it into --config (never otherwise)")]
    public bool Apply { get; set; }

    [Parameter("Tune --scheduler slurm: the cluster's slurm.conf")]
    public string? SlurmConf { get; set; }

    AbsolutePath TuneDirectory => ArtifactsDirectory / "tune";

    int TuneParallelism => ParallelTargets > 0 ? ParallelTargets : Environment.ProcessorCount;

    Target Tune => _ => _
        .Description("Tunes the parameters of --tune-space on 2017-09-03..04, validates the best on 2018-04-04..05: proposal, " +
            "trials and report in artifacts/tune/<run>/; --apply writes the proposal into config/")
        .DependsOn(CompileTrading)
        .Requires(() => Trials, trials => trials is >= 1 and <= 100_000 ? null : "must be a number of trials from 1 to 100000, e.g. 50")
        .Requires(() => Scheduler, scheduler => TuneSchedulers.Contains(scheduler, StringComparer.Ordinal) ? null : $"must be {string.Join(" or ", TuneSchedulers)}")
        .Requires(() => Search, search => TuneSearches.Contains(search, StringComparer.Ordinal) ? null : $"must be {string.Join(" or ", TuneSearches)}")
        .Requires(() => Config, _ => TradingConfigProblem())
        .Requires(() => TuneSpace, _ => TuneSpaceProblem())
        .Requires(() => SlurmConf, conf => Scheduler != "slurm" || (conf is not null && File.Exists(RootDirectory / conf))
            ? null
            : "must name the cluster's slurm.conf with --scheduler slurm (the file its slurmctld was started with)")
        .Executes(async () =>
        {
            ITrialScheduler scheduler = Scheduler == "slurm"
                ? new SlurmTrialScheduler(new SlurmSchedulerOptions { SlurmConf = RootDirectory / SlurmConf!, MaxRunning = ParallelTargets })
                : new LocalTrialScheduler(new LocalSchedulerOptions { Parallelism = TuneParallelism });
            var outcome = await TuneRun.RunAsync(new TuneOptions
            {
                ConfigDirectory = ConfigDirectory,
                SpaceFile = RootDirectory / TuneSpace,
                OutputRoot = TuneDirectory,
                Trials = Trials,
                Seed = Seed,
                Algorithm = Search == "random" ? TuneAlgorithm.Random : TuneAlgorithm.Bayesian,
                // Random search learns nothing from results: one batch. BO asks --parallel at a time; a Slurm round is one
                // job array, so at least 8 there to spread its start-up cost.
                BatchSize = Search == "random" ? Trials : Scheduler == "slurm" ? Math.Max(TuneParallelism, 8) : TuneParallelism,
                TrialCommand = new BacktestTrialCommand(["dotnet", TradingReleaseDirectory / "edgerisk-trading.dll"], RootDirectory / "data" / "lean", Symbols, Strategy),
                ApplyTo = Apply ? (string)ConfigDirectory : null,
            }, scheduler, Log.Information, Cancellation);
            if (outcome.Proposal is null)
            {
                throw new InvalidOperationException($"Tune: no trial was feasible on the validation window, no proposal; see {outcome.ReportPath}");
            }
        });

    string? TuneSpaceProblem()
    {
        try
        {
            TuneSpaceLoader.Load(RootDirectory / TuneSpace, ConfigDirectory);
            return null;
        }
        catch (TuneSpaceException e)
        {
            return e.Message;
        }
    }
}
