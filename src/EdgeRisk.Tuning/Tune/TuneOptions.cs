using System.Globalization;

namespace EdgeRisk.Tuning.Tune;

/// <summary>A shipped replay window: first and last day, inclusive.</summary>
public sealed record TuneWindow(DateOnly From, DateOnly To)
{
    /// <summary>Where the search runs: the first shipped 48 h of BTC+ETH with quotes.</summary>
    public static TuneWindow DefaultTuning { get; } = new(new DateOnly(2017, 9, 3), new DateOnly(2017, 9, 4));

    /// <summary>Where the best trials are validated: the other shipped 48 h.</summary>
    public static TuneWindow DefaultValidation { get; } = new(new DateOnly(2018, 4, 4), new DateOnly(2018, 4, 5));

    public string FromText => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string ToText => To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override string ToString() => $"{FromText}..{ToText}";
}

/// <summary>The search algorithm: Gaussian-process Bayesian optimisation or the random-search baseline.</summary>
public enum TuneAlgorithm
{
    Bayesian,
    Random,
}

/// <summary>What a tuning run searches, where it writes and how it validates (the Tune target's parameters).</summary>
public sealed record TuneOptions
{
    /// <summary>The base config folder (strategy.json, router.json) every trial starts from.</summary>
    public required string ConfigDirectory { get; init; }

    /// <summary>The search-space file (config/tune-space.json).</summary>
    public required string SpaceFile { get; init; }

    /// <summary>Where run folders go (artifacts/tune).</summary>
    public required string OutputRoot { get; init; }

    /// <summary>Builds each trial's command (the backtest, or a command a test controls).</summary>
    public required ITrialCommand TrialCommand { get; init; }

    public int Trials { get; init; } = 50;

    /// <summary>Trials asked of the optimiser at once and run together (at least the scheduler's parallelism).</summary>
    public int BatchSize { get; init; } = Environment.ProcessorCount;

    public int Seed { get; init; } = 1;

    public TuneAlgorithm Algorithm { get; init; } = TuneAlgorithm.Bayesian;

    public TuneWindow TuningWindow { get; init; } = TuneWindow.DefaultTuning;

    public TuneWindow ValidationWindow { get; init; } = TuneWindow.DefaultValidation;

    /// <summary>How many of the best feasible trials (by the tuning objective) are run on the validation window.</summary>
    public int TopK { get; init; } = 5;

    public ObjectiveOptions Objective { get; init; } = new();

    /// <summary>Run folder name under <see cref="OutputRoot"/>; null derives it from the algorithm, seed and a hash of the inputs.</summary>
    public string? RunName { get; init; }

    /// <summary>--apply: the config folder the proposal is copied into after a complete run with a proposal; null never writes config/.</summary>
    public string? ApplyTo { get; init; }

    /// <summary>Draw convergence.png and importance.png (ScottPlot).</summary>
    public bool Plots { get; init; } = true;

    public void Validate()
    {
        ThrowIf(Trials < 1, $"--trials {Trials} is not valid: give 1 or more trials");
        ThrowIf(BatchSize < 1, $"batch size {BatchSize} is not valid: give 1 or more");
        ThrowIf(TopK < 1, $"top-k {TopK} is not valid: validate 1 or more trials");
        ThrowIf(!Directory.Exists(ConfigDirectory), $"--config '{ConfigDirectory}' does not exist: give the folder with strategy.json and router.json");
        ThrowIf(TuningWindow.To < TuningWindow.From || ValidationWindow.To < ValidationWindow.From, $"windows {TuningWindow} / {ValidationWindow}: a window's last day must not be before its first");

        Objective.Validate();
    }

    private static void ThrowIf(bool invalid, string problem)
    {
        if (invalid)
        {
            throw new TuneException(problem);
        }
    }
}

/// <summary>A tuning error: one line naming the input and the fix.</summary>
public sealed class TuneException : Exception
{
    public TuneException()
    {
    }

    public TuneException(string message)
        : base(message)
    {
    }

    public TuneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
