namespace EdgeRisk.Release.Grafana;

/// <summary>
/// Values for Grafana's built-in query variables when a panel query is run outside Grafana.
/// <see cref="RateInterval"/> follows Grafana: max($__interval + scrape interval, 4 × scrape interval).
/// </summary>
public sealed record QueryTemplateOptions
{
    /// <summary>Staging scrapes the trading jobs every second.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan Range { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan RateInterval
    {
        get
        {
            var byInterval = Interval + ScrapeInterval;
            var byScrape = ScrapeInterval * 4;
            return byInterval > byScrape ? byInterval : byScrape;
        }
    }
}
