namespace EdgeRisk.Release.Outbox;

/// <summary>
/// An integration is not configured: the message names every missing environment variable. The build maps it to exit 2.
/// </summary>
public sealed class IntegrationConfigurationException : Exception
{
    public IntegrationConfigurationException(string service, IReadOnlyList<string> missingVariables)
        : base($"{service} is not configured: set {string.Join(", ", missingVariables)}")
    {
        Service = service;
        MissingVariables = missingVariables;
    }

    public IntegrationConfigurationException()
    {
    }

    public IntegrationConfigurationException(string message)
        : base(message)
    {
    }

    public IntegrationConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string Service { get; } = "";

    public IReadOnlyList<string> MissingVariables { get; } = [];
}
