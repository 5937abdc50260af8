namespace EdgeRisk.Release.Promotion;

/// <summary>Sends a <see cref="ReleasePing"/> once (staging: a PagerDuty warning; local profile: recorded to the outbox).</summary>
public interface IReleasePinger
{
    /// <summary>Pages unless this ping was sent before; never throws for a ping that could not be sent: the result says why.</summary>
    Task<ReleasePingResult> PingAsync(ReleasePing ping, CancellationToken cancellationToken = default);
}

public enum ReleasePingStatus
{
    Sent,
    Recorded,
    AlreadySent,
    NotSent,
}

/// <summary>
/// What became of a ping: <see cref="Outcome"/> e.g. <c>PagerDuty warning sent (dedup key …)</c>. <see cref="Line"/> is the
/// same for the run that sent it and for later runs, so the Jira status comment stays unchanged on a re-run.
/// </summary>
public sealed record ReleasePingResult(ReleasePing Ping, ReleasePingStatus Status, string Outcome)
{
    public bool Delivered => Status != ReleasePingStatus.NotSent;

    public string Line => $"{Outcome}: {Ping.Summary}";
}
