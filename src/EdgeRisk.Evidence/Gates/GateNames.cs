namespace EdgeRisk.Evidence.Gates;

/// <summary>The five GA exit-criteria gates, in report order.</summary>
public static class GateNames
{
    public const string Continuity = "continuity";
    public const string Alerts = "alerts";
    public const string PnlDrift = "pnl_drift";
    public const string Var = "var";
    public const string RssDrift = "rss_drift";

    public static IReadOnlyList<string> All { get; } = [Continuity, Alerts, PnlDrift, Var, RssDrift];
}
