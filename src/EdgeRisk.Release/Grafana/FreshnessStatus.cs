namespace EdgeRisk.Release.Grafana;

public enum FreshnessStatus
{
    /// <summary>Every input of the panel has a sample newer than the allowed lag.</summary>
    Fresh,

    /// <summary>At least one input's newest sample is older than the allowed lag.</summary>
    Stale,

    /// <summary>At least one input has no sample at all (within Prometheus' 5 min lookback): not verifiable, fails.</summary>
    NoData,
}
