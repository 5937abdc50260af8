namespace EdgeRisk.Nuke;

/// <summary>
/// A problem with the command line, parameters or target graph, detected before any target runs.
/// The message is one line; the process exits with code 2.
/// </summary>
public sealed class BuildConfigurationException : Exception
{
    public BuildConfigurationException()
    {
    }

    public BuildConfigurationException(string message)
        : base(message)
    {
    }

    public BuildConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
