namespace EdgeRisk.Trading.Statistics;

/// <summary>
/// The interval the equity curve is sampled at and returns are taken over, with its annualisation: hourly
/// (√(24·365) = √8760) when the book holds any crypto symbol (markets trade around the clock, so the book is marked
/// every hour), daily (√252 trading days) when it trades equities only.
/// </summary>
public sealed record ReturnInterval(string Name, TimeSpan Length, int PeriodsPerYear)
{
    public static ReturnInterval Hourly { get; } = new("1h", TimeSpan.FromHours(1), 24 * 365);

    public static ReturnInterval Daily { get; } = new("1d", TimeSpan.FromDays(1), 252);

    /// <summary><see cref="Hourly"/> when any symbol is crypto, else <see cref="Daily"/>.</summary>
    public static ReturnInterval For(bool anyCrypto) => anyCrypto ? Hourly : Daily;

    /// <summary>The end of the interval <paramref name="time"/> falls in; intervals are (end − length, end], aligned to UTC midnight.</summary>
    public DateTime EndOf(DateTime time)
    {
        var length = Length.Ticks;
        return new DateTime((time.Ticks + length - 1) / length * length, DateTimeKind.Utc);
    }
}
