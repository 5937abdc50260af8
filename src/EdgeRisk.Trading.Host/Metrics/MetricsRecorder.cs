using System.Text;
using Prometheus;

namespace EdgeRisk.Trading.Host.Metrics;

/// <summary>
/// Appends registry snapshots to a file as Prometheus text sample lines stamped with the (virtual) time in
/// milliseconds, each snapshot after a <c># snapshot &lt;unix_seconds&gt;</c> line, flushed per snapshot. This is how
/// a compressed replay lands its virtual hours of metrics in Prometheus (converted and backfilled by the build).
/// </summary>
public sealed class MetricsRecorder : IAsyncDisposable
{
    private readonly CollectorRegistry _registry;
    private readonly TimeSpan _interval;
    private readonly FileStream _file;
    private DateTimeOffset _next;

    public MetricsRecorder(CollectorRegistry registry, string path, TimeSpan interval, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(path);
        _registry = registry;
        _interval = interval;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Append: a restarted replay continues the same recording, so the restart is visible in it. A replay that
        // resumes before the last recorded snapshot continues after it, so every series stays in time order.
        var last = LastSnapshot(path);
        _next = last is { } recorded && recorded >= start ? recorded + interval : start;
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    /// <summary>Time of the last <c># snapshot</c> line of an existing recording, if any.</summary>
    public static DateTimeOffset? LastSnapshot(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var tail = (int)Math.Min(file.Length, 1 << 20);
        file.Seek(-tail, SeekOrigin.End);
        var buffer = new byte[tail];
        file.ReadExactly(buffer);
        var text = Encoding.UTF8.GetString(buffer);
        var at = text.LastIndexOf("# snapshot ", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var end = text.IndexOf('\n', at);
        var number = text[(at + "# snapshot ".Length)..(end < 0 ? text.Length : end)];
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    /// <summary>Writes one snapshot for every record-interval boundary at or before <paramref name="now"/>.</summary>
    public async Task RecordDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (_next <= now)
        {
            await WriteSnapshotAsync(_next, cancellationToken);
            _next += _interval;
        }
    }

    /// <summary>
    /// Before an event at <paramref name="eventTime"/> is applied: writes one snapshot for every boundary strictly before
    /// it, each after <paramref name="refresh"/> has brought the time-derived gauges (heartbeat, feed lag) to that
    /// boundary. A snapshot at t therefore holds every event up to t — all symbols' bars ending at t, not just the
    /// first one replayed.
    /// </summary>
    public async Task RecordBeforeAsync(DateTimeOffset eventTime, Action<DateTimeOffset> refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        while (_next < eventTime)
        {
            refresh(_next);
            await WriteSnapshotAsync(_next, cancellationToken);
            _next += _interval;
        }
    }

    public async Task WriteSnapshotAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(buffer, cancellationToken);
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var stamp = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var output = new StringBuilder(text.Length + 4096);
        output.Append("# snapshot ").Append(at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            output.Append(line).Append(' ').Append(stamp).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(output.ToString());
        await _file.WriteAsync(bytes, cancellationToken);
        await _file.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
