using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// A seeded generator of a SYNTHETIC NVDA-like minute tape (no real intraday equity data ships with the repo).
/// Regular hours only: bars end 09:31..16:00 America/New_York (390 per weekday, none on weekends; exchange
/// holidays are not modelled). Intraday volume and volatility follow a U (high at open/close, low at midday).
/// Each minute yields a trade bar then a quote (1–2 cent spread) with the same end time. Same seed → same tape.
/// </summary>
public sealed class SyntheticEquityTape : IMarketFeed
{
    /// <summary>Label to show wherever this tape's figures are reported.</summary>
    public const string Label = "SYNTHETIC";

    public const int BarsPerSession = 390;

    private readonly Symbol _symbol;
    private readonly SyntheticTapeOptions _options;
    private readonly Random _random;
    private readonly double _sigmaPerMinute;
    private readonly double _uNormaliser;
    private DateOnly _day;
    private DateTime _sessionOpenUtc;
    private int _minute = BarsPerSession;
    private double _price;
    private MarketEvent _pendingQuote;
    private bool _hasPendingQuote;
    private bool _done;
    private int _sessionsStarted;

    public SyntheticEquityTape(Symbol symbol, SyntheticTapeOptions? options = null)
    {
        _symbol = symbol ?? throw new ArgumentNullException(nameof(symbol));
        _options = options ?? new SyntheticTapeOptions();
        if (_options.StartPrice <= 0m || _options.DailyVolatility <= 0d || _options.MiddayVolumePerMinute <= 0d || _options.UShape < 0d || _options.To < _options.From)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "StartPrice, DailyVolatility and MiddayVolumePerMinute must be > 0, UShape ≥ 0, To ≥ From.");
        }

        _random = new Random(_options.Seed);
        _price = (double)_options.StartPrice;
        _sigmaPerMinute = _options.DailyVolatility / Math.Sqrt(BarsPerSession);
        // Average of the U multiplier over the session, so the daily variance matches DailyVolatility.
        _uNormaliser = 1d + (_options.UShape / 3d);
        _day = _options.From.AddDays(-1);
    }

    /// <summary>U-shaped multiplier for minute <paramref name="index"/> (0..389) of the session.</summary>
    public static double Intraday(int index, double uShape)
    {
        var x = ((index + 0.5) / BarsPerSession * 2d) - 1d;
        return 1d + (uShape * x * x);
    }

    public bool TryRead(out MarketEvent e)
    {
        if (_hasPendingQuote)
        {
            _hasPendingQuote = false;
            e = _pendingQuote;
            return true;
        }

        if (_minute >= BarsPerSession && !NextSession())
        {
            e = default;
            return false;
        }

        e = NextBar();
        return true;
    }

    private bool NextSession()
    {
        if (_done)
        {
            return false;
        }

        do
        {
            _day = _day.AddDays(1);
            if (_day > _options.To)
            {
                _done = true;
                return false;
            }
        }
        while (_day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

        var openLocal = _day.ToDateTime(new TimeOnly(9, 30), DateTimeKind.Unspecified);
        _sessionOpenUtc = TimeZoneInfo.ConvertTimeToUtc(openLocal, NewYork.TimeZone);
        if (_sessionsStarted++ > 0)
        {
            // Overnight gap: one extra draw worth a quarter of a day's variance.
            _price *= Math.Exp(_options.DailyVolatility * 0.5 * Normal());
        }

        _minute = 0;
        return true;
    }

    private MarketEvent NextBar()
    {
        var u = Intraday(_minute, _options.UShape);
        var sigma = _sigmaPerMinute * Math.Sqrt(u / _uNormaliser);
        var open = _price;
        var close = open * Math.Exp(sigma * Normal());
        var high = Math.Max(open, close) * (1d + (Math.Abs(Normal()) * sigma * 0.5));
        var low = Math.Min(open, close) * (1d - (Math.Abs(Normal()) * sigma * 0.5));
        var volume = Math.Round(_options.MiddayVolumePerMinute * u * Math.Exp(0.3 * Normal()));
        _price = close;

        var o = Cents(open);
        var c = Cents(close);
        var h = Math.Max(Cents(high), Math.Max(o, c));
        var l = Math.Min(Cents(low), Math.Min(o, c));
        var end = _sessionOpenUtc.AddMinutes(_minute + 1);
        _minute++;

        var spread = _random.NextDouble() < 0.7 ? 0.01m : 0.02m;
        var bid = c - 0.01m;
        var bidSize = 100m * _random.Next(1, 40);
        var askSize = 100m * _random.Next(1, 40);
        _pendingQuote = MarketEvent.QuoteBar(_symbol, end, bid, bidSize, bid + spread, askSize);
        _hasPendingQuote = true;
        return MarketEvent.TradeBar(_symbol, end, o, h, l, c, (decimal)Math.Max(1d, volume));
    }

    private static decimal Cents(double price) => Math.Round((decimal)price, 2, MidpointRounding.AwayFromZero);

    private double Normal()
    {
        // Box–Muller; 1 − U avoids log(0).
        var u1 = 1d - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2d * Math.Log(u1)) * Math.Cos(2d * Math.PI * u2);
    }
}
