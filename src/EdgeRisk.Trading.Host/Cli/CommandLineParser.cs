using EdgeRisk.Processes;

namespace EdgeRisk.Trading.Host.Cli;

/// <summary>Turns argv into a <see cref="Command"/>; every problem is a one-line <see cref="UsageException"/> naming the option.</summary>
public static class CommandLineParser
{
    private static readonly string[] LiveKeys =
    [
        "--profile", "--symbols", "--speed", "--duration", "--metrics-port", "--redis", "--data", "--window",
        "--record-metrics", "--record-interval", "--nvda-file", "--seed", "--job", "--crash-at", "--journal", ConfigOption, SkipBadFiles,
    ];

    private static readonly string[] BacktestKeys = ["--from", "--to", "--symbols", "--strategy", "--data", "--out", "--speed", "--repeat-days", ConfigOption, SkipBadFiles];

    /// <summary>The one option without a value: skip unreadable data files with a warning instead of failing.</summary>
    private const string SkipBadFiles = "--skip-bad-files";

    /// <summary>Longest synthetic replay <c>--repeat-days</c> accepts (ten years of virtual days).</summary>
    public const int MaxRepeatDays = 3650;

    private static readonly string[] SimStatsKeys = ["--data", "--out", "--symbols", ConfigOption, SkipBadFiles];

    /// <summary>The folder holding strategy.json and router.json; <see cref="DefaultConfigDirectory"/> under the current directory by default.</summary>
    private const string ConfigOption = "--config";

    public const string DefaultConfigDirectory = "config";

    public static Command Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            return new HelpCommand();
        }

        return args[0] switch
        {
            "live" => ParseLive(ReadPairs(args, LiveKeys)),
            "backtest" => ParseBacktest(ReadPairs(args, BacktestKeys)),
            "sim-stats" => ParseSimStats(ReadPairs(args, SimStatsKeys)),
            _ => throw new UsageException($"unknown command '{args[0]}'; valid commands are live, backtest, sim-stats"),
        };
    }

    private static LiveCommand ParseLive(Dictionary<string, string> values)
    {
        var options = new LiveOptions();
        if (values.TryGetValue("--profile", out var profile))
        {
            options.Profile = profile switch
            {
                "local" => Profile.Local,
                "staging" => Profile.Staging,
                _ => throw new UsageException($"--profile must be local or staging (got '{profile}')"),
            };
        }

        if (values.TryGetValue("--symbols", out var symbols))
        {
            options.Symbols = SplitSymbols(symbols);
        }

        if (values.TryGetValue("--speed", out var speed))
        {
            options.Speed = speed == "max" ? double.PositiveInfinity : ParseDouble("--speed", speed, "a number of virtual seconds per wall second or 'max'");
        }

        Set(values, "--duration", v => options.Duration = ParseDuration("--duration", v));
        Set(values, "--metrics-port", v => options.MetricsPort = ParseInt("--metrics-port", v));
        Set(values, "--redis", v => options.Redis = v);
        Set(values, "--data", v => options.DataDirectory = v);
        Set(values, "--window", v => options.Window = ParseDate("--window", v));
        Set(values, "--record-metrics", v => options.RecordMetricsFile = v);
        Set(values, "--record-interval", v => options.RecordInterval = ParseDuration("--record-interval", v));
        Set(values, "--nvda-file", v => options.NvdaFile = v);
        Set(values, "--seed", v => options.Seed = ParseInt("--seed", v));
        Set(values, "--job", v => options.Job = v);
        Set(values, "--crash-at", v => options.CrashAt = ParseDuration("--crash-at", v));
        Set(values, ConfigOption, v => options.ConfigDirectory = v);
        Set(values, "--journal", v => options.FreshJournal = v switch
        {
            "fresh" => true,
            "resume" => false,
            _ => throw new UsageException($"--journal must be fresh or resume (got '{v}')"),
        });
        options.SkipBadFiles = values.ContainsKey(SkipBadFiles);
        if (values.ContainsKey("--record-interval") && options.RecordMetricsFile is null)
        {
            throw new UsageException("--record-interval needs --record-metrics FILE");
        }

        var errors = LiveOptionsValidator.Errors(options);
        if (errors.Count > 0)
        {
            throw new UsageException(errors[0]);
        }

        return new LiveCommand(options);
    }

    private static BacktestCommand ParseBacktest(Dictionary<string, string> values)
    {
        var from = ParseDate("--from", Required(values, "--from", "a date like 2017-09-03"));
        var to = ParseDate("--to", Required(values, "--to", "a date like 2017-09-04 (inclusive)"));
        if (to < from)
        {
            throw new UsageException($"--to must be on or after --from, both days inclusive (got {from:yyyy-MM-dd} .. {to:yyyy-MM-dd})");
        }

        var symbols = SplitSymbols(values.GetValueOrDefault("--symbols", "BTC-USD,ETH-USD"));
        var strategy = values.GetValueOrDefault("--strategy");
        if (strategy is not null && !TradingConfigLoader.Strategies.Contains(strategy))
        {
            throw new UsageException($"--strategy must be one of {string.Join(", ", TradingConfigLoader.Strategies)} (got '{strategy}')");
        }

        var speed = double.PositiveInfinity;
        if (values.TryGetValue("--speed", out var speedText) && speedText != "max")
        {
            speed = ParseDouble("--speed", speedText, "a number of virtual seconds per wall second or 'max'");
            if (speed is <= 0d or > LiveOptions.MaxSpeed)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--speed must be in (0, {LiveOptions.MaxSpeed}] virtual seconds per wall second, or 'max' (got {speedText})"));
            }
        }

        int? repeatDays = null;
        if (values.TryGetValue("--repeat-days", out var repeatText))
        {
            var days = to.DayNumber - from.DayNumber + 1;
            var repeat = ParseInt("--repeat-days", repeatText);
            repeatDays = repeat >= days && repeat <= MaxRepeatDays
                ? repeat
                : throw new UsageException($"--repeat-days must be in [{days}, {MaxRepeatDays}]: at least the {days} days of --from .. --to, which it cycles (got {repeatText})");
        }

        var data = DataDirectory(values);
        return new BacktestCommand(from, to, symbols, strategy, data, values.GetValueOrDefault("--out"))
        {
            Speed = speed,
            RepeatDays = repeatDays,
            SkipBadFiles = values.ContainsKey(SkipBadFiles),
            ConfigDirectory = values.GetValueOrDefault(ConfigOption, DefaultConfigDirectory),
        };
    }

    private static SimStatsCommand ParseSimStats(Dictionary<string, string> values)
    {
        var data = DataDirectory(values);
        var output = Required(values, "--out", "a file such as artifacts/sim/pnl_stats.json");
        var symbols = SplitSymbols(values.GetValueOrDefault("--symbols", "BTC-USD,ETH-USD"));
        if (symbols.Contains("NVDA"))
        {
            throw new UsageException("--symbols: sim-stats uses the shipped crypto data only; use BTC-USD and/or ETH-USD");
        }

        return new SimStatsCommand(data, output, symbols)
        {
            SkipBadFiles = values.ContainsKey(SkipBadFiles),
            ConfigDirectory = values.GetValueOrDefault(ConfigOption, DefaultConfigDirectory),
        };
    }

    private static string DataDirectory(Dictionary<string, string> values)
    {
        var data = values.GetValueOrDefault("--data", "data/lean");
        return Directory.Exists(data)
            ? data
            : throw new UsageException($"--data: directory '{data}' does not exist; point it at the LEAN data folder (data/lean)");
    }

    private static Dictionary<string, string> ReadPairs(IReadOnlyList<string> args, string[] allowed)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var key = args[i];
            if (!allowed.Contains(key))
            {
                throw new UsageException($"unknown option '{key}' for '{args[0]}'; valid options are {string.Join(", ", allowed)}");
            }

            // A switch takes no value; every other option takes the next argument.
            var value = key == SkipBadFiles ? "true"
                : ++i < args.Count ? args[i]
                : throw new UsageException($"{key} needs a value");
            if (!values.TryAdd(key, value))
            {
                throw new UsageException($"{key} is given twice");
            }
        }

        return values;
    }

    private static void Set(Dictionary<string, string> values, string key, Action<string> apply)
    {
        if (values.TryGetValue(key, out var value))
        {
            apply(value);
        }
    }

    private static string Required(Dictionary<string, string> values, string key, string what)
        => values.TryGetValue(key, out var value) ? value : throw new UsageException($"{key} is required: {what}");

    private static string[] SplitSymbols(string text)
    {
        var symbols = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var symbol in symbols)
        {
            if (!LiveOptions.KnownSymbols.Contains(symbol))
            {
                throw new UsageException($"--symbols: unknown symbol '{symbol}'; valid symbols are {string.Join(", ", LiveOptions.KnownSymbols)}");
            }
        }

        return symbols.Length > 0 ? symbols : throw new UsageException("--symbols must name at least one of " + string.Join(", ", LiveOptions.KnownSymbols));
    }

    private static TimeSpan ParseDuration(string key, string text)
        => DurationText.TryParse(text, out var value) ? value : throw new UsageException($"{key}: '{text}' is not a duration; write a number and a unit (ms, s, m, h, d), e.g. 48h");

    private static int ParseInt(string key, string text)
        => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new UsageException($"{key}: '{text}' is not a whole number");

    private static double ParseDouble(string key, string text, string what)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : throw new UsageException($"{key}: '{text}' is not {what}");

    private static DateOnly ParseDate(string key, string text)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw new UsageException($"{key}: '{text}' is not a date; use yyyy-MM-dd, e.g. 2017-09-03");
}
