using CsCheck;

namespace EdgeRisk.Nuke.Tests;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(48 * 60, "48h")]
    [InlineData(90, "1h30m")]
    [InlineData(30, "30m")]
    [InlineData(1.5, "1m30s")]
    [InlineData(0, "0s")]
    [InlineData(-60, "-1h")]
    public void Format_Duration_WritesHoursMinutesSeconds(double minutes, string expected)
    {
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromMinutes(minutes)));
    }

    [Theory]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("90m", 90 * 60)]
    [InlineData("1.5h", 90 * 60)]
    [InlineData("30m", 30 * 60)]
    [InlineData("90s", 90)]
    [InlineData("500ms", 0.5)]
    [InlineData("2d", 2 * 86400)]
    [InlineData("1d2h3m4.5s", 93784.5)]
    [InlineData("-1h", -3600)]
    public void TryParse_UnitGroups_ReadsTheSum(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("48")]
    [InlineData("h")]
    [InlineData("1h30")]
    [InlineData("1y")]
    [InlineData("1.2.3h")]
    [InlineData("1h 30m")]
    [InlineData("99999999999999999999999999d")]
    public void TryParse_NotUnitGroups_ReturnsFalse(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Fact]
    public void Format_AnyDuration_ParsesBackToTheSameTick()
    {
        Gen.Long.Select(TimeSpan.FromTicks).Sample(duration =>
        {
            Assert.True(DurationText.TryParse(DurationText.Format(duration), out var parsed), DurationText.Format(duration));
            Assert.Equal(duration, parsed);
        }, iter: 20_000);
        Assert.True(DurationText.TryParse(DurationText.Format(TimeSpan.MinValue), out var min));
        Assert.Equal(TimeSpan.MinValue, min);
    }
}
