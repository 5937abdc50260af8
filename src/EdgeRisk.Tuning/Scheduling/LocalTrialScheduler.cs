using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace EdgeRisk.Tuning.Scheduling;

/// <summary>Options of <see cref="LocalTrialScheduler"/> (<c>--parallel N</c>).</summary>
public sealed record LocalSchedulerOptions
{
    /// <summary>Trials running at once; default one per core.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Times a trial that ended without a result is run again before it is recorded as failed.</summary>
    public int Retries { get; init; } = 2;

    public void Validate()
    {
        if (Parallelism < 1)
        {
            throw new TrialSchedulingException($"--parallel {Parallelism} is not valid: give 1 or more concurrent trials");
        }

        if (Retries < 0)
        {
            throw new TrialSchedulingException($"retries {Retries} is not valid: give 0 or more");
        }
    }
}

/// <summary>Runs trials as local processes (the run folder's wrapper), <see cref="LocalSchedulerOptions.Parallelism"/> at a time.</summary>
public sealed class LocalTrialScheduler : ITrialScheduler
{
    private readonly LocalSchedulerOptions _options;

    public LocalTrialScheduler(LocalSchedulerOptions options)
    {
        options.Validate();
        _options = options;
    }

    public async IAsyncEnumerable<TrialResult> RunAsync(TrialBatch batch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var folder = TrialRunFolder.Prepare(batch);
        var (finished, pending) = folder.Split(batch.Trials);
        foreach (var earlier in finished)
        {
            yield return earlier;
        }

        if (pending.Count == 0)
        {
            yield break;
        }

        var results = Channel.CreateUnbounded<TrialResult>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(_options.Parallelism, pending.Count)).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < pending.Count)
            {
                await results.Writer.WriteAsync(await RunTrialAsync(folder, pending[index].Id, stop.Token), stop.Token);
            }
        }, stop.Token)).ToArray();
        var all = Task.WhenAll(workers).ContinueWith(t => results.Writer.TryComplete(t.Exception?.GetBaseException()),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken))
            {
                yield return result;
            }
        }
        finally
        {
            // Early exit (cancellation, a consumer that stops reading): stop the workers and their processes before returning.
            await stop.CancelAsync();
            await all;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<TrialResult> RunTrialAsync(TrialRunFolder folder, string trialId, CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (true)
        {
            attempts++;
            var run = await SchedulerCommand.RunAsync("bash", [folder.WrapperPath, folder.Path, trialId],
                new Dictionary<string, string>(), "install bash", cancellationToken);
            if (folder.TryReadResult(trialId, attempts) is { } result)
            {
                return result;
            }

            if (attempts > _options.Retries)
            {
                return folder.Failed(trialId, attempts, folder.ReadExitCode(trialId) ?? run.ExitCode);
            }
        }
    }
}
