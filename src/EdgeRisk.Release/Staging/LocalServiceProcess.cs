namespace EdgeRisk.Release.Staging;

/// <summary>A service process started by <see cref="LocalServices"/>: what StopServices must stop, and where it listens.</summary>
public sealed record LocalServiceProcess(string Name, string Executable, int Pid, int Port, string Url, string LogFile, DateTimeOffset StartedAt);
