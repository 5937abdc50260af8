namespace EdgeRisk.Release.Grafana;

public enum VerificationStatus
{
    Pass,
    Fail,
    Inconclusive,
}
