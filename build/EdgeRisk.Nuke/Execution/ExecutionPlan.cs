namespace EdgeRisk.Nuke.Execution;

/// <summary>
/// The scheduled targets in a stable topological order: invoked targets, their dependencies and triggered targets,
/// ordered by DependsOn, After/Before and Triggers; ties broken by command-line then discovery order.
/// </summary>
internal sealed class ExecutionPlan
{
    private ExecutionPlan(IReadOnlyList<ExecutableTarget> invoked, IReadOnlyList<ExecutableTarget> ordered,
        Dictionary<ExecutableTarget, List<ExecutableTarget>> predecessors)
    {
        Invoked = invoked;
        Ordered = ordered;
        Predecessors = predecessors;
    }

    public IReadOnlyList<ExecutableTarget> Invoked { get; }

    public IReadOnlyList<ExecutableTarget> Ordered { get; }

    /// <summary>Targets that must finish before a target starts (dependencies, After, triggering targets).</summary>
    public Dictionary<ExecutableTarget, List<ExecutableTarget>> Predecessors { get; }

    public static ExecutableTarget Find(IReadOnlyList<ExecutableTarget> targets, string name) =>
        targets.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new BuildConfigurationException(
            $"Unknown target '{name}'. {Suggestions.Hint(name, targets.Select(t => t.Name), $"Valid targets: {string.Join(", ", targets.Select(t => t.Name))}.")}");

    public static ExecutionPlan Create(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ExecutableTarget> invoked)
    {
        var scheduled = new HashSet<ExecutableTarget>();
        var queue = new Queue<ExecutableTarget>(invoked);
        while (queue.TryDequeue(out var target))
        {
            if (scheduled.Add(target))
            {
                target.DependsOn.Concat(target.Triggers).ToList().ForEach(queue.Enqueue);
            }
        }

        var predecessors = scheduled.ToDictionary(
            t => t,
            t => t.DependsOn.Concat(t.After)
                .Concat(targets.Where(u => u.Triggers.Contains(t)))
                .Where(scheduled.Contains).Distinct().ToList());

        var ordered = new List<ExecutableTarget>();
        var state = new Dictionary<ExecutableTarget, bool>(); // false: on the current path, true: done
        var path = new List<ExecutableTarget>();
        foreach (var root in invoked.Concat(targets.Where(scheduled.Contains)))
        {
            Visit(root, predecessors, state, path, ordered);
        }

        return new ExecutionPlan(invoked, ordered, predecessors);
    }

    private static void Visit(ExecutableTarget target, Dictionary<ExecutableTarget, List<ExecutableTarget>> predecessors,
        Dictionary<ExecutableTarget, bool> state, List<ExecutableTarget> path, List<ExecutableTarget> ordered)
    {
        if (state.TryGetValue(target, out var done))
        {
            if (!done)
            {
                var cycle = path.Skip(path.IndexOf(target)).Append(target).Select(t => t.Name);
                throw new BuildConfigurationException($"Circular dependency between targets: {string.Join(" -> ", cycle)}");
            }

            return;
        }

        state[target] = false;
        path.Add(target);
        foreach (var predecessor in predecessors[target])
        {
            Visit(predecessor, predecessors, state, path, ordered);
        }

        path.RemoveAt(path.Count - 1);
        state[target] = true;
        ordered.Add(target);
    }
}
