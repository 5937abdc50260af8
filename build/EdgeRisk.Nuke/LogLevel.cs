namespace EdgeRisk.Nuke;

public enum LogLevel
{
    Debug,
    Information,
    Success,
    Warning,
    Error,
}
