namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>How the live gate loop runs: the window it judges, how often, and the gate inputs.</summary>
public sealed record LiveGateOptions
{
    /// <summary>The whole soak window; the live loop judges [Start, t] at every <see cref="Interval"/> of run time.</summary>
    public required GateWindow Window { get; init; }

    /// <summary>Run time between two evaluations (virtual time in the local profile).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Wall time between two looks at the evidence while nothing new is due.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Most evaluations per look. When more minutes are due (a fast replay), the loop judges evenly spaced ones and the
    /// latest; an irreversible failure is then traced back minute by minute, so the stop time stays exact.
    /// </summary>
    public int MaxEvaluationsPerPoll { get; init; } = 24;

    /// <summary>σ of 48 h sim PnL for pnl_drift; null makes that gate INCONCLUSIVE.</summary>
    public decimal? PnlSigmaUsd { get; init; }

    /// <summary>Settings, VaR backtest inputs; its source fields are not used (the live evidence is the source).</summary>
    public GateEvaluationOptions Gates { get; init; } = new();
}
