using System.Diagnostics;
using EdgeRisk.Tuning.Scheduling;

namespace EdgeRisk.Tuning.Tests.Scheduling;

/// <summary>Trivial trial commands (sh) that record each start in a folder, so a test can count how often a trial ran.</summary>
internal static class TrialCommands
{
    /// <summary>Appends a line to <c>&lt;starts&gt;/&lt;id&gt;</c> and writes {"trial": id} as its result.</summary>
    public static Trial Writing(string id, string starts) => new(id,
        ["sh", "-c", """echo "${SLURM_ARRAY_JOB_ID:-local}_${SLURM_ARRAY_TASK_ID:-0}" >> "$2/$3"; printf '{"trial":"%s"}' "$3" > "$1" """,
         "sh", Trial.ResultPlaceholder, starts, id]);

    /// <summary>Like <see cref="Writing"/>, but waits until the file <paramref name="release"/> exists before writing its result.</summary>
    public static Trial WaitingFor(string id, string starts, string release) => new(id,
        ["sh", "-c", """echo "${SLURM_ARRAY_JOB_ID:-local}_${SLURM_ARRAY_TASK_ID:-0}" >> "$2/$3"; while [ ! -e "$4" ]; do sleep 0.1; done; printf '{"trial":"%s"}' "$3" > "$1" """,
         "sh", Trial.ResultPlaceholder, starts, id, release]);

    /// <summary>Prints a line and exits 7 without a result, every time.</summary>
    public static Trial Failing(string id, string starts) => new(id,
        ["sh", "-c", """echo x >> "$2/$3"; echo "diverged at step 12" >&2; exit 7""", "sh", Trial.ResultPlaceholder, starts, id]);

    /// <summary>Fails on its first start, succeeds on the next.</summary>
    public static Trial FailingOnce(string id, string starts) => new(id,
        ["sh", "-c", """echo x >> "$2/$3"; [ "$(wc -l < "$2/$3")" -ge 2 ] || exit 9; printf '{"trial":"%s"}' "$3" > "$1" """,
         "sh", Trial.ResultPlaceholder, starts, id]);

    /// <summary>The folder in <paramref name="dir"/> where the trials record their starts.</summary>
    public static string StartsIn(TempDirectory dir) => Directory.CreateDirectory(dir.Combine("starts")).FullName;

    /// <summary>
    /// Trials t0..t{count-1} (t00.. with <paramref name="twoDigits"/>); those <paramref name="waiting"/> selects wait for the file
    /// <paramref name="release"/> before writing their result.
    /// </summary>
    public static Trial[] Numbered(int count, string starts, Func<int, bool>? waiting = null, string release = "", bool twoDigits = false) =>
    [
        .. Enumerable.Range(0, count).Select(i => (Id: twoDigits ? $"t{i:D2}" : $"t{i}", Waits: waiting?.Invoke(i) ?? false))
            .Select(t => t.Waits ? WaitingFor(t.Id, starts, release) : Writing(t.Id, starts)),
    ];

    /// <summary>The <see cref="Failing"/> trial <c>bad</c> ran <paramref name="attempts"/> times and is recorded failed with its exit code and last output.</summary>
    public static void AssertFailedEveryTime(IReadOnlyList<TrialResult> results, string starts, int attempts)
    {
        var bad = Assert.Single(results, r => r.TrialId == "bad");
        Assert.Equal(TrialOutcome.Failed, bad.Outcome);
        Assert.Equal(7, bad.ExitCode);
        Assert.Equal(attempts, bad.Attempts);
        Assert.Contains("diverged at step 12", bad.LogTail, StringComparison.Ordinal);
        Assert.Equal(attempts, Starts(starts, "bad"));
    }

    public static int Starts(string starts, string id)
    {
        var path = Path.Combine(starts, id);
        return File.Exists(path) ? File.ReadAllLines(path).Length : 0;
    }

    public static async Task<List<TrialResult>> CollectAsync(ITrialScheduler scheduler, TrialBatch batch, CancellationToken cancellationToken = default)
    {
        var results = new List<TrialResult>();
        await foreach (var result in scheduler.RunAsync(batch, cancellationToken))
        {
            results.Add(result);
        }

        return results;
    }

    /// <summary>Polls a condition (files appearing, queue state) with a generous limit; never a fixed sleep.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 120)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), $"not within {seconds} s: {what}");
            await Task.Delay(100);
        }
    }
}
