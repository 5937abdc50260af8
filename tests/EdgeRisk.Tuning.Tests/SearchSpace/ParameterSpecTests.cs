namespace EdgeRisk.Tuning.Tests.SearchSpace;

public sealed class ParameterSpecTests
{
    [Fact]
    public void FromUnit_IntParameter_WholeNumbersInRange()
    {
        var p = new ParameterSpec("minutes", 15, 120, Int: true);

        for (var u = 0d; u <= 1d; u += 0.01)
        {
            var v = p.FromUnit(u);
            Assert.Equal(Math.Round(v), v);
            Assert.InRange(v, 15, 120);
        }

        Assert.Equal(15, p.FromUnit(0));
        Assert.Equal(120, p.FromUnit(1));
    }

    [Fact]
    public void FromUnit_LogParameter_MidpointIsGeometricMean()
    {
        var p = new ParameterSpec("edge", 10, 160, Log: true);

        Assert.Equal(40, p.FromUnit(0.5), 9);
        Assert.Equal(0.5, p.ToUnit(40), 9);
    }

    [Fact]
    public void FromUnit_LogIntParameter_RoundsAfterTheLogMap()
    {
        var p = new ParameterSpec("slow", 150, 720, Log: true, Int: true);

        Assert.Equal(Math.Round(Math.Sqrt(150d * 720d)), p.FromUnit(0.5));
    }
}
