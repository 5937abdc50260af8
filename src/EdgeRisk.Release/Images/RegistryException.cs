namespace EdgeRisk.Release.Images;

/// <summary>A registry problem or a missing image; the message is one line naming the image or registry and the fix.</summary>
public sealed class RegistryException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);
