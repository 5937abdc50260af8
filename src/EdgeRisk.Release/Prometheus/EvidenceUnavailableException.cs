namespace EdgeRisk.Release.Prometheus;

/// <summary>Evidence could not be read (Prometheus unreachable, an error reply, a missing evidence file): the gate is INCONCLUSIVE.</summary>
public sealed class EvidenceUnavailableException : Exception
{
    public EvidenceUnavailableException(string message)
        : base(message)
    {
    }

    public EvidenceUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
