namespace EdgeRisk.Evidence.Recordings;

/// <summary>
/// How recorded snapshots read as a scraper would have stored them, one rule each for the offline conversion
/// (<see cref="RecordedMetricsConverter"/>) and the live evidence alike, so both judge the same series.
/// </summary>
internal static class ScrapeRules
{
    /// <summary>The target's own <c>job</c>/<c>instance</c> labels are kept as <c>exported_*</c> (<c>honor_labels: false</c>).</summary>
    public static string StoredLabelName(string name) => name is "job" or "instance" ? "exported_" + name : name;

    /// <summary><c>up</c> on the grid gridStart + k·interval: slot k is 1 when a snapshot time fell into [its grid point, the next one).</summary>
    /// <param name="times">The job's snapshot times (ms), ascending: the readers drop a snapshot not later than the one before.</param>
    /// <returns>Whether slots <paramref name="firstSlot"/> .. <paramref name="firstSlot"/> + <paramref name="count"/> − 1 saw a snapshot.</returns>
    public static bool[] Presence(List<long> times, long gridStart, long intervalMs, long firstSlot, int count)
    {
        var present = new bool[Math.Max(0, count)];
        var from = gridStart + (firstSlot * intervalMs);
        var found = times.BinarySearch(from);
        for (var i = found < 0 ? ~found : found; i < times.Count; i++)
        {
            var slot = (times[i] - from) / intervalMs;
            if (slot >= present.Length)
            {
                break;
            }

            present[slot] = true;
        }

        return present;
    }
}
