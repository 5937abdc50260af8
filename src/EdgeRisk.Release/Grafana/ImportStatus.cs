namespace EdgeRisk.Release.Grafana;

public enum ImportStatus
{
    Created,
    Updated,
    Unchanged,
}
