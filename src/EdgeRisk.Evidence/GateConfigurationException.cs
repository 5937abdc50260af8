namespace EdgeRisk.Evidence;

/// <summary>Bad input to the evaluation (names the input and the fix); the caller exits non-zero and writes nothing.</summary>
public sealed class GateConfigurationException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);
