using EdgeRisk.Evidence;
using EdgeRisk.Evidence.Recordings;

namespace EdgeRisk.Release.DryRun.Evidence;

/// <summary>
/// A running Prometheus holding the dry run's evidence (metrics with their virtual times, <c>up</c>, <c>ALERTS</c>,
/// <c>edgerisk_rules_evaluated</c>) over <see cref="Window"/>; <see cref="StateFile"/> (<c>prometheus.json</c>) lets a
/// later step find and stop it.
/// </summary>
public sealed record DryRunEvidence(
    Uri Url,
    int Port,
    int Pid,
    EvidenceWindow Window,
    string DataDirectory,
    string StateFile,
    RecordedMetricsConversion Conversion,
    int AlertingRules,
    IReadOnlyList<string> RuleFiles);
