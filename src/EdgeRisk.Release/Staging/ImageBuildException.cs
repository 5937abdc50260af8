namespace EdgeRisk.Release.Staging;

/// <summary>The image build or push failed or ran out of time; the message names the step and the script's last lines.</summary>
public sealed class ImageBuildException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);
