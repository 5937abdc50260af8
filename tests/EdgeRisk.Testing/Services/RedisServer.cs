namespace EdgeRisk.Testing.Services;

/// <summary>A real redis-server on 127.0.0.1 with a free port and its own data directory.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private ManagedProcess _process;

    private RedisServer(TempDirectory dir, int port, ManagedProcess process)
    {
        _dir = dir;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public int Pid => _process.Pid;

    public static async Task<RedisServer> StartAsync()
    {
        var dir = new TempDirectory("redis");
        var port = FreePort.Next();
        var process = await LaunchAsync(dir, port);
        return new RedisServer(dir, port, process);
    }

    /// <summary>Stops the server (SIGKILL, nothing flushed) — Redis "unreachable" as seen by clients.</summary>
    public async Task StopAsync() => await _process.DisposeAsync();

    /// <summary>Starts it again on the same port and data directory (appendonly keeps the data).</summary>
    public async Task RestartAsync()
    {
        await _process.DisposeAsync();
        _process = await LaunchAsync(_dir, Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _dir.Dispose();
    }

    private static async Task<ManagedProcess> LaunchAsync(TempDirectory dir, int port)
    {
        var process = ManagedProcess.Start("redis-server",
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", dir.Path,
            "--appendonly", "yes",
            "--appendfsync", "always",
            "--save", "",
            "--protected-mode", "no",
        ]);
        await process.WaitUntilAsync(() => RedisPing.AnswersAsync(port), TimeSpan.FromSeconds(20), "PING answered");
        return process;
    }
}
