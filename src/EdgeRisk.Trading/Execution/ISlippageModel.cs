namespace EdgeRisk.Trading.Execution;

/// <summary>Adverse price move in bps for executing <c>quantity</c> against a bar of <c>barVolume</c>.</summary>
public interface ISlippageModel
{
    decimal SlippageBps(decimal quantity, decimal barVolume);
}
