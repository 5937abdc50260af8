namespace EdgeRisk.Nuke.Execution;

/// <summary>Where whole lines of build output go; implementations are thread-safe.</summary>
internal interface IBuildDisplay
{
    /// <summary>True when lines may carry ANSI colours (a terminal without <c>NO_COLOR</c>).</summary>
    bool IsColored => false;

    void WriteLine(string line);

    /// <summary>Writes <paramref name="lines"/> as one block: no line of another target comes between them.</summary>
    void WriteLines(IReadOnlyList<string> lines);

    void TargetStarted(string name);

    void TargetFinished(string name);

    Task RunAsync(Func<Task> execution);
}
