using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace EdgeRisk.Release.Tests.Gates;

/// <summary>Container restart evidence from a real, isolated dockerd with a busybox image imported from /bin/busybox.</summary>
public sealed class DockerContinuityTests
{
    private const string Project = "gatetest";
    private const string Image = "busybox-gates:local";

    [Fact]
    public async Task InspectProjectAsync_ContainerCrashedOnceUnderOnFailure_RestartCountOneFailsContinuity()
    {
        await using var daemon = await DockerDaemon.StartAsync();
        using var config = new DockerClientConfiguration(new Uri(daemon.DockerHost));
        using var client = config.CreateClient();
        await ImportBusyboxAsync(client);
        var healthy = await RunAsync(client, "healthy", "sleep 3600", restart: false);
        // Crashes on its first run only: the marker file survives the restart inside the same container.
        var flaky = await RunAsync(client, "flaky", "if [ ! -f /crashed ]; then touch /crashed; exit 1; fi; sleep 3600", restart: true);
        try
        {
            await WaitUntilAsync(async () =>
            {
                var i = await client.Containers.InspectContainerAsync(flaky);
                return i.RestartCount >= 1 && i.State.Running;
            });
            var inspector = new DockerContainerInspector(new Uri(daemon.DockerHost), Project);

            var facts = await inspector.InspectProjectAsync(CancellationToken.None);

            Assert.Equal(2, facts.Count);
            Assert.Equal(1, Assert.Single(facts, f => f.Name == "gatetest_flaky_1").RestartCount);
            Assert.Equal(0, Assert.Single(facts, f => f.Name == "gatetest_healthy_1").RestartCount);
            var e = Evidence.Healthy(step: 120, end: DateTimeOffset.UtcNow.AddHours(48));
            var both = ContinuityGate.Evaluate(e.Window, e.Get("up"), e.Get("edgerisk_start_time_seconds"), facts);
            var healthyOnly = ContinuityGate.Evaluate(e.Window, e.Get("up"), e.Get("edgerisk_start_time_seconds"), facts.Where(f => f.Name.Contains("healthy", StringComparison.Ordinal)).ToList());
            Assert.Equal(GateStatus.Fail, both.Status);
            Assert.Contains("gatetest_flaky_1 RestartCount 1", both.Detail);
            Assert.True(both.Irreversible);
            Assert.True(healthyOnly.Status == GateStatus.Pass, healthyOnly.Detail);
        }
        finally
        {
            foreach (var id in new[] { healthy, flaky })
            {
                await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
            }
        }
    }

    [Fact]
    public async Task InspectProjectAsync_NoDaemon_EvidenceUnavailableNamingHost()
    {
        using var dir = new TempDirectory("dk-none");
        var inspector = new DockerContainerInspector(new Uri("unix://" + dir.Combine("docker.sock")), Project);

        var error = await Assert.ThrowsAsync<EvidenceUnavailableException>(() => inspector.InspectProjectAsync(CancellationToken.None));

        Assert.Contains("docker.sock", error.Message);
    }

    private static async Task ImportBusyboxAsync(DockerClient client)
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var dir in new[] { "bin/", "tmp/", "proc/", "sys/", "dev/", "etc/" })
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, dir) { Mode = (UnixFileMode)0b111_101_101 });
            }

            await writer.WriteEntryAsync("/bin/busybox", "bin/busybox");
            foreach (var applet in new[] { "sh", "sleep", "touch", "true" })
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox" });
            }
        }

        tar.Position = 0;
        await client.Images.CreateImageAsync(new ImagesCreateParameters { FromSrc = "-", Repo = Image.Split(':')[0], Tag = "local" },
            tar, new AuthConfig(), new Progress<JSONMessage>());
    }

    private static async Task<string> RunAsync(DockerClient client, string service, string script, bool restart)
    {
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"{Project}_{service}_1",
            Image = Image,
            Cmd = ["sh", "-c", script],
            Labels = new Dictionary<string, string> { ["com.docker.compose.project"] = Project, ["com.docker.compose.service"] = service },
            HostConfig = new HostConfig
            {
                NetworkMode = "host",
                RestartPolicy = restart ? new RestartPolicy { Name = RestartPolicyKind.OnFailure } : new RestartPolicy { Name = RestartPolicyKind.No },
            },
        });
        await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return created.ID;
    }

    /// <summary>Polls the real daemon with a bounded timeout (its restart back-off is real time).</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await probe())
        {
            Assert.True(DateTime.UtcNow < deadline, "the flaky container was not restarted within 30 s");
            await Task.Delay(100);
        }
    }
}
