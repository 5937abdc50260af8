namespace EdgeRisk.Release.Images;

/// <summary>A registry problem or a missing image; the message is one line naming the image or registry and the fix.</summary>
public sealed class RegistryException : Exception
{
    public RegistryException()
    {
    }

    public RegistryException(string message)
        : base(message)
    {
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
