namespace EdgeRisk.Evidence;

/// <summary>
/// An input of the evidence (a recorded metrics file, a rule file, a Prometheus duration) cannot be read; the message is
/// one line naming the input and the fix.
/// </summary>
public sealed class EvidenceInputException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);
