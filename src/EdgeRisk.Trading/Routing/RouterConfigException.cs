namespace EdgeRisk.Trading.Routing;

/// <summary>Invalid router configuration; the message is one line naming the file, the key and the valid range.</summary>
public sealed class RouterConfigException : Exception
{
    public RouterConfigException(string message)
        : base(message)
    {
    }

    public RouterConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RouterConfigException()
    {
    }
}
