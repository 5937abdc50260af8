namespace EdgeRisk.Testing.Services;

/// <summary>
/// Base of the real Prometheus-family servers the tests start on 127.0.0.1: a port, the process and, for most, a
/// directory of its own. Ready when <c>GET /-/ready</c> answers 2xx; disposing stops the process and removes the directory.
/// </summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    protected LoopbackServer(TempDirectory? workDirectory, int port, ManagedProcess serverProcess)
    {
        WorkDirectory = workDirectory;
        Port = port;
        ServerProcess = serverProcess;
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    protected TempDirectory? WorkDirectory { get; }

    protected ManagedProcess ServerProcess { get; }

    public async ValueTask DisposeAsync()
    {
        await ServerProcess.DisposeAsync();
        WorkDirectory?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits (30 s at most) until <c>GET /-/ready</c> answers 2xx; fails with the process output when it exits first.</summary>
    protected async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await ServerProcess.WaitUntilAsync(async () => (await http.GetAsync(new Uri(BaseUrl, "-/ready"))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "/-/ready");
    }
}
