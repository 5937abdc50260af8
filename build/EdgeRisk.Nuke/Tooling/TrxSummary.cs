using System.Globalization;
using System.Xml.Linq;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Nuke.Tooling;

/// <summary>Totals read from Visual Studio test result (TRX) files.</summary>
public sealed record TrxSummary(int Passed, int Failed, int Skipped)
{
    public static TrxSummary Read(IEnumerable<AbsolutePath> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var total = new TrxSummary(0, 0, 0);
        foreach (var file in files)
        {
            var counters = XDocument.Load(file.ToString()).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters")
                ?? throw new InvalidDataException($"{file.Name} has no ResultSummary/Counters element; the test run did not complete.");
            total = new TrxSummary(
                total.Passed + Count(counters, "passed"),
                total.Failed + Count(counters, "failed") + Count(counters, "error") + Count(counters, "timeout") + Count(counters, "aborted"),
                total.Skipped + Count(counters, "notExecuted"));
        }

        return total;
    }

    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";

    private static int Count(XElement counters, string name) =>
        int.Parse(counters.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
}
