namespace EdgeRisk.Release.Grafana;

/// <summary>What happened to one imported item; <see cref="Version"/> is Grafana's version after the run when it has one.</summary>
public sealed record ImportItemResult(ImportItemKind Kind, string Uid, string Title, ImportStatus Status, int? Version);
