namespace EdgeRisk.Trading.Feeds;

/// <summary>The US equity exchange time zone (IANA id, available with invariant globalization on Linux).</summary>
public static class NewYork
{
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
}
