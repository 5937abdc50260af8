namespace EdgeRisk.Release.DryRun.Supervision;

/// <summary>The dry run or its evidence pipeline cannot go on; the message is one line naming the input and the fix.</summary>
public class DryRunException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException)
{
    /// <summary>The error for a dry-run state file at <paramref name="path"/> that is empty or unreadable (see <see cref="StateFile"/>).</summary>
    internal static Func<string, Exception?, Exception> UnreadableState(string path) =>
        (problem, inner) => new DryRunException($"{path} {problem}; delete it and re-run the dry run", inner);
}
