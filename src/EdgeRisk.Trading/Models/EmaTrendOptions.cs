namespace EdgeRisk.Trading.Models;

/// <summary>Settings of <see cref="EmaTrendEdgeModel"/>.</summary>
public sealed record EmaTrendOptions
{
    public int FastMinutes { get; set; } = 60;

    public int SlowMinutes { get; set; } = 240;

    /// <summary>Fraction of the current EMA gap expected to persist over the horizon.</summary>
    public double Gain { get; set; } = 0.5;
}
