using System.Globalization;
using EdgeRisk.Evidence.Gates;

namespace EdgeRisk.Evidence.Reporting;

/// <summary>Shared wording of statuses, values and times in the report files and the console table.</summary>
public static class GateReportText
{
    public static string Status(GateStatus status) => status switch
    {
        GateStatus.Pass => "PASS",
        GateStatus.Fail => "FAIL",
        _ => "INCONCLUSIVE",
    };

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "—";

    public static GatesJson ToJson(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var source = report.Settings.Source;
        return new GatesJson(Status(report.Verdict), new GatesJsonWindow(Time(report.Window.Start), Time(report.Window.End)),
            report.Gates.Select(g => new GatesJsonGate(g.Name, Status(g.Status), g.Value is { } v && double.IsFinite(v) ? v : null, g.Threshold, g.Detail,
                report.Settings.Describe(g.Name).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal))).ToList(),
            new GatesJsonFile(source.Path, source.Sha256, source.Profile));
    }
}
