namespace EdgeRisk.Release.Grafana;

/// <summary>One schema violation: where in the document (JSON pointer) and what is wrong.</summary>
public sealed record SchemaError(string Location, string Message)
{
    public override string ToString() => $"{(Location.Length == 0 ? "/" : Location)}: {Message}";
}
