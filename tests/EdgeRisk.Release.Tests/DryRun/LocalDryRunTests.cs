namespace EdgeRisk.Release.Tests.DryRun;

/// <summary>The local dry run with real child processes (bash standing in for edgerisk-trading).</summary>
public sealed class LocalDryRunTests : IDisposable
{
    private readonly TempDirectory _dir = new("local-dry-run");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_ProcessesRecordNothing_EarlierRunsFilesGoneAndEvidenceRefused()
    {
        var output = _dir.Combine("dry-run");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "gates.om"), "# an earlier run's gate series");
        var recorded = Path.Combine(output, "edgerisk-crypto.metrics");
        var information = new List<string>();
        var dryRun = new LocalDryRun(Options(output, recorded), TimeProvider.System, information.Add);

        var error = await Assert.ThrowsAsync<DryRunException>(() => dryRun.RunAsync(show => show(null), CancellationToken.None));

        Assert.Contains("the trading processes recorded nothing", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "gates.om")));
        Assert.True(File.Exists(recorded));
        Assert.Contains(information, line => line.StartsWith("edgerisk-crypto: exit codes [0], restarts 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopPrometheusAsync_NoStateFiles_False()
    {
        Assert.False(await LocalDryRun.StopPrometheusAsync(_dir.Combine("dry-run"), TimeProvider.System));
    }

    private LocalDryRunOptions Options(string output, string recorded) => new()
    {
        RepositoryRoot = _dir.Path,
        OutputDirectory = output,
        GatesDirectory = _dir.Combine("gates"),
        Jobs = [new DryRunJob("edgerisk-crypto", "bash", ["-c", ": > \"$1\"", "bash", recorded], recorded)],
        Duration = TimeSpan.FromHours(1),
        Live = false,
        FinalGates = () => throw new InvalidOperationException("no last judgement without live gates"),
    };
}
