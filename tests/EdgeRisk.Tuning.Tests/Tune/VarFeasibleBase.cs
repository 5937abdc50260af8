using System.Text.Json.Nodes;

namespace EdgeRisk.Tuning.Tests.Tune;

/// <summary>
/// A base config and search space on which the VaR constraint can hold, for tests of the Tune machinery with real
/// backtests: the shipped strategy holds VaR up to dualHorizon.deRiskAtLimitFraction (0.88), above its warning line
/// risk.scaleDownAt (0.8), so every trial on the shipped files is infeasible (docs/tuning.md). Here the de-risk level is
/// the warning line, and the space leaves both fixed.
/// </summary>
internal static class VarFeasibleBase
{
    private static readonly string[] RiskParameters = ["scaleDownAt", "deRiskAtLimitFraction"];

    /// <summary>Writes strategy.json and router.json into <paramref name="configDirectory"/> and the space to <paramref name="spaceFile"/>.</summary>
    public static void Write(string configDirectory, string spaceFile)
    {
        Directory.CreateDirectory(configDirectory);
        File.Copy(RepositoryRoot.Combine("config", "router.json"), Path.Combine(configDirectory, "router.json"), overwrite: true);
        var strategy = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("config", "strategy.json")))!;
        strategy["dualHorizon"]!["deRiskAtLimitFraction"] = strategy["risk"]!["scaleDownAt"]!.GetValue<double>();
        File.WriteAllText(Path.Combine(configDirectory, "strategy.json"), strategy.ToJsonString());

        var space = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("config", "tune-space.json")))!;
        var parameters = space["parameters"]!.AsArray();
        foreach (var risk in parameters.Where(p => RiskParameters.Contains(p!["name"]!.GetValue<string>())).ToList())
        {
            parameters.Remove(risk);
        }

        File.WriteAllText(spaceFile, space.ToJsonString());
    }
}
