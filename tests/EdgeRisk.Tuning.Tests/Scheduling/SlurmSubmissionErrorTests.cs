using EdgeRisk.Tuning.Scheduling;

namespace EdgeRisk.Tuning.Tests.Scheduling;

public sealed class SlurmSubmissionErrorTests
{
    [Fact]
    public void SlurmTrialScheduler_SlurmConfMissing_ThrowsNamingTheFlagAndTheFix()
    {
        var error = Assert.Throws<TrialSchedulingException>(() => new SlurmTrialScheduler(new() { SlurmConf = "/nonexistent/slurm.conf" }));

        Assert.Equal("--slurm-conf '/nonexistent/slurm.conf' does not exist: give the cluster's slurm.conf (the file its controller was started with)", error.Message);
    }

    [Fact]
    public async Task RunAsync_ControllerDown_ThrowsOneLineNamingTheFix()
    {
        using var dir = new TempDirectory("slurm-trials");
        var conf = dir.Combine("slurm.conf");
        await File.WriteAllTextAsync(conf, $"""
            ClusterName=edgerisk
            SlurmctldHost=localhost
            SlurmctldPort={FreePort.Next()}
            AuthType=auth/none
            MessageTimeout=2
            NodeName=localhost CPUs=1 State=UNKNOWN
            PartitionName=sweep Nodes=localhost Default=YES State=UP

            """);
        var scheduler = new SlurmTrialScheduler(new() { SlurmConf = conf });

        var error = await Assert.ThrowsAsync<TrialSchedulingException>(() =>
            TrialCommands.CollectAsync(scheduler, new TrialBatch(dir.Combine("run"), [TrialCommands.Writing("t0", dir.Path)])));

        Assert.StartsWith("sbatch failed (exit 1): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("scontrol ping", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
