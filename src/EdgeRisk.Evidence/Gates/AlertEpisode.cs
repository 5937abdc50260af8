namespace EdgeRisk.Evidence.Gates;

/// <summary>One contiguous firing interval of one alert (alertname + labels).</summary>
public sealed record AlertEpisode(string Alert, string Severity, double Start, double End, bool FiringAtEnd);
