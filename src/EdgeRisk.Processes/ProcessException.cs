namespace EdgeRisk.Processes;

/// <summary>
/// A process could not be started, timed out or exited non-zero; the message names the tool, never its arguments. A
/// timed-out process (and its children) was killed: <see cref="TimedOut"/> is set and <see cref="LastOutput"/> is what it said last.
/// </summary>
public sealed class ProcessException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException)
{
    public bool TimedOut { get; init; }

    public string LastOutput { get; init; } = "";
}
