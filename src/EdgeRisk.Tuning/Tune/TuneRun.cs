using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EdgeRisk.Tuning.Optimisation;
using EdgeRisk.Tuning.Scheduling;
using EdgeRisk.Tuning.SearchSpace;
using OptimiserTrial = EdgeRisk.Tuning.Optimisation.Trial;
using SchedulingTrial = EdgeRisk.Tuning.Scheduling.Trial;

namespace EdgeRisk.Tuning.Tune;

/// <summary>A trial of the run: its values, its judgement on the tuning window and (top-k only) on the validation window.</summary>
public sealed record TuneTrialRecord(int Number, string Id, IReadOnlyList<double> Values, ObjectiveValue Tuning, int Attempts)
{
    public ObjectiveValue? Validation { get; init; }

    /// <summary>In-sample minus out-of-sample objective (null without a feasible validation).</summary>
    public double? Gap => Validation is { Feasible: true } v && Tuning.Feasible ? Tuning.Objective - v.Objective : null;
}

/// <summary>The result of a tuning run: its folder, the trials, and the proposal (null when no trial validated).</summary>
public sealed record TuneOutcome(string RunFolder, IReadOnlyList<TuneTrialRecord> Trials, TuneTrialRecord? Proposal, string? ProposalDirectory, int TrialsRunNow)
{
    public string ReportPath => Path.Combine(RunFolder, "report.md");
}

/// <summary>
/// A tuning run: ask a batch of the optimiser, write each trial's config folder, run the batch through the scheduler, tell
/// the results in trial order; until --trials. Then the top-k feasible trials are replayed on the validation window and the
/// best validated one is the proposal. Everything lives in one run folder, so a killed run started again resumes: the
/// journal's trials are asked again (the optimiser is deterministic), their results are read back, only the rest run.
/// </summary>
public static class TuneRun
{
    public static async Task<TuneOutcome> RunAsync(TuneOptions options, ITrialScheduler scheduler, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        TuneSpace space;
        try
        {
            space = TuneSpaceLoader.Load(options.SpaceFile, options.ConfigDirectory);
        }
        catch (TuneSpaceException e)
        {
            throw new TuneException(e.Message, e);
        }

        var runFolder = Path.GetFullPath(Path.Combine(options.OutputRoot, options.RunName ?? RunName(options, space)));
        Directory.CreateDirectory(runFolder);
        log($"tune: run folder {runFolder} ({options.Algorithm}, seed {options.Seed}, {options.Trials} trials, tuning {options.TuningWindow}, validation {options.ValidationWindow})");
        var optimiser = CreateOptimiser(space, options);
        var journal = TuneJournal.Open(Path.Combine(runFolder, "journal.jsonl"));
        var records = new List<TuneTrialRecord>();
        var ranNow = 0;
        var batchIndex = 0;
        while (records.Count < options.Trials)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var journalled = journal.Entries.Where(e => e.Batch == batchIndex).ToList();
            var count = journalled.Count > 0 ? journalled.Count : Math.Min(options.BatchSize, options.Trials - records.Count);
            var asked = optimiser.Ask(count);
            if (journalled.Count > 0)
            {
                Check(asked, journalled, runFolder);
            }
            else
            {
                journal.Append(asked.Select(t => new JournalEntry(t.Number, batchIndex, [.. t.Values])));
            }

            var trials = asked.Select(t => new SchedulingTrial(TrialId(t.Number), options.TrialCommand.Build(
                TrialConfig(runFolder, space, options, t), options.TuningWindow, Path.Combine(TrialFolder(runFolder, t.Number), "tuning")))).ToList();
            var results = await Collect(scheduler, new TrialBatch(runFolder, trials), cancellationToken);
            foreach (var t in asked)
            {
                var result = results[TrialId(t.Number)];
                var value = TuneObjective.Evaluate(result.Succeeded ? result.Json : null, options.Objective);
                if (!result.Succeeded)
                {
                    value = value with { Violation = string.Create(CultureInfo.InvariantCulture, $"trial failed (exit {result.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"})") };
                }

                optimiser.Tell(t, double.IsFinite(value.Objective) ? value.Objective : 0d, value.Feasible && double.IsFinite(value.Objective));
                records.Add(new TuneTrialRecord(t.Number, TrialId(t.Number), t.Values, value, result.Attempts));
                ranNow += result.Attempts > 0 ? 1 : 0;
            }

            var best = optimiser.Best;
            log(string.Create(CultureInfo.InvariantCulture,
                $"tune: {records.Count}/{options.Trials} trials, {records.Count(r => r.Tuning.Feasible)} feasible, best {(best is null ? "none" : best.Objective.ToString("0.####", CultureInfo.InvariantCulture))}"));
            batchIndex++;
        }

        records = await Validate(records, runFolder, space, options, scheduler, cancellationToken);
        var proposal = records.Where(r => r.Validation is { Feasible: true })
            .OrderByDescending(r => r.Validation!.Objective).ThenBy(r => r.Number).FirstOrDefault();
        string? proposalDirectory = null;
        if (proposal is not null)
        {
            proposalDirectory = Path.Combine(runFolder, "proposal");
            TrialConfigWriter.Write(options.ConfigDirectory, space, proposal.Values, proposalDirectory);
        }
        else if (Directory.Exists(Path.Combine(runFolder, "proposal")))
        {
            Directory.Delete(Path.Combine(runFolder, "proposal"), recursive: true);
        }

        var outcome = new TuneOutcome(runFolder, records, proposal, proposalDirectory, ranNow);
        TuneReport.Write(outcome, space, options, optimiser);
        log(proposal is null
            ? $"tune: no trial is feasible on the validation window: no proposal ({outcome.ReportPath})"
            : string.Create(CultureInfo.InvariantCulture,
                $"tune: proposal trial {proposal.Id}: {options.Objective.Statistic} {proposal.Tuning.Objective:0.####} in sample, {proposal.Validation!.Objective:0.####} out of sample (gap {proposal.Gap:0.####}); {proposalDirectory}, {outcome.ReportPath}"));
        if (options.ApplyTo is { } applyTo)
        {
            if (proposalDirectory is null)
            {
                throw new TuneException($"--apply: no proposal to apply (no trial feasible on the validation window); {applyTo} is unchanged, see {outcome.ReportPath}");
            }

            var applied = TuneApply.Apply(proposalDirectory, applyTo);
            log($"tune: --apply wrote {string.Join(", ", applied)} into {applyTo}");
        }

        return outcome;
    }

    /// <summary>The run folder's name: algorithm, seed and a hash of the space, the base config, windows and objective, so
    /// the same inputs land in (and resume or extend) the same folder, and changed inputs start a new one.</summary>
    public static string RunName(TuneOptions options, TuneSpace space)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        text.Append(File.ReadAllText(options.SpaceFile)).Append('\0');
        foreach (var name in TrialConfigWriter.Files(space))
        {
            var file = Path.Combine(options.ConfigDirectory, name);
            text.Append(name).Append('\0').Append(File.Exists(file) ? File.ReadAllText(file) : "").Append('\0');
        }

        text.Append(CultureInfo.InvariantCulture, $"{options.TuningWindow}|{options.ValidationWindow}|{options.Objective}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..10];
        var algorithm = options.Algorithm == TuneAlgorithm.Bayesian ? "bo" : "random";
        return string.Create(CultureInfo.InvariantCulture, $"{algorithm}-seed{options.Seed}-{hash}");
    }

    public static string TrialId(int number) => string.Create(CultureInfo.InvariantCulture, $"t{number:D4}");

    private static string ValidationId(int number) => string.Create(CultureInfo.InvariantCulture, $"v{number:D4}");

    private static string TrialFolder(string runFolder, int number) => Path.Combine(runFolder, "trial", TrialId(number));

    private static IOptimiser CreateOptimiser(TuneSpace space, TuneOptions options) => options.Algorithm == TuneAlgorithm.Bayesian
        ? new GaussianProcessOptimiser(space, new GaussianProcessOptions { Seed = options.Seed, Direction = Direction.Maximise })
        : new RandomSearchOptimiser(space, options.Seed, Direction.Maximise);

    private static string TrialConfig(string runFolder, TuneSpace space, TuneOptions options, OptimiserTrial trial)
    {
        var directory = Path.Combine(TrialFolder(runFolder, trial.Number), "config");
        TrialConfigWriter.Write(options.ConfigDirectory, space, trial.Values, directory);
        return directory;
    }

    private static void Check(IReadOnlyList<OptimiserTrial> asked, List<JournalEntry> journalled, string runFolder)
    {
        for (var i = 0; i < asked.Count; i++)
        {
            var entry = journalled[i];
            if (entry.Number != asked[i].Number || entry.Values.Length != asked[i].Values.Count
                || entry.Values.Where((v, j) => Math.Abs(v - asked[i].Values[j]) > 1e-9 * Math.Max(1d, Math.Abs(v))).Any())
            {
                throw new TuneException($"{Path.Combine(runFolder, "journal.jsonl")}: trial {entry.Number} was asked with other values than this run asks; the folder holds another search: delete it or give another --seed");
            }
        }
    }

    private static async Task<Dictionary<string, Scheduling.TrialResult>> Collect(ITrialScheduler scheduler, TrialBatch batch, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, Scheduling.TrialResult>(StringComparer.Ordinal);
        await foreach (var result in scheduler.RunAsync(batch, cancellationToken))
        {
            results[result.TrialId] = result;
        }

        var missing = batch.Trials.FirstOrDefault(t => !results.ContainsKey(t.Id));
        return missing is null
            ? results
            : throw new TuneException($"trial {missing.Id}: the scheduler returned no result; run Tune again to resume");
    }

    private static async Task<List<TuneTrialRecord>> Validate(List<TuneTrialRecord> records, string runFolder, TuneSpace space,
        TuneOptions options, ITrialScheduler scheduler, CancellationToken cancellationToken)
    {
        var top = records.Where(r => r.Tuning.Feasible).OrderByDescending(r => r.Tuning.Objective).ThenBy(r => r.Number).Take(options.TopK).ToList();
        if (top.Count == 0)
        {
            return records;
        }

        var trials = top.Select(r => new SchedulingTrial(ValidationId(r.Number), options.TrialCommand.Build(
            Path.Combine(TrialFolder(runFolder, r.Number), "config"), options.ValidationWindow,
            Path.Combine(TrialFolder(runFolder, r.Number), "validation")))).ToList();
        var results = await Collect(scheduler, new TrialBatch(runFolder, trials), cancellationToken);
        return records.Select(r =>
        {
            if (!results.TryGetValue(ValidationId(r.Number), out var result))
            {
                return r;
            }

            var value = TuneObjective.Evaluate(result.Succeeded ? result.Json : null, options.Objective);
            return r with { Validation = result.Succeeded ? value : value with { Violation = "validation trial failed" } };
        }).ToList();
    }
}

/// <summary>--apply: copies a complete run's proposal into config/, each file through a temp file and a rename.</summary>
public static class TuneApply
{
    public static IReadOnlyList<string> Apply(string proposalDirectory, string configDirectory)
    {
        var files = Directory.GetFiles(proposalDirectory, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new TuneException($"{proposalDirectory}: no proposal files; run Tune to the end first");
        }

        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(configDirectory, "." + Path.GetFileName(file) + ".tune.tmp"), overwrite: true);
        }

        foreach (var file in files)
        {
            File.Move(Path.Combine(configDirectory, "." + Path.GetFileName(file) + ".tune.tmp"), Path.Combine(configDirectory, Path.GetFileName(file)), overwrite: true);
        }

        return files.Select(Path.GetFileName).ToList()!;
    }
}
