namespace EdgeRisk.Evidence;

/// <summary>The evaluated interval [Start, End], both inclusive. Series times are Unix seconds.</summary>
public sealed record GateWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public double StartSeconds => Start.ToUnixTimeMilliseconds() / 1000.0;

    public double EndSeconds => End.ToUnixTimeMilliseconds() / 1000.0;

    public double LengthSeconds => EndSeconds - StartSeconds;

    public static GateWindow Ending(DateTimeOffset end, TimeSpan length) => new(end - length, end);

    public static DateTimeOffset FromSeconds(double unixSeconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(unixSeconds * 1000));
}
