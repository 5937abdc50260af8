namespace EdgeRisk.Trading.Tests.Host;

public sealed class ResumeWindowTests
{
    private static readonly LiveOptions TwoHours = new() { Window = new DateOnly(2017, 9, 3), Duration = TimeSpan.FromHours(2) };

    [Fact]
    public void OutsideWindow_ResumePointAfterTheEnd_NamesItAndTheFix()
    {
        var problem = LiveApp.OutsideWindow(new DateTimeOffset(2017, 9, 4, 12, 6, 0, TimeSpan.Zero), TwoHours);

        Assert.Equal(
            "the Redis journal resumes at 2017-09-04 12:06:00Z, outside this run's window 2017-09-03 00:00:00Z .. 2017-09-03 02:00:00Z (a finished or different run); start a new run with --journal fresh",
            problem);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(59, true)]
    [InlineData(120, false)]
    [InlineData(-1, false)]
    public void OutsideWindow_ResumeMinuteOffset_InsideOnlyWithinStartToEnd(int minutes, bool inside)
    {
        var resume = new DateTimeOffset(2017, 9, 3, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes);

        Assert.Equal(inside, LiveApp.OutsideWindow(resume, TwoHours) is null);
    }

    [Fact]
    public void OutsideWindow_EmptyJournal_StartsAtTheWindow()
    {
        Assert.Null(LiveApp.OutsideWindow(null, TwoHours));
    }
}
