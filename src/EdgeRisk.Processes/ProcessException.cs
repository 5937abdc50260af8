namespace EdgeRisk.Processes;

/// <summary>A process could not be started, timed out or exited non-zero; the message names the tool, never its arguments.</summary>
public class ProcessException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);

/// <summary>A process ran past its time limit and was killed with its children; <see cref="LastOutput"/> is what it said last.</summary>
public sealed class ProcessTimeoutException(string message, string lastOutput) : ProcessException(message)
{
    public string LastOutput { get; } = lastOutput;
}
