namespace EdgeRisk.Trading.Tests.Core.Backtesting;

public sealed class ReplayPacerTests
{
    [Theory]
    [InlineData(60d)]
    [InlineData(2880d)]
    [InlineData(172800d)]
    public void Run_EmaCrossAtSpeed_SameOrderCountAndFillsAsFlatOut(double speed)
    {
        var flatOut = Backtester.Run(new BacktestOptions { DataRoot = CoreTestData.DataRoot, Strategy = new EmaCrossStrategy() });
        var clock = new TimerFiringTimeProvider();
        var started = clock.GetTimestamp();

        var paced = Backtester.Run(new BacktestOptions
        {
            DataRoot = CoreTestData.DataRoot,
            Strategy = new EmaCrossStrategy(),
            Speed = speed,
            TimeProvider = clock,
        });

        Assert.True(flatOut.OrdersSubmitted > 10, $"orders: {flatOut.OrdersSubmitted}");
        Assert.Equal(flatOut.OrdersSubmitted, paced.OrdersSubmitted);
        Assert.Equal(flatOut.EventsProcessed, paced.EventsProcessed);
        Assert.Equal(Backtester.FillsCsv(flatOut), Backtester.FillsCsv(paced));
        // The replay really was paced: 48 h less the first minute at `speed` virtual seconds per wall second.
        var expected = (paced.LastEventTime - paced.FirstEventTime) / speed;
        Assert.Equal(expected.TotalSeconds, clock.GetElapsedTime(started).TotalSeconds, precision: 3);
    }

    [Fact]
    public void WaitUntil_EventsOneMinuteApartAt60x_WaitsOneSecondEach()
    {
        var clock = new TimerFiringTimeProvider();
        var pacer = new ReplayPacer(clock, 60d);
        var t0 = CoreTestData.Utc(2017, 9, 3, 0, 1);

        pacer.WaitUntil(t0);
        pacer.WaitUntil(t0.AddMinutes(1));
        pacer.WaitUntil(t0.AddMinutes(1));
        pacer.WaitUntil(t0.AddMinutes(3));

        Assert.Equal(TimeSpan.FromSeconds(3), pacer.Waited);
    }

    [Fact]
    public void WaitUntil_LoopBehindSchedule_DoesNotWait()
    {
        var clock = new TimerFiringTimeProvider();
        var pacer = new ReplayPacer(clock, 60d);
        var t0 = CoreTestData.Utc(2017, 9, 3, 0, 1);

        pacer.WaitUntil(t0);
        clock.Advance(TimeSpan.FromSeconds(10));
        pacer.WaitUntil(t0.AddMinutes(5));

        Assert.Equal(TimeSpan.Zero, pacer.Waited);
    }

    [Theory]
    [InlineData(0d)]
    [InlineData(-1d)]
    [InlineData(double.NaN)]
    public void Constructor_NonPositiveSpeed_Throws(double speed)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayPacer(new FakeTimeProvider(), speed));

    /// <summary>A fake clock that, when a timer is created, jumps to its due time and fires it on the calling thread.</summary>
    private sealed class TimerFiringTimeProvider : FakeTimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Advance(dueTime);
            return timer;
        }
    }
}
