namespace EdgeRisk.Nuke.Tooling;

/// <summary>A tool exited with a non-zero code or timed out; the message names the tool, never its arguments.</summary>
public sealed class ProcessException : Exception
{
    public ProcessException()
    {
    }

    public ProcessException(string message)
        : base(message)
    {
    }

    public ProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
