using System.Text.RegularExpressions;

namespace EdgeRisk.Trading.Tests.Core.Risk;

public sealed class VarWarningLineTests
{
    [Fact]
    public void Utilisation_ComparedWithTheVarHighAlertRule_IsItsThresholdOverOneHundred()
    {
        var rules = File.ReadAllText(Path.Combine(TradingProcess.RepoRoot, "prometheus", "rules", "risk.yml"));
        var varHigh = Regex.Match(rules, @"alert: VarHigh\s+expr: var_pct > (?<pct>[\d.]+)");

        Assert.True(varHigh.Success, "prometheus/rules/risk.yml has no VarHigh rule on var_pct");
        Assert.Equal(VarWarningLine.Utilisation, double.Parse(varHigh.Groups["pct"].Value, CultureInfo.InvariantCulture) / 100, 12);
    }
}
