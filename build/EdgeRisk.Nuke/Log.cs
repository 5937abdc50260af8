namespace EdgeRisk.Nuke;

/// <summary>
/// The build's log. Inside a target, messages go to that target's output (buffered when targets run in parallel);
/// registered secret values are always masked.
/// </summary>
public static class Log
{
    private static readonly AsyncLocal<LogSink?> CurrentSink = new();

    internal static LogSink Current
    {
        get => CurrentSink.Value ?? LogSink.Console;
        set => CurrentSink.Value = value;
    }

    public static void Debug(string message) => Current.Write(LogLevel.Debug, message);

    public static void Information(string message) => Current.Write(LogLevel.Information, message);

    public static void Success(string message) => Current.Write(LogLevel.Success, message);

    public static void Warning(string message) => Current.Write(LogLevel.Warning, message);

    public static void Error(string message) => Current.Write(LogLevel.Error, message);

    /// <summary>Masks registered secret values in <paramref name="text"/> for output the caller writes itself.</summary>
    public static string Mask(string text) => Current.Masker.Apply(text);
}
