namespace EdgeRisk.Release.Grafana;

public enum ImportItemKind
{
    Folder,
    Dashboard,
    AlertRuleGroup,
}
