using System.Globalization;
using System.Runtime.CompilerServices;

namespace EdgeRisk.Tuning.Scheduling;

/// <summary>Options of <see cref="SlurmTrialScheduler"/> (<c>--scheduler slurm</c>).</summary>
public sealed record SlurmSchedulerOptions
{
    /// <summary>The cluster's slurm.conf; every Slurm command runs with SLURM_CONF set to it.</summary>
    public required string SlurmConf { get; init; }

    /// <summary>Partition to submit to; null for the cluster's default partition.</summary>
    public string? Partition { get; init; }

    /// <summary>Array throttle: at most this many tasks of the array run at once (<c>%N</c>); 0 leaves it to the cluster.</summary>
    public int MaxRunning { get; init; }

    /// <summary>Times a trial whose task ended without a result is resubmitted before it is recorded as failed.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>
    /// Trials one array task runs one after the other (Slurm spends the better part of a second starting and ending a task,
    /// more than a trial takes); 0 picks four tasks per CPU of the partition.
    /// </summary>
    public int TrialsPerTask { get; init; }

    /// <summary>How often squeue is asked whether the array is done (and new results are collected).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive squeue failures (controller restarting) tolerated before the run stops.</summary>
    public int QueryFailuresTolerated { get; init; } = 10;

    public string JobName { get; init; } = "edgerisk-trials";

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public void Validate()
    {
        ThrowIf(string.IsNullOrWhiteSpace(SlurmConf) || !File.Exists(SlurmConf), $"--slurm-conf '{SlurmConf}' does not exist: give the cluster's slurm.conf (the file its controller was started with)");
        ThrowIf(MaxRunning < 0, $"--parallel {MaxRunning} is not valid with --scheduler slurm: give 0 (no throttle) or more");
        ThrowIf(Retries < 0, $"retries {Retries} is not valid: give 0 or more");
        ThrowIf(TrialsPerTask < 0, $"--trials-per-task {TrialsPerTask} is not valid: give 0 (four tasks per CPU) or more");
        ThrowIf(PollInterval <= TimeSpan.Zero, $"poll interval {PollInterval} is not valid: give a positive interval");
    }

    private static void ThrowIf(bool invalid, string problem)
    {
        if (invalid)
        {
            throw new TrialSchedulingException(problem);
        }
    }
}

/// <summary>
/// Runs a batch as one Slurm job array per round: line i of the round's manifest (<c>slurm/manifest-NNNN.txt</c>) lists the
/// trials array index i runs, one after the other, through the run folder's wrapper. A task Slurm requeues (node lost, spot interruption,
/// <c>scontrol requeue</c>) simply runs again; its trial has one result file whatever happens. When squeue no longer shows
/// the array, trials still without a result are resubmitted in the next round, up to <see cref="SlurmSchedulerOptions.Retries"/>
/// times. Job state comes from squeue only (no accounting needed); results from the run folder.
/// </summary>
public sealed class SlurmTrialScheduler : ITrialScheduler
{
    private const string InstallHint = "install slurm-wlm (sudo bash scripts/install-deps.sh) or use --scheduler local";

    private const string ArrayScript = """
        #!/usr/bin/env bash
        # One task of a trial array: array.sh <run-folder> <manifest>; line SLURM_ARRAY_TASK_ID+1 of the manifest lists its trials.
        set -u
        run=$1
        manifest=$2
        ids=$(sed -n "$((SLURM_ARRAY_TASK_ID + 1))p" "$manifest")
        [ -n "$ids" ] || { echo "no trials at index $SLURM_ARRAY_TASK_ID of $manifest" >&2; exit 3; }
        code=0
        for id in $ids; do
          bash "$run/trial.sh" "$run" "$id" || code=$?
        done
        exit "$code"

        """;

    private readonly SlurmSchedulerOptions _options;
    private readonly Dictionary<string, string> _environment;

    public SlurmTrialScheduler(SlurmSchedulerOptions options)
    {
        options.Validate();
        _options = options;
        _environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["SLURM_CONF"] = Path.GetFullPath(options.SlurmConf) };
    }

    public async IAsyncEnumerable<TrialResult> RunAsync(TrialBatch batch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var folder = TrialRunFolder.Prepare(batch);
        var (finished, pendingTrials) = folder.Split(batch.Trials);
        foreach (var earlier in finished)
        {
            yield return earlier;
        }

        var pending = pendingTrials.Select(trial => trial.Id).ToList();

        if (pending.Count == 0)
        {
            yield break;
        }

        var script = Path.Combine(folder.SlurmFolder, "array.sh");
        TrialRunFolder.WriteAtomically(script, ArrayScript.Replace("\r\n", "\n", StringComparison.Ordinal));
        for (var round = 1; pending.Count > 0; round++)
        {
            var jobId = await SubmitAsync(folder, script, pending, cancellationToken);
            var running = true;
            try
            {
                var collected = new HashSet<string>(StringComparer.Ordinal);
                while (running)
                {
                    await Task.Delay(_options.PollInterval, _options.TimeProvider, cancellationToken);
                    running = await IsActiveAsync(jobId, cancellationToken);
                    foreach (var id in pending.Where(id => !collected.Contains(id)))
                    {
                        if (folder.TryReadResult(id, round) is { } result)
                        {
                            collected.Add(id);
                            yield return result;
                        }
                    }
                }

                pending.RemoveAll(collected.Contains);
            }
            finally
            {
                if (running)
                {
                    // Stopped early (cancelled, or the consumer stopped reading): the array's tasks go too.
                    await SlurmAsync("scancel", [jobId], CancellationToken.None);
                }
            }

            if (round > _options.Retries)
            {
                foreach (var id in pending)
                {
                    yield return folder.Failed(id, round);
                }

                yield break;
            }
        }
    }

    private async Task<string> SubmitAsync(TrialRunFolder folder, string script, IReadOnlyList<string> trialIds, CancellationToken cancellationToken)
    {
        var number = Directory.GetFiles(folder.SlurmFolder, "manifest-*.txt").Length + 1;
        var name = $"manifest-{number.ToString("D4", CultureInfo.InvariantCulture)}";
        var manifest = Path.Combine(folder.SlurmFolder, name + ".txt");
        var perTask = _options.TrialsPerTask > 0 ? _options.TrialsPerTask : await AutoTrialsPerTaskAsync(trialIds.Count, cancellationToken);
        var tasks = trialIds.Chunk(perTask).ToArray();
        TrialRunFolder.WriteAtomically(manifest, string.Concat(tasks.Select(ids => string.Join(' ', ids) + "\n")));
        var throttle = _options.MaxRunning > 0 ? "%" + _options.MaxRunning.ToString(CultureInfo.InvariantCulture) : "";
        List<string> arguments =
        [
            "--parsable",
            $"--array=0-{(tasks.Length - 1).ToString(CultureInfo.InvariantCulture)}{throttle}",
            "--requeue",
            $"--job-name={_options.JobName}",
            $"--output={Path.Combine(folder.SlurmFolder, "%A_%a.out")}",
            $"--chdir={folder.Path}",
            "--ntasks=1",
            "--cpus-per-task=1",
        ];
        if (_options.Partition is { } partition)
        {
            arguments.Add($"--partition={partition}");
        }

        arguments.AddRange([script, folder.Path, manifest]);
        var submitted = await SlurmAsync("sbatch", arguments, cancellationToken);
        if (submitted.ExitCode != 0)
        {
            throw new TrialSchedulingException(
                $"sbatch failed (exit {submitted.ExitCode}): {submitted.FirstLine}; check the controller answers (SLURM_CONF={_environment["SLURM_CONF"]} scontrol ping) or fix --slurm-conf");
        }

        // --parsable prints "jobid" or "jobid;cluster".
        var jobId = submitted.Output.Trim().Split('\n')[^1].Split(';')[0].Trim();
        if (!long.TryParse(jobId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new TrialSchedulingException($"sbatch printed no job id ('{submitted.FirstLine}'): check the cluster with 'scontrol ping'");
        }

        TrialRunFolder.WriteAtomically(Path.Combine(folder.SlurmFolder, name + ".job"), jobId + "\n");
        return jobId;
    }

    /// <summary>Four array tasks per CPU of the partition (sinfo's total), so the load spreads and a requeued task redoes little.</summary>
    private async Task<int> AutoTrialsPerTaskAsync(int trials, CancellationToken cancellationToken)
    {
        List<string> arguments = ["--noheader", "--format=%C"];
        if (_options.Partition is { } partition)
        {
            arguments.Add($"--partition={partition}");
        }

        var info = await SlurmAsync("sinfo", arguments, cancellationToken);
        // %C is allocated/idle/other/total; a cluster that does not say counts as one CPU (one trial per task up to 4).
        var cpus = info.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split('/'))
            .Where(fields => fields.Length == 4)
            .Sum(fields => int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var total) ? total : 0);
        var tasks = 4 * Math.Max(1, cpus);
        return Math.Max(1, (trials + tasks - 1) / tasks);
    }

    /// <summary>Whether squeue still shows a task of the array (pending, running, requeued, completing).</summary>
    private async Task<bool> IsActiveAsync(string jobId, CancellationToken cancellationToken)
    {
        for (var failures = 0; ; failures++)
        {
            var queue = await SlurmAsync("squeue", ["--noheader", "--array", $"--jobs={jobId}", "--format=%i %T"], cancellationToken);
            if (queue.ExitCode == 0)
            {
                return !string.IsNullOrWhiteSpace(queue.Output);
            }

            if (queue.Output.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
            {
                return false; // finished and already purged from the controller
            }

            if (failures >= _options.QueryFailuresTolerated)
            {
                throw new TrialSchedulingException(
                    $"squeue failed {failures + 1} times in a row (exit {queue.ExitCode}): {queue.FirstLine}; check the controller (SLURM_CONF={_environment["SLURM_CONF"]} scontrol ping); the run resumes where it stopped");
            }

            await Task.Delay(_options.PollInterval, _options.TimeProvider, cancellationToken);
        }
    }

    private Task<CommandOutput> SlurmAsync(string command, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        SchedulerCommand.RunAsync(command, arguments, _environment, InstallHint, cancellationToken);
}
