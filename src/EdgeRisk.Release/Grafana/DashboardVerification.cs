namespace EdgeRisk.Release.Grafana;

/// <summary>
/// Whether the dashboard in Grafana is the one in the file and every panel query returns data. Any failure is FAIL;
/// otherwise missing data (or no queries at all) is INCONCLUSIVE, never PASS.
/// </summary>
public sealed record DashboardVerification(string Uid, bool Present, bool MatchesFile, IReadOnlyList<PanelQueryCheck> Queries)
{
    public VerificationStatus Status =>
        !Present || !MatchesFile || Queries.Any(q => q.Status == VerificationStatus.Fail) ? VerificationStatus.Fail
        : Queries.Count == 0 || Queries.Any(q => q.Status == VerificationStatus.Inconclusive) ? VerificationStatus.Inconclusive
        : VerificationStatus.Pass;
}
