namespace EdgeRisk.Release.Grafana;

/// <summary>Turns the newest sample times of a panel's inputs into a verdict against the allowed lag, at the clock's now.</summary>
public sealed class PanelLagEvaluator
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxLag;

    public PanelLagEvaluator(TimeProvider time, TimeSpan maxLag)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxLag, TimeSpan.Zero);
        _time = time;
        _maxLag = maxLag;
    }

    public TimeSpan MaxLag => _maxLag;

    public PanelFreshness Evaluate(string dashboard, int panelId, string panelTitle, IReadOnlyList<SelectorFreshness> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0 || inputs.Any(i => i.NewestSample is null))
        {
            return new PanelFreshness(dashboard, panelId, panelTitle, inputs, null, FreshnessStatus.NoData);
        }

        var now = _time.GetUtcNow();
        var lag = inputs.Max(i => now - i.NewestSample!.Value);
        // A sample from "the future" (clock skew) counts as zero lag, not as fresher than now.
        if (lag < TimeSpan.Zero)
        {
            lag = TimeSpan.Zero;
        }

        return new PanelFreshness(dashboard, panelId, panelTitle, inputs, lag, lag < _maxLag ? FreshnessStatus.Fresh : FreshnessStatus.Stale);
    }
}
