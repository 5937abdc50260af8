namespace EdgeRisk.Release.Staging;

/// <summary>docker-compose (or docker) failed; the message names the command and the tool's own last lines.</summary>
public sealed class ComposeException : Exception
{
    public ComposeException(string message)
        : base(message)
    {
    }

    public ComposeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ComposeException()
    {
    }
}
