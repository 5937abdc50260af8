namespace EdgeRisk.Trading.Routing;

/// <summary>Invalid router configuration; the message is one line naming the file, the key and the valid range.</summary>
public sealed class RouterConfigException(string message, Exception? innerException = null) : Exception(message, innerException);
