namespace EdgeRisk.Evidence;

/// <summary>The alerting rules Prometheus reports (/api/v1/rules?type=alert): proof that rule evaluation runs.</summary>
public sealed record RulesEvidence(IReadOnlyList<AlertRuleState> Rules);

/// <summary>One alerting rule: <c>health</c> is ok, err or unknown (never evaluated).</summary>
public sealed record AlertRuleState(string Group, string Name, string Health, string? LastError);
