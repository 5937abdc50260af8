namespace EdgeRisk.Trading.Host.Metrics;

/// <summary>
/// The US equity regular session, 09:30–16:00 America/New_York on weekdays (exchange holidays are not modelled).
/// Outside it an equity feed is silent by design, so its lag says nothing about feed health.
/// </summary>
public static class EquitySession
{
    private static readonly TimeOnly Open = new(9, 30);
    private static readonly TimeOnly Close = new(16, 0);

    /// <summary>The open (UTC) of the session containing <paramref name="now"/>, or null outside the regular session.</summary>
    public static DateTime? OpenOf(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, NewYork.TimeZone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || time < Open || time > Close)
        {
            return null;
        }

        var openLocal = DateOnly.FromDateTime(local.DateTime).ToDateTime(Open, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(openLocal, NewYork.TimeZone);
    }
}
