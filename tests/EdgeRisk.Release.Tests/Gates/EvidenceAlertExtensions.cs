namespace EdgeRisk.Release.Tests.Gates;

internal static class EvidenceAlertExtensions
{
    /// <summary>ALERTS{alertstate="firing"} = 1 every step from <paramref name="from"/> to <paramref name="to"/> (offsets from the window start).</summary>
    public static Evidence WithAlert(this Evidence e, string alert, string severity, double from, double to)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__name__"] = "ALERTS", ["alertname"] = alert, ["alertstate"] = "firing", ["severity"] = severity, ["job"] = "edgerisk-crypto",
        };
        var existing = e.Series.FirstOrDefault(s => s.Name == "ALERTS" && s.Labels["alertname"] == alert && s.Labels["severity"] == severity);
        if (existing.Name is null)
        {
            existing = ("ALERTS", labels, [], []);
            e.Series.Add(existing);
        }

        for (var t = e.At(from); t <= e.At(to) && t <= e.Window.EndSeconds; t += e.Step)
        {
            existing.Times.Add(t);
            existing.Values.Add(1);
        }

        return e;
    }
}
