using CsCheck;

namespace EdgeRisk.Release.Tests.Gates;

public sealed class GatePropertyTests
{
    private static readonly Gen<(int Gate, double Offset, double Size)> Mutation =
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Double[0, 1]);

    [Fact]
    public void Evaluate_AddingABreach_NeverTurnsFailIntoPass()
    {
        Gen.Select(Mutation, Mutation).Sample(pair =>
        {
            var e = Evidence.Healthy(step: 120);
            Breach(e, pair.Item1);
            var before = e.All();
            Breach(e, pair.Item2);
            var after = e.All();
            for (var i = 0; i < before.Count; i++)
            {
                Assert.False(before[i].Status == GateStatus.Fail && after[i].Status == GateStatus.Pass, $"{before[i].Name}: {after[i].Detail}");
            }

            Assert.False(GateReport.Combine(before) == GateStatus.Fail && GateReport.Combine(after) == GateStatus.Pass);
        }, iter: 40);
    }

    [Fact]
    public void Evaluate_RemovingData_NeverTurnsInconclusiveIntoPass()
    {
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Double[0.011, 0.5]).Sample((gate, offset, size) =>
        {
            var e = Evidence.Healthy(step: 120);
            Starve(e, gate, 0, 0.02);
            var before = e.All();
            Starve(e, gate, offset, size);
            var after = e.All();
            for (var i = 0; i < before.Count; i++)
            {
                Assert.False(before[i].Status == GateStatus.Inconclusive && after[i].Status == GateStatus.Pass, $"{before[i].Name}: {after[i].Detail}");
            }
        }, iter: 40);
    }

    private static readonly string[] Metric = ["up", "ALERTS", "pnl_usd", "var_pct", "process_resident_memory_bytes"];

    private static void Breach(Evidence e, (int Gate, double Offset, double Size) m)
    {
        var at = e.At(m.Offset * e.Window.LengthSeconds);
        var until = at + (m.Size * 3600);
        switch (m.Gate)
        {
            case 0:
                e.Set("up", t => t >= at && t <= until, (_, _) => 0);
                break;
            case 1:
                e.WithAlert("VarCritical", "critical", m.Offset * e.Window.LengthSeconds, (m.Offset * e.Window.LengthSeconds) + 600);
                break;
            case 2:
                e.Set("pnl_usd", t => t >= at, (_, v) => v + (100 * m.Size) + 60);
                e.Series.RemoveAll(s => s.Name == "pnl_usd" && s.Labels["book"] == "sim" && s.Labels["symbol"] == "NVDA");
                break;
            case 3:
                e.Set("var_pct", t => t >= at && t <= until, (_, _) => 95.5 + m.Size);
                break;
            default:
                e.Set("process_resident_memory_bytes", t => t >= e.Window.EndSeconds - 3600, (_, v) => v * (1.03 + m.Size));
                break;
        }
    }

    /// <summary>Removes a share of the window from the gate's main series.</summary>
    private static void Starve(Evidence e, int gate, double offset, double size)
    {
        var from = e.At(offset * e.Window.LengthSeconds);
        var to = from + (size * e.Window.LengthSeconds);
        var name = gate == 1 ? "edgerisk_rules_evaluated" : Metric[gate];
        e.Remove(name, t => t >= from && t <= to);
    }
}
