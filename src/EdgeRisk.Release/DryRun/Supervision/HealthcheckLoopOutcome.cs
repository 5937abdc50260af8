namespace EdgeRisk.Release.DryRun.Supervision;

/// <summary>
/// The watchdog during the dry run: the pid of every start, the exit codes of the runs that ended on their own (a
/// failed check exits 1 after paging), and whether the dry run stopped the last one.
/// </summary>
public sealed record HealthcheckLoopOutcome(string LogPath, IReadOnlyList<int> Pids, IReadOnlyList<int> ExitCodes, bool Stopped)
{
    public int Failures => ExitCodes.Count(c => c != 0);
}
