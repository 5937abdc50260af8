using System.Globalization;

namespace EdgeRisk.Nuke.Execution;

/// <summary>NUKE's end-of-build table: target, status, duration in plan order, total and the critical path.</summary>
internal static class SummaryWriter
{
    public static void Write(IBuildDisplay display, IReadOnlyList<ExecutableTarget> targets, TimeSpan total, IReadOnlyList<string> criticalPath,
        string? interrupted = null, string? log = null)
    {
        var colored = display.IsColored;
        var width = Math.Max(20, targets.Max(t => t.Name.Length) + 4);
        var rule = new string('═', width + 36);
        display.WriteLine(rule);
        display.WriteLine($"{"Target".PadRight(width)}{"Status",-24}{"Duration",12}");
        display.WriteLine(new string('─', width + 36));
        foreach (var target in targets)
        {
            var status = Ansi.Paint(Format(target.Status).PadRight(24), Ansi.Of(target.Status), colored);
            display.WriteLine($"{target.Name.PadRight(width)}{status}{FormatDuration(target),12}");
            if (target.Reason is { } reason && target.Status is not TargetStatus.Succeeded)
            {
                display.WriteLine($"  └ {reason}");
            }
        }

        display.WriteLine(new string('─', width + 36));
        display.WriteLine($"{"Total".PadRight(width)}{string.Empty,-24}{Format(total),12}");
        if (criticalPath.Count > 0)
        {
            display.WriteLine($"Critical path: {string.Join(" -> ", criticalPath)}");
        }

        display.WriteLine(rule);
        var failed = targets.Any(t => t.Status == TargetStatus.Failed);
        display.WriteLine(interrupted is not null ? Ansi.Paint($"Build interrupted ({interrupted}).", Ansi.Yellow, colored)
            : failed ? Ansi.Paint("Build failed.", Ansi.Red, colored) : Ansi.Paint("Build succeeded.", Ansi.Green, colored));
        if (log is not null)
        {
            display.WriteLine($"Log: {log}");
        }
    }

    /// <summary>The same table as Markdown, for the GitHub Actions step summary.</summary>
    public static string Markdown(IReadOnlyList<ExecutableTarget> targets, TimeSpan total, IReadOnlyList<string> criticalPath, string? interrupted = null)
    {
        var text = new System.Text.StringBuilder("## Build summary\n\n| Target | Status | Duration | Reason |\n|---|---|---|---|\n");
        foreach (var target in targets)
        {
            var reason = target.Reason is { } given && target.Status is not TargetStatus.Succeeded ? Cell(given) : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"| {target.Name} | {Format(target.Status)} | {FormatDuration(target)} | {reason} |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"| **Total** | | {Format(total)} | |\n\n");
        if (criticalPath.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Critical path: {string.Join(" → ", criticalPath)}\n\n");
        }

        var failed = targets.Any(t => t.Status == TargetStatus.Failed);
        text.Append(interrupted is not null ? $"**Build interrupted ({interrupted}).**\n" : failed ? "**Build failed.**\n" : "**Build succeeded.**\n");
        return text.ToString();
    }

    public static string Format(TargetStatus status) => status switch
    {
        TargetStatus.UpToDate => "Skipped (up to date)",
        _ => status.ToString(),
    };

    /// <summary>The chain of ordered predecessors with the longest summed duration among targets that ran.</summary>
    public static IReadOnlyList<string> CriticalPath(ExecutionPlan plan)
    {
        var finish = new Dictionary<ExecutableTarget, (TimeSpan Time, ExecutableTarget? Previous)>();
        var position = plan.Ordered.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        foreach (var target in plan.Ordered)
        {
            // Ties go to the latest target in plan order, so equal durations still yield the longest chain.
            var previous = plan.Predecessors[target].Where(finish.ContainsKey)
                .OrderByDescending(p => finish[p].Time).ThenByDescending(p => position[p]).FirstOrDefault();
            finish[target] = ((previous is null ? TimeSpan.Zero : finish[previous].Time) + target.Duration, previous);
        }

        var end = plan.Ordered.Where(t => t.Status is TargetStatus.Succeeded or TargetStatus.Failed)
            .OrderByDescending(t => finish[t].Time).ThenByDescending(t => position[t]).FirstOrDefault();
        var path = new List<string>();
        for (var current = end; current is not null; current = finish[current].Previous)
        {
            path.Insert(0, current.Name);
        }

        return path;
    }

    private static string FormatDuration(ExecutableTarget target) =>
        target.Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Collective or TargetStatus.UpToDate
            ? Format(target.Duration)
            : "—";

    private static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);

    private static string Format(TimeSpan duration) =>
        duration.ToString(duration.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss\.fff", CultureInfo.InvariantCulture);
}
