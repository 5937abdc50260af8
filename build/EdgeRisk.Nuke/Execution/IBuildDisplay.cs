namespace EdgeRisk.Nuke.Execution;

/// <summary>Where whole lines of build output go; implementations are thread-safe.</summary>
internal interface IBuildDisplay
{
    void WriteLine(string line);

    void TargetStarted(string name);

    void TargetFinished(string name);

    Task RunAsync(Func<Task> execution);
}
