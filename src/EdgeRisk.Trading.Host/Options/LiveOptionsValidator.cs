using Microsoft.Extensions.Options;

namespace EdgeRisk.Trading.Host.Options;

/// <summary>One-line errors naming the option and its valid range; used before start-up and by ValidateOnStart.</summary>
public sealed class LiveOptionsValidator : IValidateOptions<LiveOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveOptions options)
    {
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> Errors(LiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Symbols.Count == 0)
        {
            errors.Add("--symbols must name at least one of " + string.Join(", ", LiveOptions.KnownSymbols));
        }

        foreach (var symbol in options.Symbols.Where(s => !LiveOptions.KnownSymbols.Contains(s)))
        {
            errors.Add($"--symbols: unknown symbol '{symbol}'; valid symbols are {string.Join(", ", LiveOptions.KnownSymbols)}");
        }

        if (options.Symbols.Contains("NVDA") && options.Symbols.Count > 1)
        {
            errors.Add("--symbols: NVDA runs alone (job edgerisk-stocks); use BTC-USD,ETH-USD or NVDA");
        }

        if (!(options.Speed > 0d) || (options.Speed > LiveOptions.MaxSpeed && !options.IsMaxSpeed))
        {
            errors.Add($"--speed must be in (0, {LiveOptions.MaxSpeed.ToString(CultureInfo.InvariantCulture)}] virtual seconds per wall second, or 'max' (got {Show(options.Speed)})");
        }

        if (options.Duration <= TimeSpan.Zero || options.Duration > LiveOptions.MaxDuration)
        {
            errors.Add($"--duration must be in (0, 30d], e.g. 48h (got {options.Duration})");
        }

        if (options.MetricsPort is < 0 or > 65535)
        {
            errors.Add($"--metrics-port must be in [0, 65535], 0 for a free port the OS chooses (got {options.MetricsPort})");
        }

        if (!TryParseEndpoint(options.Redis, out _, out _))
        {
            errors.Add($"--redis must be host:port with port in [1, 65535] (got '{options.Redis}')");
        }

        if (options.RecordInterval < TimeSpan.FromSeconds(1) || options.RecordInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"--record-interval must be in [1s, 1h] (got {options.RecordInterval})");
        }

        if (options.CrashAt is { } crashAt && (crashAt <= TimeSpan.Zero || crashAt >= options.Duration))
        {
            errors.Add($"--crash-at must be in (0, --duration) (got {crashAt}, duration {options.Duration})");
        }

        if (options.Job is { } job && job is not ("edgerisk-crypto" or "edgerisk-stocks"))
        {
            errors.Add($"--job must be edgerisk-crypto or edgerisk-stocks (got '{job}')");
        }

        if (options.Profile == Profile.Local && !Directory.Exists(options.DataDirectory) && !options.Symbols.Contains("NVDA"))
        {
            errors.Add($"--data: directory '{options.DataDirectory}' does not exist; point it at the LEAN data folder (data/lean)");
        }

        if (options.NvdaFile is { } nvda && !File.Exists(nvda))
        {
            errors.Add($"--nvda-file: file '{nvda}' does not exist; omit it to use the synthetic NVDA tape");
        }

        return errors;
    }

    public static bool TryParseEndpoint(string text, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }

        host = text[..colon];
        return true;
    }

    private static string Show(double speed) => speed.ToString(CultureInfo.InvariantCulture);
}
