namespace EdgeRisk.Tuning.SearchSpace;

/// <summary>An invalid search space; the message is one line naming the file, the parameter and the fix.</summary>
public sealed class TuneSpaceException : Exception
{
    public TuneSpaceException()
    {
    }

    public TuneSpaceException(string message)
        : base(message)
    {
    }

    public TuneSpaceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
