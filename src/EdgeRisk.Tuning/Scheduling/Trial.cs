using System.Text.RegularExpressions;

namespace EdgeRisk.Tuning.Scheduling;

/// <summary>
/// One trial: an id (a file-name-safe token) and the argv of the command that evaluates it. The command writes its result
/// JSON to the path given in place of <see cref="ResultPlaceholder"/>; the scheduler's wrapper turns that file into
/// <c>results/&lt;id&gt;.json</c> only when the command succeeded.
/// </summary>
public sealed partial record Trial
{
    /// <summary>The argument text replaced by the path the command writes its result JSON to.</summary>
    public const string ResultPlaceholder = "{result}";

    public Trial(string id, IReadOnlyList<string> command)
    {
        if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
        {
            throw new TrialSchedulingException(
                $"trial id '{id}' is not valid: use 1-100 letters, digits, '.', '_' or '-', not starting with '.' or '-'");
        }

        if (command.Count == 0 || string.IsNullOrEmpty(command[0]))
        {
            throw new TrialSchedulingException($"trial '{id}' has no command: give the argv of the command that evaluates it");
        }

        if (!command.Any(argument => argument.Contains(ResultPlaceholder, StringComparison.Ordinal)))
        {
            throw new TrialSchedulingException(
                $"trial '{id}' command never mentions {ResultPlaceholder}: pass it where the command writes its result JSON");
        }

        if (command.Any(argument => argument.Contains('\0', StringComparison.Ordinal)))
        {
            throw new TrialSchedulingException($"trial '{id}' command has a NUL character in an argument: remove it");
        }

        Id = id;
        Command = command.ToArray();
    }

    public string Id { get; }

    public IReadOnlyList<string> Command { get; }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}

/// <summary>A batch of trials sharing one run folder (on a shared filesystem when the trials run on other machines).</summary>
public sealed record TrialBatch
{
    public TrialBatch(string runFolder, IReadOnlyList<Trial> trials)
    {
        if (string.IsNullOrWhiteSpace(runFolder))
        {
            throw new TrialSchedulingException("the batch has no run folder: give the folder its results and logs go to");
        }

        var duplicate = trials.GroupBy(trial => trial.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new TrialSchedulingException($"trial id '{duplicate.Key}' appears more than once in the batch: give each trial its own id");
        }

        RunFolder = Path.GetFullPath(runFolder);
        Trials = trials.ToArray();
    }

    /// <summary>Absolute path of the run folder.</summary>
    public string RunFolder { get; }

    public IReadOnlyList<Trial> Trials { get; }
}

public enum TrialOutcome
{
    Succeeded,
    Failed,
}

/// <summary>
/// A trial's final result. <see cref="Attempts"/> is 0 for a result found from an earlier run (resume), else the number of
/// times this run started it. A failed trial carries the exit code of its last attempt (null when the task ended without
/// one, e.g. killed) and the tail of its log.
/// </summary>
public sealed record TrialResult(string TrialId, TrialOutcome Outcome, string? Json, int? ExitCode, string? LogTail, int Attempts)
{
    public bool Succeeded => Outcome == TrialOutcome.Succeeded;
}

/// <summary>A trial-scheduling error: one line naming the input or the tool and the fix.</summary>
public sealed class TrialSchedulingException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);

/// <summary>Runs a batch of trials and streams each trial's final result once, in completion order.</summary>
public interface ITrialScheduler
{
    /// <summary>
    /// Runs the trials of <paramref name="batch"/> that have no result yet (a result found in the run folder is streamed
    /// without running its trial again). Cancellation stops the running trials; a later call with the same batch resumes.
    /// </summary>
    IAsyncEnumerable<TrialResult> RunAsync(TrialBatch batch, CancellationToken cancellationToken);
}
