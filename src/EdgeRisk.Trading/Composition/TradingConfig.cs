using EdgeRisk.Trading.Engine;
using EdgeRisk.Trading.Execution;
using EdgeRisk.Trading.Models;
using EdgeRisk.Trading.Risk;
using EdgeRisk.Trading.Strategies;

namespace EdgeRisk.Trading.Composition;

/// <summary>Strategy, risk and execution settings (<c>config/strategy.json</c>); router rules live in <c>router.json</c>.</summary>
public sealed record TradingConfig
{
    /// <summary><c>dual-horizon</c> or <c>ema-cross</c>.</summary>
    public string Strategy { get; set; } = "dual-horizon";

    public TradingEngineOptions Engine { get; set; } = new();

    public PaperExecutionOptions Paper { get; set; } = new();

    public RiskOptions Risk { get; set; } = new();

    public DualHorizonOptions DualHorizon { get; set; } = new();

    public MeanReversionOptions ShortModel { get; set; } = new();

    public EmaTrendOptions LongModel { get; set; } = new();

    public EmaCrossOptions EmaCross { get; set; } = new();
}
