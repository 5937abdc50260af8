namespace EdgeRisk.Release.Outbox;

/// <summary>
/// An integration is not configured: the message names every missing environment variable. The build maps it to exit 2.
/// </summary>
public sealed class IntegrationConfigurationException : EdgeRiskException
{
    public IntegrationConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <param name="alternative">Another way to configure it, named after the variables in parentheses.</param>
    public IntegrationConfigurationException(string service, IReadOnlyList<string> missingVariables, string? alternative = null)
        : base($"{service} is not configured: set {string.Join(", ", missingVariables)}{(alternative is null ? string.Empty : $" ({alternative})")}")
    {
        Service = service;
        MissingVariables = missingVariables;
    }

    public string Service { get; } = "";

    public IReadOnlyList<string> MissingVariables { get; } = [];
}
