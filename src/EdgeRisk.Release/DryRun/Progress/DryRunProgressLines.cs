namespace EdgeRisk.Release.DryRun.Progress;

/// <summary>
/// The status line for CI and redirected output: one plain line each time the replay passes another multiple of
/// <see cref="Every"/> virtual time, and once when the run has finished (at its end or stopped early), nothing in between.
/// </summary>
public sealed class DryRunProgressLines : IDryRunProgressSink
{
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromHours(6);

    private readonly Action<string> _writeLine;
    private readonly Lock _gate = new();
    private long _printedMark;
    private bool _printedEnd;

    public DryRunProgressLines(Action<string> writeLine, TimeSpan every)
    {
        ArgumentNullException.ThrowIfNull(writeLine);
        if (every <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, "the status line interval must be longer than 0, e.g. 6h");
        }

        _writeLine = writeLine;
        Every = every;
    }

    public TimeSpan Every { get; }

    public void Report(DryRunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_gate)
        {
            var mark = progress.Elapsed.Ticks / Every.Ticks;
            var end = progress.Finished;
            if ((mark <= _printedMark || mark == 0) && !(end && !_printedEnd))
            {
                return;
            }

            _printedMark = Math.Max(_printedMark, mark);
            _printedEnd |= end;
            _writeLine(progress.Line());
        }
    }
}
