namespace EdgeRisk.Evidence.Gates;

/// <summary>
/// The configuration σ of sim PnL was computed for: <c>config_hash</c> of <c>pnl_stats.json</c> (null when the file has
/// none). pnl_drift judges a run only with σ of the run's own configuration, read from <c>edgerisk_build_info{config_hash}</c>.
/// </summary>
public sealed record PnlSigmaConfig(string? ConfigHash)
{
    /// <summary>
    /// The check for σ read from <paramref name="pnlStatsPath"/>; none when σ is given by hand (<c>--pnl-sigma-usd</c>
    /// vouches for it).
    /// </summary>
    public static PnlSigmaConfig? For(decimal? givenSigmaUsd, string pnlStatsPath) =>
        givenSigmaUsd is null ? new PnlSigmaConfig(GateEvaluator.ReadConfigHash(pnlStatsPath)) : null;

    /// <summary>Why σ does not belong to the run of <paramref name="buildInfo"/>, or null when every process ran this configuration.</summary>
    public string? MismatchWith(IReadOnlyList<TimeSeries> buildInfo)
    {
        ArgumentNullException.ThrowIfNull(buildInfo);
        if (string.IsNullOrEmpty(ConfigHash))
        {
            return "pnl_stats.json has no config_hash: σ is not known to be computed for the configuration run; rerun './build.sh Backtest' with the same --config";
        }

        var hashes = buildInfo.Select(s => s.Label("config_hash")).ToList();
        if (hashes.Count == 0 || hashes.Any(h => h.Length == 0 || h == "unknown"))
        {
            return $"edgerisk_build_info has no config_hash for {(hashes.Count == 0 ? "the run" : "every process of the run")}: σ (config {ConfigHash}) cannot be matched to the configuration run";
        }

        var other = hashes.Where(h => h != ConfigHash).Distinct(StringComparer.Ordinal).ToList();
        return other.Count == 0
            ? null
            : $"σ was computed for config {ConfigHash} but the run used config {string.Join(", ", other)}; rerun './build.sh Backtest' with the --config being released";
    }
}
