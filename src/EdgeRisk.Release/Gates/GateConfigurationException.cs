namespace EdgeRisk.Release.Gates;

/// <summary>Bad input to the evaluation (names the input and the fix); the caller exits non-zero and writes nothing.</summary>
public sealed class GateConfigurationException : Exception
{
    public GateConfigurationException(string message)
        : base(message)
    {
    }

    public GateConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
