using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EdgeRisk.Testing.Services;

/// <summary>
/// A real single-node Slurm cluster: munged, slurmctld and slurmd in the foreground, all state, sockets and logs in one temp
/// folder, the controller and node on free ports, the node named <c>hostname -s</c> with partition <c>sweep</c>. Needs
/// root (slurmd runs jobs as their user). Clients reach it with <c>SLURM_CONF=</c><see cref="SlurmConf"/>;
/// <see cref="RunAsync"/> does that. Requeued tasks wait <see cref="RequeueDelaySeconds"/> before they run again
/// (Slurm's cred_expire; 120 s by default).
/// </summary>
public sealed class SlurmCluster : IAsyncDisposable
{
    public const int RequeueDelaySeconds = 10;

    private readonly TempDirectory _dir;
    private readonly List<ManagedProcess> _daemons = [];

    private SlurmCluster(TempDirectory dir, string nodeName)
    {
        _dir = dir;
        NodeName = nodeName;
    }

    public string SlurmConf => _dir.Combine("slurm.conf");

    public string NodeName { get; }

    public string Partition => "sweep";

    /// <summary>The environment every Slurm client needs to reach this cluster.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = SlurmConf };

    public static async Task<SlurmCluster> StartAsync(int cpus = 2)
    {
        var dir = new TempDirectory("slurm");
        var cluster = new SlurmCluster(dir, (await RunToolAsync("hostname", ["-s"], null)).Output.Trim());
        try
        {
            await cluster.LaunchAsync(cpus);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a Slurm client (sinfo, squeue, scontrol, sbatch, scancel) against this cluster.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(string command, params string[] arguments) =>
        RunToolAsync(command, arguments, Environment);

    /// <summary>A diagnostic snapshot of the daemons' logs (for failure messages).</summary>
    public string Logs()
    {
        var text = new StringBuilder();
        foreach (var log in new[] { "log/slurmctld.log", "log/slurmd.log" })
        {
            var path = _dir.Combine(log);
            if (File.Exists(path))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"--- {log}").AppendJoin('\n', File.ReadAllLines(path).TakeLast(30)).AppendLine();
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_daemons.Count == 3)
        {
            // Jobs first, so no trial process outlives the cluster.
            await RunAsync("scancel", $"--user={System.Environment.UserName}");
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(30) && (await RunAsync("squeue", "--noheader")).Output.Trim().Length > 0)
            {
                await Task.Delay(200);
            }
        }

        for (var i = _daemons.Count - 1; i >= 0; i--)
        {
            await _daemons[i].DisposeAsync();
        }

        _dir.Dispose();
    }

    private async Task LaunchAsync(int cpus)
    {
        foreach (var sub in new[] { "state", "spool", "log", "run", "munge" })
        {
            Directory.CreateDirectory(_dir.Combine(sub));
        }

        var key = _dir.Combine("munge", "munge.key");
        await File.WriteAllBytesAsync(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        if (!OperatingSystem.IsWindows())
        {
            // munged refuses a key others can read, and a socket path others cannot traverse (temp folders are 0700).
            File.SetUnixFileMode(key, UnixFileMode.UserRead);
            File.SetUnixFileMode(_dir.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var socket = _dir.Combine("munge", "munge.sock");
        var munged = Start("munged",
        [
            "--foreground", $"--key-file={key}", $"--socket={socket}", $"--pid-file={_dir.Combine("munge", "munged.pid")}",
            $"--log-file={_dir.Combine("munge", "munged.log")}", $"--seed-file={_dir.Combine("munge", "seed")}",
        ]);
        await munged.WaitUntilAsync(() => Task.FromResult(File.Exists(socket)), TimeSpan.FromSeconds(30), "munge socket created");

        var ports = (Controller: FreePort.Next(), Node: FreePort.Next());
        await File.WriteAllTextAsync(SlurmConf, $"""
            ClusterName=edgerisk
            SlurmctldHost={NodeName}
            SlurmctldPort={ports.Controller}
            SlurmdPort={ports.Node}
            SlurmUser=root
            AuthType=auth/munge
            AuthInfo=socket={socket},cred_expire={RequeueDelaySeconds}
            CredType=cred/munge
            StateSaveLocation={_dir.Combine("state")}
            SlurmdSpoolDir={_dir.Combine("spool")}
            SlurmctldPidFile={_dir.Combine("run", "slurmctld.pid")}
            SlurmdPidFile={_dir.Combine("run", "slurmd.pid")}
            SlurmctldLogFile={_dir.Combine("log", "slurmctld.log")}
            SlurmdLogFile={_dir.Combine("log", "slurmd.log")}
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            JobAcctGatherType=jobacct_gather/none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_Core
            MpiDefault=none
            ReturnToService=2
            SchedulerParameters=sched_interval=2
            NodeName={NodeName} CPUs={cpus} RealMemory=20000 State=UNKNOWN
            PartitionName={Partition} Nodes={NodeName} Default=YES MaxTime=INFINITE State=UP

            """);
        var controller = Start("slurmctld", ["-D", "-f", SlurmConf]);
        var node = Start("slurmd", ["-D", "-f", SlurmConf]);
        await node.WaitUntilAsync(async () =>
        {
            if (controller.HasExited)
            {
                throw new InvalidOperationException($"slurmctld exited with code {controller.ExitCode}:\n{controller.Output}\n{Logs()}");
            }

            var (exitCode, output) = await RunAsync("sinfo", "--noheader", "--format=%t");
            return exitCode == 0 && output.Trim() == "idle";
        }, TimeSpan.FromSeconds(60), "sinfo shows the node idle");
    }

    private ManagedProcess Start(string daemon, IEnumerable<string> arguments)
    {
        var process = ManagedProcess.Start(daemon, arguments, _dir.Path, Environment);
        _daemons.Add(process);
        return process;
    }

    private static async Task<(int ExitCode, string Output)> RunToolAsync(string command, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment)
    {
        await using var tool = ManagedProcess.Start(command, arguments, environment: environment);
        await tool.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (tool.ExitCode, tool.Output);
    }
}
