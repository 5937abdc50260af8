namespace EdgeRisk.Trading.Tests.Core.Statistics;

public sealed class EquityCurveRecorderTests
{
    [Fact]
    public void Before_MinuteEventsOverTwoHours_StartPointThenEquityAtEachHourEnd()
    {
        var paper = new BookLedger(Book.Paper, 1000m);
        var sim = new BookLedger(Book.Sim, 1000m);
        var recorder = new EquityCurveRecorder(ReturnInterval.Hourly, paper, sim);

        // Events end 00:01 .. 02:00; the 01:00 event belongs to (00:00, 01:00].
        recorder.Before(CoreTestData.Utc(2017, 9, 3, 0, 1));
        paper.Apply(new Fill(1, 1, Book.Paper, "BTC-USD", OrderSide.Buy, 1m, 100m, 1m, CoreTestData.Utc(2017, 9, 3, 0, 1)));
        recorder.Before(CoreTestData.Utc(2017, 9, 3, 1, 0));
        paper.Mark("BTC-USD", 120m);
        recorder.Before(CoreTestData.Utc(2017, 9, 3, 1, 1));
        paper.Mark("BTC-USD", 90m);
        recorder.Before(CoreTestData.Utc(2017, 9, 3, 2, 0));
        recorder.Complete();

        // 00:00 start 1000; 01:00 after the 01:00 event: 1000 − 100 − 1 + 120 = 1019; 02:00: 899 + 90 = 989.
        Assert.Equal(
            [new(CoreTestData.Utc(2017, 9, 3), 1000m), new(CoreTestData.Utc(2017, 9, 3, 1, 0), 1019m), new(CoreTestData.Utc(2017, 9, 3, 2, 0), 989m)],
            recorder.PaperCurve);
        Assert.Equal(recorder.PaperCurve.Select(p => p.Time), recorder.SimCurve.Select(p => p.Time));
        Assert.All(recorder.SimCurve, p => Assert.Equal(1000m, p.EquityUsd));
    }

    [Fact]
    public void Before_DailyEquitySessionsAroundAWeekend_NoPointsForDaysWithoutEvents()
    {
        var recorder = new EquityCurveRecorder(ReturnInterval.Daily, new BookLedger(Book.Paper, 1m), new BookLedger(Book.Sim, 1m));

        // Friday 2017-09-01 and Monday 2017-09-04 sessions (13:31 .. 20:00 UTC).
        recorder.Before(CoreTestData.Utc(2017, 9, 1, 13, 31));
        recorder.Before(CoreTestData.Utc(2017, 9, 1, 20, 0));
        recorder.Before(CoreTestData.Utc(2017, 9, 4, 13, 31));
        recorder.Before(CoreTestData.Utc(2017, 9, 4, 20, 0));
        recorder.Complete();

        Assert.Equal([CoreTestData.Utc(2017, 9, 1), CoreTestData.Utc(2017, 9, 2), CoreTestData.Utc(2017, 9, 5)], recorder.PaperCurve.Select(p => p.Time));
    }

    [Fact]
    public void For_CryptoOrEquitiesOnly_HourlyWith8760OrDailyWith252()
    {
        Assert.Equal(("1h", 8760), (ReturnInterval.For(anyCrypto: true).Name, ReturnInterval.For(anyCrypto: true).PeriodsPerYear));
        Assert.Equal(("1d", 252), (ReturnInterval.For(anyCrypto: false).Name, ReturnInterval.For(anyCrypto: false).PeriodsPerYear));
    }
}
