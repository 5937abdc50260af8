using EdgeRisk.Tuning.Optimisation;

namespace EdgeRisk.Tuning.Tests.Optimisation;

public sealed class RandomSearchOptimiserTests
{
    [Fact]
    public void Ask_SameSeed_SameAsks()
    {
        var space = new TuneSpace([new ParameterSpec("a", 1, 100, Log: true), new ParameterSpec("n", 1, 9, Int: true)]);
        var a = new RandomSearchOptimiser(space, 4).Ask(10).Select(t => t.Values).ToList();
        var b = new RandomSearchOptimiser(space, 4).Ask(10).Select(t => t.Values).ToList();

        Assert.Equal(a, b);
        Assert.All(a, v => Assert.Equal(Math.Round(v[1]), v[1]));
    }
}
