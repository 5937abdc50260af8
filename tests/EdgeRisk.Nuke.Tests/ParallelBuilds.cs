namespace EdgeRisk.Nuke.Tests;

/// <summary>Eight targets whose dependencies (only on lower-numbered targets) come from a generated graph.</summary>
internal sealed class RandomGraphBuild : NukeBuild
{
    private readonly Lock gate = new();
    private readonly IReadOnlyList<int[]> dependencies;
    private readonly bool[] sequential;
    private readonly Target[] targets;
    private int running;

    public RandomGraphBuild(IReadOnlyList<int[]> dependencies, bool[] sequential)
    {
        this.dependencies = dependencies;
        this.sequential = sequential;
        // Created once: a target property must return an equal delegate on every read so references resolve.
        targets = [.. Enumerable.Range(0, 8).Select(Define)];
    }

    public int MaxObserved { get; private set; }

    public bool SequentialOverlapped { get; private set; }

    public List<(string Name, bool Start)> Events { get; } = [];

    public Target T0 => targets[0];
    public Target T1 => targets[1];
    public Target T2 => targets[2];
    public Target T3 => targets[3];
    public Target T4 => targets[4];
    public Target T5 => targets[5];
    public Target T6 => targets[6];
    public Target T7 => targets[7];

    public Target All => _ => _.DependsOn(T0, T1, T2, T3, T4, T5, T6, T7);

    private Target Define(int index) => _ =>
    {
        var definition = _.DependsOn([.. dependencies[index].Select(d => targets[d])]).Executes(async () =>
        {
            lock (gate)
            {
                running++;
                MaxObserved = Math.Max(MaxObserved, running);
                SequentialOverlapped |= sequential[index] && running > 1;
                Events.Add(($"T{index}", true));
            }

            await Task.Yield();
            lock (gate)
            {
                SequentialOverlapped |= sequential[index] && running > 1;
                running--;
                Events.Add(($"T{index}", false));
            }
        });
        return sequential[index] ? definition.Sequential() : definition;
    };
}

internal sealed class ConcurrentFailureBuild : NukeBuild
{
    private readonly TaskCompletionSource bothStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int started;

    public Target Fails => _ => _.Executes(async () =>
    {
        Started();
        await bothStarted.Task;
        failed.SetResult();
        throw new InvalidOperationException("fails");
    });

    public Target Slow => _ => _.Executes(async () =>
    {
        Started();
        await failed.Task;
        Log.Information("slow finished after the failure");
    });

    public Target Dependent => _ => _.DependsOn(Fails).Executes(() => Log.Information("must not run"));

    public Target All => _ => _.DependsOn(Fails, Slow, Dependent).AssuredAfterFailure();

    private void Started()
    {
        if (Interlocked.Increment(ref started) == 2)
        {
            bothStarted.SetResult();
        }
    }
}

internal sealed class ChattyBuild : NukeBuild
{
    private readonly TaskCompletionSource bothStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int started;

    public Target Left => _ => _.Executes(() => ChatAsync("left"));

    public Target Right => _ => _.Executes(() => ChatAsync("right"));

    public Target Both => _ => _.DependsOn(Left, Right);

    private async Task ChatAsync(string name)
    {
        if (Interlocked.Increment(ref started) == 2)
        {
            bothStarted.SetResult();
        }

        await bothStarted.Task;
        for (var i = 0; i < 20; i++)
        {
            Log.Information($"{name} {i}");
            await Task.Yield();
        }
    }
}
