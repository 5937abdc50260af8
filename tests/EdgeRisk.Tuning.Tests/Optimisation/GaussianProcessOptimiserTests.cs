using EdgeRisk.Tuning.Optimisation;

namespace EdgeRisk.Tuning.Tests.Optimisation;

public sealed class GaussianProcessOptimiserTests
{
    private static GaussianProcessOptimiser Optimiser(TuneSpace space, int seed = 7, Direction direction = Direction.Minimise) =>
        new(space, new GaussianProcessOptions { Seed = seed, Direction = direction });

    private static List<double[]> Drive(IOptimiser optimiser, TestFunction f, int trials)
    {
        var asked = new List<double[]>();
        for (var i = 0; i < trials; i++)
        {
            var t = optimiser.Ask();
            asked.Add([.. t.Values]);
            optimiser.Tell(t, f.Evaluate(t.Values), feasible: true);
        }

        return asked;
    }

    [Fact]
    public void Ask_SameSeedSameTells_SameAsks()
    {
        var a = Drive(Optimiser(TestFunction.Branin.Space), TestFunction.Branin, 20);
        var b = Drive(Optimiser(TestFunction.Branin.Space), TestFunction.Branin, 20);
        var other = Drive(Optimiser(TestFunction.Branin.Space, seed: 8), TestFunction.Branin, 20);

        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
    }

    [Fact]
    public void Ask_IntAndLogParameters_WholeNumbersInRange()
    {
        var space = new TuneSpace([new ParameterSpec("minutes", 15, 120, Log: true, Int: true), new ParameterSpec("edge", 10, 160, Log: true)]);
        var optimiser = Optimiser(space);

        for (var i = 0; i < 25; i++)
        {
            var t = optimiser.Ask();
            Assert.Equal(Math.Round(t["minutes"]), t["minutes"]);
            Assert.InRange(t["minutes"], 15, 120);
            Assert.InRange(t["edge"], 10, 160);
            optimiser.Tell(t, Math.Pow(Math.Log(t["minutes"] / 40d), 2) + Math.Pow(Math.Log(t["edge"] / 30d), 2), feasible: true);
        }

        // Both optima are interior in log space; the best trial should be near them.
        Assert.InRange(optimiser.Best!.Trial["minutes"], 30, 55);
        Assert.InRange(optimiser.Best.Trial["edge"], 22, 40);
    }

    [Fact]
    public void AskBatch_FourWorkers_DistinctFromEachOtherAndFromTold()
    {
        var f = TestFunction.Hartmann6;
        var optimiser = Optimiser(f.Space);
        Drive(optimiser, f, 20);

        var batch = optimiser.Ask(4);
        var batch2 = optimiser.Ask(4); // the first batch still pending

        var all = batch.Concat(batch2).Select(t => string.Join(",", t.Values)).ToList();
        Assert.Equal(8, all.Distinct().Count());
        var told = optimiser.Results.Select(r => string.Join(",", r.Trial.Values)).ToHashSet();
        Assert.DoesNotContain(all, told.Contains);
        var closest = batch.SelectMany((a, i) => batch.Skip(i + 1).Select(b => a.Values.Zip(b.Values, (x, y) => Math.Abs(x - y)).Max())).Min();
        Assert.True(closest > 1e-3, $"batch points {closest} apart: the kriging believer should spread them");
    }

    [Fact]
    public void AskBatch_SmallIntegerSpace_NoPointAskedTwice()
    {
        var space = new TuneSpace([new ParameterSpec("a", 1, 5, Int: true), new ParameterSpec("b", 1, 5, Int: true)]);
        var optimiser = Optimiser(space);
        for (var i = 0; i < 10; i++)
        {
            var t = optimiser.Ask();
            optimiser.Tell(t, Math.Pow(t["a"] - 2, 2) + Math.Pow(t["b"] - 4, 2), feasible: true);
        }

        var batch = optimiser.Ask(8);

        var keys = optimiser.Results.Select(r => r.Trial).Concat(batch).Select(t => (t["a"], t["b"])).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Ask_TwoThirdsOfSpaceInfeasible_MostAsksFeasible()
    {
        // Branin with the constraint x1 >= 5: two of its three minima are infeasible, the one at (9.42, 2.47) is not.
        var f = TestFunction.Branin;
        var optimiser = Optimiser(f.Space, seed: 3);
        var feasibleAfterDesign = 0;
        for (var i = 0; i < 50; i++)
        {
            var t = optimiser.Ask();
            var feasible = t["x1"] >= 5;
            if (i >= 6 && feasible)
            {
                feasibleAfterDesign++;
            }

            optimiser.Tell(t, f.Evaluate(t.Values), feasible);
        }

        Assert.True(feasibleAfterDesign >= 33, $"{feasibleAfterDesign} of 44 asks after the design were feasible");
        Assert.True(optimiser.Best!.Trial["x1"] >= 5);
        Assert.InRange(optimiser.Best.Objective, 0.397887, 0.397887 * 1.05);
    }

    [Fact]
    public void Importance_OnlyFirstInputMatters_FirstInputMostImportant()
    {
        var space = new TuneSpace([new ParameterSpec("a", 0, 1), new ParameterSpec("b", 0, 1), new ParameterSpec("c", 0, 1)]);
        var optimiser = Optimiser(space);
        for (var i = 0; i < 25; i++)
        {
            var t = optimiser.Ask();
            optimiser.Tell(t, Math.Sin(6 * t["a"]) + (0.001 * t["b"]), feasible: true);
        }

        var importance = optimiser.Importance();

        Assert.Equal(1d, importance.Values.Sum(), 9);
        Assert.True(importance["a"] > 0.5, $"importance of a: {importance["a"]}");
        Assert.True(importance["a"] > importance["b"] && importance["a"] > importance["c"]);
    }

    [Fact]
    public void Ask_Maximise_FindsHighest()
    {
        var space = new TuneSpace([new ParameterSpec("x", -2, 2)]);
        var optimiser = Optimiser(space, direction: Direction.Maximise);
        for (var i = 0; i < 15; i++)
        {
            var t = optimiser.Ask();
            optimiser.Tell(t, 1 - Math.Pow(t["x"] - 0.7, 2), feasible: true);
        }

        Assert.InRange(optimiser.Best!.Trial["x"], 0.6, 0.8);
    }

    [Fact]
    public void Tell_TwiceOrForeignTrial_Throws()
    {
        var optimiser = Optimiser(TestFunction.Branin.Space);
        var t = optimiser.Ask();
        optimiser.Tell(t, 1, feasible: true);

        Assert.Throws<ArgumentException>(() => optimiser.Tell(t, 1, feasible: true));
        Assert.Throws<ArgumentException>(() => optimiser.Tell(Optimiser(TestFunction.Branin.Space).Ask() with { Number = 5 }, 1, true));
        var pending = optimiser.Ask();
        Assert.Throws<ArgumentException>(() => optimiser.Tell(pending with { Values = [0d, 0d] }, 1, true)); // same number, not the asked trial
        optimiser.Tell(pending, 2, feasible: true);
    }

    [Fact]
    public void Tell_NaNAsFeasible_ThrowsAndKeepsTrialPending()
    {
        var optimiser = Optimiser(TestFunction.Branin.Space);
        var t = optimiser.Ask();

        Assert.Throws<ArgumentException>(() => optimiser.Tell(t, double.NaN, feasible: true));
        optimiser.Tell(t, double.NaN, feasible: false);

        Assert.Null(optimiser.Best);
        Assert.Single(optimiser.Results);
    }
}
