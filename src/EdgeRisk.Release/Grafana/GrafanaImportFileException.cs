namespace EdgeRisk.Release.Grafana;

/// <summary>An import file is unreadable or incomplete; raised before any call to Grafana.</summary>
public sealed class GrafanaImportFileException : Exception
{
    public GrafanaImportFileException(string message)
        : base(message)
    {
    }

    public GrafanaImportFileException()
    {
    }

    public GrafanaImportFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
