namespace EdgeRisk.Trading.Host.Cli;

/// <summary>Bad command-line input: printed as one line plus a usage hint, exit code 2.</summary>
public sealed class UsageException(string message) : EdgeRiskException(message);
