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
            LogLevel.Debug => Execution.Ansi.Paint("DBG", Execution.Ansi.Grey, colored) + " ",
            LogLevel.Warning => Execution.Ansi.Paint("WRN", Execution.Ansi.Yellow, colored) + " ",
            LogLevel.Error => Execution.Ansi.Paint("ERR", Execution.Ansi.Red, colored) + " ",
            LogLevel.Success => Execution.Ansi.Paint("OK", Execution.Ansi.Green, colored) + "  ",
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
