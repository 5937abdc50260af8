using EdgeRisk.Nuke.Tooling;
using EdgeRisk.Processes;

namespace EdgeRisk.Nuke.Execution;

/// <summary>
/// Runs the plan: up to <c>MaxParallelism</c> targets at once, each starting only after its predecessors ended;
/// a Sequential() target runs alone. After a failure, targets not yet started are NotRun unless ProceedAfterFailure
/// (and their own dependencies succeeded) or AssuredAfterFailure; running targets finish. After an interruption no
/// target starts (not even AssuredAfterFailure ones) and running targets see <see cref="NukeBuild.Cancellation"/>.
/// </summary>
internal sealed class BuildExecutor(
    ExecutionPlan plan, NukeBuild build, IBuildDisplay display, SecretMasker masker, TargetCache cache, BuildInterruption? interruption)
{
    public async Task RunAsync()
    {
        var pending = plan.Ordered.ToList();
        var done = new HashSet<ExecutableTarget>();
        var running = new Dictionary<Task, ExecutableTarget>();
        var failed = false;
        while (pending.Count > 0)
        {
            var index = 0;
            while (index < pending.Count)
            {
                var target = pending[index];
                if (!plan.Predecessors[target].All(done.Contains))
                {
                    index++;
                    continue;
                }

                if (interruption is { IsRequested: true } && target.Status != TargetStatus.Skipped)
                {
                    target.Reason = $"build interrupted ({interruption.Reason})";
                    pending.RemoveAt(index);
                    done.Add(target);
                    index = 0;
                    continue;
                }

                if (Decide(target, failed))
                {
                    pending.RemoveAt(index);
                    done.Add(target);
                    index = 0;
                    continue;
                }

                var exclusive = running.Values.Any(t => t.Definition.IsSequential);
                if (running.Count >= build.MaxParallelism || exclusive || (target.Definition.IsSequential && running.Count > 0))
                {
                    break;
                }

                pending.RemoveAt(index);
                running[RunTargetAsync(target)] = target;
            }

            if (running.Count == 0)
            {
                break;
            }

            var finished = await Task.WhenAny(running.Keys);
            done.Add(running[finished]);
            failed |= running[finished].Status == TargetStatus.Failed;
            running.Remove(finished);
            if (pending.Count == 0)
            {
                await Task.WhenAll(running.Keys);
                foreach (var target in running.Values)
                {
                    done.Add(target);
                }

                running.Clear();
            }
        }
    }

    /// <summary>Settles a target that will not run; returns false when it should run.</summary>
    private bool Decide(ExecutableTarget target, bool failed)
    {
        if (target.Status == TargetStatus.Skipped)
        {
            return true;
        }

        var definition = target.Definition;
        var brokenDependency = target.DependsOn.FirstOrDefault(d => plan.Predecessors[target].Contains(d)
            && d.Status is TargetStatus.Failed or TargetStatus.NotRun);
        if (definition.IsAssuredAfterFailure)
        {
            return false;
        }

        if (brokenDependency is not null)
        {
            target.Reason = $"dependency {brokenDependency.Name} {(brokenDependency.Status == TargetStatus.Failed ? "failed" : "did not run")}";
            return true;
        }

        if (failed && !definition.IsProceedAfterFailure)
        {
            target.Reason = "a previous target failed";
            return true;
        }

        return false;
    }

    private async Task RunTargetAsync(ExecutableTarget target)
    {
        var output = new TargetOutput(target.Name, build.Verbosity, masker, display, build.MaxParallelism > 1, build.IsGitHubActions);
        var started = build.TimeProvider.GetTimestamp();
        display.TargetStarted(target.Name);
        try
        {
            await Task.Run(async () =>
            {
                Log.Current = output.Sink;
                await ExecuteAsync(target);
            });
        }
        catch (Exception) when (interruption is { IsRequested: true })
        {
            target.Status = TargetStatus.Failed;
            target.Reason = $"interrupted ({interruption.Reason})";
            output.Sink.Write(LogLevel.Error, $"Interrupted ({interruption.Reason}): {target.Name} stopped before it finished");
        }
        catch (Exception exception)
        {
            target.Status = TargetStatus.Failed;
            target.FailedOnConfiguration = exception is BuildConfigurationException;
            target.Reason = masker.Apply(exception.Message);
            output.Sink.Write(LogLevel.Error, exception is ProcessException or BuildConfigurationException
                ? exception.Message
                : $"{exception.GetType().Name}: {exception.Message}");
            output.Sink.Write(LogLevel.Debug, exception.ToString());
        }

        target.Duration = build.TimeProvider.GetElapsedTime(started);
        output.Flush();
        display.TargetFinished(target.Name);
    }

    private async Task ExecuteAsync(ExecutableTarget target)
    {
        var definition = target.Definition;
        if (definition.DynamicConditions.FirstOrDefault(c => !c.Compile()()) is { } failed)
        {
            target.Status = TargetStatus.Skipped;
            target.Reason = $"condition {ConditionText.Of(failed)} is false";
            Log.Information($"Skipped: {target.Reason}");
            return;
        }

        var cached = TargetCache.Applies(target);
        // --force reruns the targets named on the command line; their dependencies still skip when up to date.
        var forced = build.Force && build.InvokedTargets.Contains(target.Name, StringComparer.Ordinal);
        if (cached && forced)
        {
            Log.Information("Running: --force");
        }
        else if (cached)
        {
            var (upToDate, reason) = cache.Check(target);
            if (upToDate)
            {
                target.Status = TargetStatus.UpToDate;
                target.Reason = reason;
                Log.Information($"Skipped (up to date): {reason}");
                return;
            }

            Log.Information($"Running: {reason}");
        }

        foreach (var action in definition.Actions)
        {
            await action();
        }

        target.Status = definition.Actions.Count == 0 ? TargetStatus.Collective : TargetStatus.Succeeded;
        if (cached)
        {
            cache.Store(target);
        }
    }
}
