namespace EdgeRisk.Trading.Execution;

/// <summary>Slippage = fixed bps + impact bps × participation (quantity / bar volume).</summary>
public sealed class LinearImpactSlippageModel(decimal fixedBps, decimal impactBpsAtFullVolume) : ISlippageModel
{
    public decimal FixedBps { get; } = fixedBps >= 0m ? fixedBps : throw new ArgumentOutOfRangeException(nameof(fixedBps));

    public decimal ImpactBpsAtFullVolume { get; } = impactBpsAtFullVolume >= 0m ? impactBpsAtFullVolume : throw new ArgumentOutOfRangeException(nameof(impactBpsAtFullVolume));

    public decimal SlippageBps(decimal quantity, decimal barVolume)
        => barVolume <= 0m ? FixedBps : FixedBps + (ImpactBpsAtFullVolume * Math.Min(1m, quantity / barVolume));
}
