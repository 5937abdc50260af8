namespace EdgeRisk.Release.Grafana;

/// <summary>An import file is unreadable or incomplete; raised before any call to Grafana.</summary>
public sealed class GrafanaImportFileException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);
