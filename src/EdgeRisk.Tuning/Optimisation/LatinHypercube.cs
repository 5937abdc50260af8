namespace EdgeRisk.Tuning.Optimisation;

/// <summary>A seeded Latin-hypercube design on the unit cube: each input's range cut into n strata, one point per stratum.</summary>
internal static class LatinHypercube
{
    public static double[][] Design(int count, int dimensions, Random random)
    {
        var points = new double[count][];
        for (var i = 0; i < count; i++)
        {
            points[i] = new double[dimensions];
        }

        for (var d = 0; d < dimensions; d++)
        {
            var strata = Enumerable.Range(0, count).ToArray();
            random.Shuffle(strata);
            for (var i = 0; i < count; i++)
            {
                points[i][d] = (strata[i] + random.NextDouble()) / count;
            }
        }

        return points;
    }
}
