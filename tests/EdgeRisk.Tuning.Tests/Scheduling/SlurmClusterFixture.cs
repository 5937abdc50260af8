namespace EdgeRisk.Tuning.Tests.Scheduling;

/// <summary>One real single-node Slurm cluster per test class (it takes seconds to start); started only when running as root.</summary>
public sealed class SlurmClusterFixture : IAsyncLifetime
{
    private SlurmCluster? _cluster;

    public SlurmCluster Cluster => _cluster ?? throw new InvalidOperationException("the Slurm cluster needs root and was not started");

    public async Task InitializeAsync()
    {
        if (string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            _cluster = await SlurmCluster.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
