namespace EdgeRisk.Release.DryRun;

/// <summary>The dry run or its evidence pipeline cannot go on; the message is one line naming the input and the fix.</summary>
public class DryRunException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);
