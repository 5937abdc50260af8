namespace EdgeRisk.Nuke.Execution;

/// <summary>Marks scheduled targets skipped by <c>--skip</c> or a false static condition before execution.</summary>
internal static class SkipRules
{
    public static void Apply(ExecutionPlan plan, IReadOnlyList<ExecutableTarget> targets, List<string>? skip)
    {
        if (skip is { Count: 0 })
        {
            foreach (var target in plan.Ordered.Where(t => !plan.Invoked.Contains(t)))
            {
                MarkSkipped(target, "--skip");
            }
        }
        else if (skip is not null)
        {
            foreach (var target in skip.Select(name => ExecutionPlan.Find(targets, name)).Where(plan.Ordered.Contains))
            {
                MarkSkipped(target, "--skip");
            }
        }

        var conditionFalse = plan.Ordered.Where(t => t.Definition.StaticConditions.Any(c => !c())).ToHashSet();
        foreach (var target in conditionFalse)
        {
            MarkSkipped(target, "static condition is false");
        }

        // Dependencies needed only by condition-skipped targets are skipped too (NUKE's default dependency behavior).
        var needed = new HashSet<ExecutableTarget>();
        var queue = new Queue<ExecutableTarget>(plan.Invoked.Where(t => !conditionFalse.Contains(t)));
        while (queue.TryDequeue(out var target))
        {
            if (needed.Add(target))
            {
                target.DependsOn.Concat(target.Triggers).Where(t => !conditionFalse.Contains(t)).ToList().ForEach(queue.Enqueue);
            }
        }

        foreach (var target in plan.Ordered.Where(t => !needed.Contains(t) && t.Status != TargetStatus.Skipped))
        {
            MarkSkipped(target, "only needed by skipped targets");
        }
    }

    private static void MarkSkipped(ExecutableTarget target, string reason)
    {
        target.Status = TargetStatus.Skipped;
        target.Reason = reason;
    }
}
