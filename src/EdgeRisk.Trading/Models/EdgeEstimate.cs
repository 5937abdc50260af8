namespace EdgeRisk.Trading.Models;

/// <summary>
/// Expected edge of holding a long position over the model's horizon, in basis points (not money, so double),
/// with a confidence in [0, 1]. Zero confidence means "no opinion" (e.g. still warming up).
/// </summary>
public readonly record struct EdgeEstimate(double EdgeBps, double Confidence)
{
    public static readonly EdgeEstimate None = new(0d, 0d);
}
