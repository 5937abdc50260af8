namespace EdgeRisk.Release.Tests.Gates;

/// <summary>Prometheus rule files for the tests that evaluate alert rules.</summary>
internal static class AlertRuleFiles
{
    /// <summary>One group, test-alerts, with one rule: VarHigh (var_pct above 90 for 30 s, a warning).</summary>
    public const string VarHigh = """
        groups:
          - name: test-alerts
            rules:
              - alert: VarHigh
                expr: var_pct > 90
                for: 30s
                labels: {severity: warning}
        """;
}
