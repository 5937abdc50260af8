namespace EdgeRisk.Evidence;

/// <summary>Evidence could not be read (Prometheus unreachable, an error reply, a missing evidence file): the gate is INCONCLUSIVE.</summary>
public sealed class EvidenceUnavailableException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);
