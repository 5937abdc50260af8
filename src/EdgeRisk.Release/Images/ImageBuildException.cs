namespace EdgeRisk.Release.Images;

/// <summary>The image build or push failed or ran out of time; the message names the step and the script's last lines.</summary>
public sealed class ImageBuildException : Exception
{
    public ImageBuildException()
    {
    }

    public ImageBuildException(string message)
        : base(message)
    {
    }

    public ImageBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
