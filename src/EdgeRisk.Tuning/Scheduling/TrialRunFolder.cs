using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EdgeRisk.Tuning.Scheduling;

/// <summary>
/// The run folder shared by a batch's trials, wherever they run:
/// <c>trial.sh</c> (the wrapper), <c>trials/&lt;id&gt;.argv</c> (each command, NUL-separated), <c>results/&lt;id&gt;.json</c>
/// (written only by renaming a finished temp file in the same folder), <c>logs/&lt;id&gt;.log</c> and <c>logs/&lt;id&gt;.exit</c>
/// (the command's output and last exit code), <c>slurm/</c> (array script, manifests, job ids, per-task output).
/// </summary>
internal sealed class TrialRunFolder
{
    public const string WrapperName = "trial.sh";

    // The one wrapper every scheduler runs: a result exists only when the command exited 0 and wrote its file; a task killed
    // at any point leaves at most a hidden temp file, and a trial whose result exists is never run again.
    private const string Wrapper = """
        #!/usr/bin/env bash
        # Runs one trial of this run folder: trial.sh <run-folder> <trial-id>
        set -u
        run=$1
        id=$2
        result="$run/results/$id.json"
        [ -e "$result" ] && exit 0
        mapfile -d '' argv < "$run/trials/$id.argv" || { echo "trial $id: cannot read $run/trials/$id.argv" >&2; exit 3; }
        tmp="$run/results/.$id.$(hostname -s).$$.tmp"
        rm -f "$tmp"
        argv=("${argv[@]//\{result\}/$tmp}")
        echo "== trial $id on $(hostname -s) at $(date -u +%FT%TZ)${SLURM_JOB_ID:+ (slurm job $SLURM_JOB_ID)}" >>"$run/logs/$id.log"
        "${argv[@]}" >>"$run/logs/$id.log" 2>&1 </dev/null
        code=$?
        if [ "$code" -eq 0 ] && [ ! -s "$tmp" ]; then
          echo "trial $id: the command exited 0 without writing its result file" >>"$run/logs/$id.log"
          code=4
        fi
        printf '%s\n' "$code" >"$run/logs/.$id.exit.$$" && mv -f "$run/logs/.$id.exit.$$" "$run/logs/$id.exit"
        if [ "$code" -eq 0 ]; then
          mv -f "$tmp" "$result"
        else
          rm -f "$tmp"
        fi
        exit "$code"

        """;

    private const int LogTailLines = 20;

    private TrialRunFolder(string path) => Path = path;

    public string Path { get; }

    public string WrapperPath => Combine(WrapperName);

    public string SlurmFolder => Combine("slurm");

    /// <summary>Creates the layout and writes the wrapper and every trial's argv (idempotent: a resumed batch rewrites the same files).</summary>
    public static TrialRunFolder Prepare(TrialBatch batch)
    {
        var folder = new TrialRunFolder(batch.RunFolder);
        try
        {
            foreach (var sub in new[] { "trials", "results", "logs", "slurm" })
            {
                Directory.CreateDirectory(folder.Combine(sub));
            }

            WriteAtomically(folder.WrapperPath, Wrapper.Replace("\r\n", "\n", StringComparison.Ordinal));
            foreach (var trial in batch.Trials)
            {
                WriteAtomically(folder.Combine("trials", trial.Id + ".argv"), string.Concat(trial.Command.Select(a => a + "\0")));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrialSchedulingException($"run folder '{batch.RunFolder}' is not writable ({e.Message}): choose a writable folder", e);
        }

        return folder;
    }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public bool HasResult(string trialId) => File.Exists(ResultPath(trialId));

    public string ResultPath(string trialId) => Combine("results", trialId + ".json");

    /// <summary>The trials whose result file already exists (resumed, never run again) and those still to run.</summary>
    public (IReadOnlyList<TrialResult> Finished, IReadOnlyList<Trial> Pending) Split(IEnumerable<Trial> trials)
    {
        var finished = new List<TrialResult>();
        var pending = new List<Trial>();
        foreach (var trial in trials)
        {
            if (TryReadResult(trial.Id, attempts: 0) is { } earlier)
            {
                finished.Add(earlier);
            }
            else
            {
                pending.Add(trial);
            }
        }

        return (finished, pending);
    }

    /// <summary>The trial's result when its result file exists: succeeded with its JSON, or failed when the file is not JSON.</summary>
    public TrialResult? TryReadResult(string trialId, int attempts)
    {
        string json;
        try
        {
            json = File.ReadAllText(ResultPath(trialId));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new TrialResult(trialId, TrialOutcome.Failed, null, ReadExitCode(trialId),
                $"results/{trialId}.json is not JSON ({e.Message})", attempts);
        }

        return new TrialResult(trialId, TrialOutcome.Succeeded, json, 0, null, attempts);
    }

    /// <summary>A trial that ended without a result after its last attempt: its exit code (when the wrapper got to write one) and log tail.</summary>
    public TrialResult Failed(string trialId, int attempts, int? exitCode = null) =>
        new(trialId, TrialOutcome.Failed, null, exitCode ?? ReadExitCode(trialId), LogTail(trialId), attempts);

    public int? ReadExitCode(string trialId)
    {
        var path = Combine("logs", trialId + ".exit");
        return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
    }

    public string LogTail(string trialId)
    {
        var path = Combine("logs", trialId + ".log");
        if (!File.Exists(path))
        {
            return "(no log: the trial never started)";
        }

        var lines = File.ReadAllLines(path);
        return string.Join('\n', lines.TakeLast(LogTailLines));
    }

    public static void WriteAtomically(string path, string content)
    {
        var temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "." + System.IO.Path.GetFileName(path) + ".tmp");
        File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
    }
}
