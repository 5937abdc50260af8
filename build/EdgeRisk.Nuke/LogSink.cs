namespace EdgeRisk.Nuke;

/// <summary>Where <see cref="Log"/> writes: masks secrets, filters by verbosity, prefixes the target name.</summary>
internal sealed class LogSink(SecretMasker masker, Verbosity verbosity, string? prefix, Action<string> writeLine)
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
            LogLevel.Debug => "DBG ",
            LogLevel.Warning => "WRN ",
            LogLevel.Error => "ERR ",
            LogLevel.Success => "OK  ",
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
