namespace EdgeRisk.Nuke;

/// <summary>Where <see cref="Log"/> writes: masks secrets, filters by verbosity, prefixes the target name.</summary>
internal sealed class LogSink(SecretMasker masker, Verbosity verbosity, string? prefix, Action<string> writeLine, bool colored = false)
{
    public static LogSink Console { get; } = new(new SecretMasker(), Verbosity.Normal, null, System.Console.WriteLine);

    public SecretMasker Masker => masker;

    public void Write(LogLevel level, string message)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        var tag = level switch
        {
            LogLevel.Debug => Ansi.Paint("DBG", Ansi.Grey, colored) + " ",
            LogLevel.Warning => Ansi.Paint("WRN", Ansi.Yellow, colored) + " ",
            LogLevel.Error => Ansi.Paint("ERR", Ansi.Red, colored) + " ",
            LogLevel.Success => Ansi.Paint("OK", Ansi.Green, colored) + "  ",
            _ => string.Empty,
        };
        foreach (var line in masker.Apply(message).Split('\n'))
        {
            writeLine(prefix is null ? $"{tag}{line.TrimEnd('\r')}" : $"[{prefix}] {tag}{line.TrimEnd('\r')}");
        }
    }

    private bool IsEnabled(LogLevel level) => verbosity switch
    {
        Verbosity.Quiet => level == LogLevel.Error,
        Verbosity.Minimal => level >= LogLevel.Warning,
        Verbosity.Normal => level >= LogLevel.Information,
        _ => true,
    };
}
