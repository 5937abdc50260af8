namespace EdgeRisk.Release.DryRun.Progress;

/// <summary>Receives the dry run's progress as it replays (often: every look at the recordings); shows what it wants of it.</summary>
public interface IDryRunProgressSink
{
    void Report(DryRunProgress progress);
}
