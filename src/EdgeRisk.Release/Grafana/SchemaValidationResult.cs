namespace EdgeRisk.Release.Grafana;

/// <summary>Outcome of validating one JSON document; <see cref="IsValid"/> only when nothing was found wrong.</summary>
public sealed record SchemaValidationResult(string Document, IReadOnlyList<SchemaError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
