using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace EdgeRisk.Tuning.Optimisation;

/// <summary>
/// A Gaussian-process regression on the unit cube with a Matern-5/2 ARD kernel (MathNet Cholesky), and the fit of its
/// hyper-parameters by maximising the log marginal likelihood (projected Adam on the analytic gradient, a few starts).
/// </summary>
internal sealed class GaussianProcess
{
    private static readonly double Sqrt5 = Math.Sqrt(5d);
    private readonly double[][] _x;
    private readonly double[] _alpha;
    private readonly double[,] _lower;
    private readonly double[] _inverseLengths;
    private readonly double _signal;

    private GaussianProcess(double[][] x, KernelParameters parameters, double[] alpha, double[,] lower, double logLikelihood)
    {
        _x = x;
        Parameters = parameters;
        _alpha = alpha;
        _lower = lower;
        _inverseLengths = parameters.LogLengthScales.Select(l => Math.Exp(-l)).ToArray();
        _signal = Math.Exp(parameters.LogSignal);
        LogLikelihood = logLikelihood;
    }

    public KernelParameters Parameters { get; }

    /// <summary>The log marginal likelihood plus the log of the length-scale prior: what the hyper-parameter fit maximises.</summary>
    public double LogLikelihood { get; }

    /// <summary>Conditions on (x, y) with fixed hyper-parameters; y should be standardised.</summary>
    public static GaussianProcess Condition(double[][] x, double[] y, KernelParameters parameters)
    {
        var n = x.Length;
        var k = Covariance(x, parameters, out _);
        var cholesky = Factor(k, n);
        var yv = DenseVector.OfArray(y);
        var alpha = cholesky.Solve(yv);
        var factor = cholesky.Factor;
        var lower = factor.ToArray();
        var logDet = 0d;
        for (var i = 0; i < n; i++)
        {
            logDet += Math.Log(lower[i, i]);
        }

        var lml = (-0.5 * yv.DotProduct(alpha)) - logDet - (0.5 * n * Math.Log(2d * Math.PI)) + parameters.LogPrior();
        return new GaussianProcess(x, parameters, alpha.ToArray(), lower, lml);
    }

    /// <summary>Fits the hyper-parameters by maximising the log marginal likelihood from <paramref name="start"/> and
    /// <paramref name="restarts"/> random starts, then conditions on the data.</summary>
    public static GaussianProcess Fit(double[][] x, double[] y, KernelParameters start, int restarts, Random random, int iterations)
    {
        var best = Ascend(x, y, start.ToVector(), iterations);
        for (var r = 0; r < restarts; r++)
        {
            var d = start.LogLengthScales.Length;
            var v = new double[d + 2];
            for (var i = 0; i < d; i++)
            {
                v[i] = Math.Log(0.05) + (random.NextDouble() * (Math.Log(2d) - Math.Log(0.05)));
            }

            v[d] = (random.NextDouble() * 2d) - 1d;
            v[d + 1] = -11d + (random.NextDouble() * 5d);
            var candidate = Ascend(x, y, v, iterations);
            if (candidate.LogLikelihood > best.LogLikelihood)
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>Posterior mean and standard deviation at <paramref name="point"/>.</summary>
    public (double Mean, double Sd) Predict(double[] point)
    {
        var n = _x.Length;
        Span<double> v = n <= 512 ? stackalloc double[n] : new double[n];
        var mean = 0d;
        for (var i = 0; i < n; i++)
        {
            var ki = Kernel(point, _x[i]);
            mean += ki * _alpha[i];
            v[i] = ki;
        }

        // Forward substitution L w = k*: the variance is k(x, x) - |w|^2.
        var reduction = 0d;
        for (var i = 0; i < n; i++)
        {
            var s = v[i];
            for (var j = 0; j < i; j++)
            {
                s -= _lower[i, j] * v[j];
            }

            v[i] = s / _lower[i, i];
            reduction += v[i] * v[i];
        }

        var variance = Math.Max(_signal - reduction, 1e-12);
        return (mean, Math.Sqrt(variance));
    }

    private double Kernel(double[] a, double[] b)
    {
        var r2 = 0d;
        for (var k = 0; k < a.Length; k++)
        {
            var d = (a[k] - b[k]) * _inverseLengths[k];
            r2 += d * d;
        }

        var r = Math.Sqrt(r2);
        return _signal * (1d + (Sqrt5 * r) + (5d / 3d * r2)) * Math.Exp(-Sqrt5 * r);
    }

    private static GaussianProcess Ascend(double[][] x, double[] y, double[] start, int iterations)
    {
        // Projected Adam on the log marginal likelihood; keeps the best point seen.
        const double rate = 0.08;
        var theta = KernelParameters.FromVector(start).ToVector();
        var m = new double[theta.Length];
        var s = new double[theta.Length];
        (double Value, double[] Theta) best = (double.NegativeInfinity, theta);
        for (var t = 1; t <= iterations; t++)
        {
            double value;
            double[] gradient;
            try
            {
                (value, gradient) = LikelihoodAndGradient(x, y, KernelParameters.FromVector(theta));
            }
            catch (ArgumentException)
            {
                break; // not positive definite at these hyper-parameters: keep the best so far
            }

            if (value > best.Value)
            {
                best = (value, (double[])theta.Clone());
            }

            for (var i = 0; i < theta.Length; i++)
            {
                m[i] = (0.9 * m[i]) + (0.1 * gradient[i]);
                s[i] = (0.999 * s[i]) + (0.001 * gradient[i] * gradient[i]);
                var mh = m[i] / (1d - Math.Pow(0.9, t));
                var sh = s[i] / (1d - Math.Pow(0.999, t));
                theta[i] += rate * mh / (Math.Sqrt(sh) + 1e-8);
            }

            theta = KernelParameters.FromVector(theta).ToVector();
        }

        return Condition(x, y, KernelParameters.FromVector(best.Theta));
    }

    private static (double Value, double[] Gradient) LikelihoodAndGradient(double[][] x, double[] y, KernelParameters parameters)
    {
        var n = x.Length;
        var d = parameters.LogLengthScales.Length;
        var k = Covariance(x, parameters, out var signalPart);
        var cholesky = Factor(k, n);
        var yv = DenseVector.OfArray(y);
        var alpha = cholesky.Solve(yv);
        var inverse = cholesky.Solve(DenseMatrix.CreateIdentity(n));
        var logDet = 0d;
        for (var i = 0; i < n; i++)
        {
            logDet += Math.Log(cholesky.Factor[i, i]);
        }

        var value = (-0.5 * yv.DotProduct(alpha)) - logDet - (0.5 * n * Math.Log(2d * Math.PI));
        var gradient = new double[d + 2];
        for (var c = 0; c < d; c++)
        {
            var z = (parameters.LogLengthScales[c] - KernelParameters.PriorLogLength) / KernelParameters.PriorLogLengthSd;
            value -= 0.5 * z * z;
            gradient[c] -= z / KernelParameters.PriorLogLengthSd;
        }

        var inverseLengths = parameters.LogLengthScales.Select(l => Math.Exp(-l)).ToArray();
        var signal = Math.Exp(parameters.LogSignal);
        var noise = Math.Exp(parameters.LogNoise);
        var scaled = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var w = (alpha[i] * alpha[j]) - inverse[i, j];
                var weight = i == j ? 0.5 : 1d; // symmetric: off-diagonal pairs count twice
                gradient[d] += weight * w * signalPart[i, j];
                if (i == j)
                {
                    gradient[d + 1] += 0.5 * w * noise;
                    continue;
                }

                var r2 = 0d;
                for (var c = 0; c < d; c++)
                {
                    var diff = (x[i][c] - x[j][c]) * inverseLengths[c];
                    scaled[c] = diff * diff;
                    r2 += scaled[c];
                }

                var r = Math.Sqrt(r2);
                var common = signal * (5d / 3d) * (1d + (Sqrt5 * r)) * Math.Exp(-Sqrt5 * r);
                for (var c = 0; c < d; c++)
                {
                    gradient[c] += w * common * scaled[c];
                }
            }
        }

        return (value, gradient);
    }

    private static Matrix<double> Covariance(double[][] x, KernelParameters parameters, out double[,] signalPart)
    {
        var n = x.Length;
        var d = parameters.LogLengthScales.Length;
        var inverseLengths = parameters.LogLengthScales.Select(l => Math.Exp(-l)).ToArray();
        var signal = Math.Exp(parameters.LogSignal);
        var noise = Math.Exp(parameters.LogNoise);
        var k = new double[n, n];
        signalPart = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var r2 = 0d;
                for (var c = 0; c < d; c++)
                {
                    var diff = (x[i][c] - x[j][c]) * inverseLengths[c];
                    r2 += diff * diff;
                }

                var r = Math.Sqrt(r2);
                var value = signal * (1d + (Sqrt5 * r) + (5d / 3d * r2)) * Math.Exp(-Sqrt5 * r);
                signalPart[i, j] = signalPart[j, i] = value;
                k[i, j] = k[j, i] = value;
            }

            k[i, i] += noise + 1e-8;
        }

        return DenseMatrix.OfArray(k);
    }

    private static MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> Factor(Matrix<double> k, int n)
    {
        try
        {
            return k.Cholesky();
        }
        catch (ArgumentException)
        {
            // Near-duplicate points: add jitter once before giving up.
            for (var i = 0; i < n; i++)
            {
                k[i, i] += 1e-6 * k[i, i];
            }

            return k.Cholesky();
        }
    }
}
