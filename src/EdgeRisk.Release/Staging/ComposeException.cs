namespace EdgeRisk.Release.Staging;

/// <summary>docker-compose (or docker) failed; the message names the command and the tool's own last lines.</summary>
public sealed class ComposeException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);
