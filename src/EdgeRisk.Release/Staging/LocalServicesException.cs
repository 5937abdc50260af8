namespace EdgeRisk.Release.Staging;

/// <summary>A local service could not be started or stopped; the message names the service and the fix.</summary>
public sealed class LocalServicesException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);
