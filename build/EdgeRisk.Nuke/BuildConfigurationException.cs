namespace EdgeRisk.Nuke;

/// <summary>
/// A problem with the command line, parameters, target graph or configuration (missing variables, bad input). Detected
/// before any target runs, or thrown by a target (e.g. a staging-only step without its variables). The message is one
/// line; the process exits with code 2 (a run whose failed targets all failed this way).
/// </summary>
public sealed class BuildConfigurationException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);
