using System.Text.Json;
using EdgeRisk.Release.Outbox;
using EdgeRisk.Release.PagerDuty;

namespace EdgeRisk.Release.Promotion;

/// <summary>
/// A <see cref="ReleasePing"/> as a PagerDuty Events v2 trigger, severity warning, dedup key per release and cause. Sent
/// pings are remembered in pings.json of the release directory, so a re-run does not page again. In the local profile
/// the client's transport is the outbox (<see cref="Outbox"/>): the event is recorded, nothing is sent.
/// </summary>
public sealed class PagerDutyReleasePinger(PagerDutyEventsClient client, string releaseDirectory, bool recordedToOutbox) : IReleasePinger
{
    public const string FileName = "pings.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The local profile's pinger: the events client over the outbox under <paramref name="outboxDirectory"/>.</summary>
    public static PagerDutyReleasePinger Outbox(string outboxDirectory, string releaseDirectory) =>
        new(new PagerDutyEventsClient(
                new PagerDutyOptions(new Secret("local-profile")) { BaseUrl = new Uri("http://pagerduty.local/") },
                new OutboxHandler(new OutboxRecorder(outboxDirectory), new PagerDutyOutboxResponder())),
            releaseDirectory,
            recordedToOutbox: true);

    /// <summary>Staging: PagerDuty with the settings' routing key, or a pinger that says what is missing when there is none.</summary>
    public static IReleasePinger Create(bool recordedToOutbox, ReleaseSettings settings, string outboxDirectory, string releaseDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (recordedToOutbox)
        {
            return Outbox(outboxDirectory, releaseDirectory);
        }

        return settings.Problem(ReleaseService.PagerDuty) is { } problem
            ? new UnconfiguredReleasePinger(problem)
            : new PagerDutyReleasePinger(new PagerDutyEventsClient(settings.PagerDuty()), releaseDirectory, recordedToOutbox: false);
    }

    public async Task<ReleasePingResult> PingAsync(ReleasePing ping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ping);
        var outcome = Outcome(ping, recordedToOutbox);
        var sent = Read();
        if (sent.Contains(ping.DedupKey))
        {
            return new ReleasePingResult(ping, ReleasePingStatus.AlreadySent, outcome);
        }

        try
        {
            await client.SendAsync(new PagerDutyEvent
            {
                Action = PagerDutyEventAction.Trigger,
                DedupKey = ping.DedupKey,
                Summary = ping.Summary.Length > 1024 ? ping.Summary[..1024] : ping.Summary,
                Source = "edgerisk-release",
                Severity = PagerDutySeverity.Warning,
                Component = "release",
                Group = ping.Release,
                Class = ping.CauseName,
                CustomDetails = ping.Details,
            }, cancellationToken);
        }
        catch (Exception e) when (e is PagerDutyException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ReleasePingResult(ping, ReleasePingStatus.NotSent, $"PagerDuty warning NOT sent ({e.Message})");
        }

        Write([.. sent, ping.DedupKey]);
        return new ReleasePingResult(ping, recordedToOutbox ? ReleasePingStatus.Recorded : ReleasePingStatus.Sent, outcome);
    }

    private static string Outcome(ReleasePing ping, bool outbox) =>
        $"PagerDuty warning {(outbox ? "recorded to the outbox, not sent" : "sent")} (dedup key {ping.DedupKey})";

    private List<string> Read()
    {
        var path = Path.Combine(releaseDirectory, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<string>>(File.ReadAllText(path), Json) ?? [];
        }
        catch (JsonException)
        {
            // Unreadable: page again rather than stay silent (PagerDuty itself merges the same dedup key).
            return [];
        }
    }

    private void Write(IReadOnlyList<string> sent)
    {
        Directory.CreateDirectory(releaseDirectory);
        AtomicFile.Write(Path.Combine(releaseDirectory, FileName), JsonSerializer.Serialize(sent, Json) + "\n");
    }
}

/// <summary>Staging without a PagerDuty routing key: nothing is sent, and the line says which variable to set.</summary>
public sealed class UnconfiguredReleasePinger(string problem) : IReleasePinger
{
    public Task<ReleasePingResult> PingAsync(ReleasePing ping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ping);
        return Task.FromResult(new ReleasePingResult(ping, ReleasePingStatus.NotSent, $"PagerDuty warning NOT sent ({problem})"));
    }
}
