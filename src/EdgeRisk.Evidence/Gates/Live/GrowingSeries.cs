using System.Runtime.InteropServices;

namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>One series that grows at its end while the dry run runs; <see cref="Slice"/> copies out a window of it.</summary>
internal sealed class GrowingSeries(IReadOnlyDictionary<string, string> labels)
{
    public IReadOnlyDictionary<string, string> Labels { get; } = labels;

    public string Name => Labels.TryGetValue("__name__", out var name) ? name : string.Empty;

    public List<double> Times { get; } = [];

    public List<double> Values { get; } = [];

    /// <summary>How many leading samples have been passed on (e.g. remote-written) already.</summary>
    public int Forwarded { get; set; }

    public TimeSeries? Slice(GateWindow window)
    {
        var times = CollectionsMarshal.AsSpan(Times);
        var (a, b) = SeriesMath.Range(times, window.StartSeconds, Math.BitIncrement(window.EndSeconds));
        return b > a ? new TimeSeries(Labels, times[a..b].ToArray(), CollectionsMarshal.AsSpan(Values)[a..b].ToArray()) : null;
    }

    /// <summary>The samples not forwarded yet, marking them forwarded; null when there are none.</summary>
    public TimeSeries? TakeUnforwarded()
    {
        if (Forwarded >= Times.Count)
        {
            return null;
        }

        var from = Forwarded;
        Forwarded = Times.Count;
        return new TimeSeries(Labels, CollectionsMarshal.AsSpan(Times)[from..].ToArray(), CollectionsMarshal.AsSpan(Values)[from..].ToArray());
    }
}
