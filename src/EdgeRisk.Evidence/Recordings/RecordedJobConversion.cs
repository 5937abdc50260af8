namespace EdgeRisk.Evidence.Recordings;

/// <summary>
/// One job's share of a conversion: snapshots kept and dropped, the scrape grid of its <c>up</c> series
/// (<see cref="Window"/>, null when the job recorded nothing and no other job gave a window) and how many grid
/// points found the process down.
/// </summary>
public sealed record RecordedJobConversion(
    string Job,
    int Snapshots,
    int TruncatedSnapshots,
    int OutOfOrderSnapshots,
    EvidenceWindow? Window,
    int GridPoints,
    int DownGridPoints);
