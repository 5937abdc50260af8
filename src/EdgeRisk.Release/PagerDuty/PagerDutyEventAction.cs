namespace EdgeRisk.Release.PagerDuty;

public enum PagerDutyEventAction
{
    Trigger,
    Acknowledge,
    Resolve,
}
