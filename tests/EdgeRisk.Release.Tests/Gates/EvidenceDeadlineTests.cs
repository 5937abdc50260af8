namespace EdgeRisk.Release.Tests.Gates;

/// <summary>
/// A frozen Prometheus (a loopback server that accepts and never answers, or stalls mid-body; a real Prometheus stopped
/// with SIGSTOP) must not hold the gates: what has not arrived by the deadline (--timeout) is INCONCLUSIVE, in bounded time.
/// </summary>
public sealed class EvidenceDeadlineTests
{
    private const string NoAnswer = "Prometheus did not answer within 1 s";

    /// <summary>Generous for a busy 2-core machine; without the deadline these evaluations take minutes or never end.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly PrometheusSourceOptions Deadline = new()
    {
        ScrapeInterval = TimeSpan.FromSeconds(15),
        Timeout = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task EvaluateAsync_PrometheusAcceptsButNeverAnswers_AllInconclusiveWithinDeadline()
    {
        await using var server = FrozenHttpServer.Start(FrozenAt.BeforeHeaders);

        var report = await Evaluate(server.BaseUrl).WaitAsync(Bound);

        AssertAllInconclusive(report, NoAnswer);
        Assert.True(server.Requests > 0);
    }

    [Fact]
    public async Task EvaluateAsync_PrometheusStallsMidBody_AllInconclusiveWithinDeadlineAndReportWritten()
    {
        await using var server = FrozenHttpServer.Start(FrozenAt.MidBody);

        var report = await Evaluate(server.BaseUrl).WaitAsync(Bound);

        AssertAllInconclusive(report, NoAnswer);
        using var output = new TempDirectory("gates-deadline");
        await GateReportWriter.WriteAsync(report, output.Path);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output.Path, "gates.json")));
        Assert.Equal("INCONCLUSIVE", json.RootElement.GetProperty("verdict").GetString());
        Assert.All(json.RootElement.GetProperty("gates").EnumerateArray(),
            g => Assert.Contains(NoAnswer, g.GetProperty("detail").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task StepAsync_LivePrometheusFrozen_LookEndsAfterOneDeadlineWithInconclusiveJudgement()
    {
        await using var server = FrozenHttpServer.Start(FrozenAt.MidBody);
        // A window in the past: every minute is due at once, 24 evaluations if the look did not end at the first cut.
        var now = TimeProvider.System.GetUtcNow();
        using var run = new LiveGateRun(new LiveGateRunOptions
        {
            PrometheusUrl = server.BaseUrl,
            Window = GateWindow.Ending(now - TimeSpan.FromHours(1), TimeSpan.FromHours(4)),
            PnlSigmaUsd = 100m,
            Gates = new GateEvaluationOptions { Source = Deadline },
        }, TimeProvider.System);

        var step = await run.StepAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.False(step.Done);
        Assert.Null(step.Stop);
        var snapshot = Assert.Single(step.Snapshots);
        Assert.Equal(GateStatus.Inconclusive, snapshot.Verdict);
        Assert.All(snapshot.Gates, g => Assert.Contains(NoAnswer, g.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluateAsync_LiveAlertsPrometheusStallsMidBody_EvidenceUnavailableWithinTimeout()
    {
        await using var server = FrozenHttpServer.Start(FrozenAt.MidBody);
        using var dir = new TempDirectory("live-alerts-deadline");
        var rules = dir.Combine("rules.yml");
        await File.WriteAllTextAsync(rules, AlertRuleFiles.VarHigh);
        using var evaluation = new LiveAlertEvaluation(server.BaseUrl, LiveAlertRules.Load([rules], TimeSpan.FromSeconds(15)), TimeSpan.FromSeconds(1));
        var end = TimeProvider.System.GetUtcNow();

        var error = await Assert.ThrowsAsync<EvidenceUnavailableException>(
            () => evaluation.EvaluateAsync(end - TimeSpan.FromMinutes(10), end, CancellationToken.None).WaitAsync(Bound));

        Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_RealPrometheusSigstoppedMidEvaluation_InconclusiveWithinDeadline()
    {
        var evidence = Evidence.Healthy(length: TimeSpan.FromHours(4));
        await using var prometheus = await PrometheusServer.StartAsync(openMetricsBackfill: evidence.ToOpenMetrics());
        var options = Deadline with { Timeout = TimeSpan.FromSeconds(5), MaxConcurrentQueries = 1 };
        // Prometheus is stopped as soon as the first fetch is in, and every other fetch waits for that: the rest hit a
        // frozen server however the machine schedules them.
        var source = new FreezingAfterFirstFetch(
            new PrometheusEvidenceSource(prometheus.BaseUrl, options, null, TimeProvider.System), prometheus.Freeze);
        try
        {
            var report = await new GateEvaluator(TimeProvider.System).EvaluateAsync(source,
                GateWindow.Ending(evidence.Window.End, TimeSpan.FromHours(4)), 100m,
                new GateEvaluationOptions { Source = options }, null, CancellationToken.None).WaitAsync(Bound * 2);

            Assert.True(source.Frozen);
            Assert.NotEqual(GateStatus.Pass, report.Verdict);
            Assert.Contains(report.Gates, g => g.Status == GateStatus.Inconclusive
                && g.Detail.Contains("Prometheus did not answer within 5 s", StringComparison.Ordinal));
        }
        finally
        {
            prometheus.Thaw();
        }
    }

    /// <summary>Runs the first fetch, then freezes the server; every later fetch starts only after the freeze.</summary>
    private sealed class FreezingAfterFirstFetch(IEvidenceSource inner, Action freeze) : IEvidenceSource
    {
        private readonly TaskCompletionSource _frozen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _first;

        public bool Frozen => _frozen.Task.IsCompleted;

        public EvidenceRecording Recording => inner.Recording;

        public Task<IReadOnlyList<TimeSeries>> GetSeriesAsync(string selector, GateWindow window, CancellationToken cancellationToken) =>
            Fetch(() => inner.GetSeriesAsync(selector, window, cancellationToken), cancellationToken);

        public Task<RulesEvidence?> GetAlertRulesAsync(CancellationToken cancellationToken) =>
            Fetch(() => inner.GetAlertRulesAsync(cancellationToken), cancellationToken);

        public Task<IReadOnlyList<ContainerFacts>?> GetContainersAsync(CancellationToken cancellationToken) =>
            Fetch(() => inner.GetContainersAsync(cancellationToken), cancellationToken);

        private async Task<T> Fetch<T>(Func<Task<T>> fetch, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _first, 1) == 0)
            {
                try
                {
                    return await fetch();
                }
                finally
                {
                    freeze();
                    _frozen.TrySetResult();
                }
            }

            await _frozen.Task.WaitAsync(cancellationToken);
            return await fetch();
        }
    }

    private static Task<GateReport> Evaluate(Uri prometheus) =>
        new GateEvaluator(TimeProvider.System).EvaluateAsync(new GateEvaluationOptions
        {
            PrometheusUrl = prometheus,
            WindowEnd = Evidence.End,
            PnlSigmaUsd = 100m,
            Source = Deadline,
        }, null, CancellationToken.None);

    private static void AssertAllInconclusive(GateReport report, string detail)
    {
        Assert.Equal(GateStatus.Inconclusive, report.Verdict);
        Assert.Equal(GateNames.All.Count, report.Gates.Count);
        Assert.All(report.Gates, g =>
        {
            Assert.Equal(GateStatus.Inconclusive, g.Status);
            Assert.Contains(detail, g.Detail, StringComparison.Ordinal);
        });
    }
}
