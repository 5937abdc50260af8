using System.Diagnostics;
using System.Text.RegularExpressions;
using Docker.DotNet;
using EdgeRisk.Staging.Tests.Scripts;
using EdgeRisk.Testing.Services;

namespace EdgeRisk.Staging.Tests.Compose;

/// <summary>
/// One isolated real dockerd for the Docker test collection, plus the images built on it once: the busybox image
/// on first use, the full set (scripts/build-images.sh: base, services, the published trading core) on first use.
/// </summary>
public sealed partial class DockerEngineFixture : IAsyncLifetime
{
    private readonly Lazy<Task> _busybox;
    private readonly Lazy<Task> _allImages;
    private DockerDaemon? _daemon;

    public DockerEngineFixture()
    {
        _busybox = new(() => RunScriptAsync("docker/busybox/build-busybox.sh", TimeSpan.FromMinutes(1)));
        _allImages = new(() => RunScriptAsync("scripts/build-images.sh", TimeSpan.FromMinutes(6), "--version", Version));
    }

    public DockerDaemon Daemon => _daemon ?? throw new InvalidOperationException("the daemon is not started");

    /// <summary>The trading-core image tag: the repository's &lt;Version&gt;.</summary>
    public static string Version { get; } = VersionPattern().Match(File.ReadAllText(RepositoryRoot.Combine("Directory.Build.props"))).Groups[1].Value;

    public Task EnsureBusyboxAsync() => _busybox.Value;

    public Task EnsureAllImagesAsync() => _allImages.Value;

    public DockerClient CreateClient() => new DockerClientConfiguration(new Uri(Daemon.DockerHost)).CreateClient();

    /// <summary>Runs the docker CLI against this engine.</summary>
    public Task<(int ExitCode, string Stdout, string Stderr)> DockerAsync(params string[] arguments) =>
        RunAsync("docker", arguments, TimeSpan.FromMinutes(1));

    public async Task InitializeAsync() => _daemon = await DockerDaemon.StartAsync();

    public async Task DisposeAsync()
    {
        if (_daemon is not null)
        {
            await _daemon.DisposeAsync();
        }
    }

    private async Task RunScriptAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync("bash", [RepositoryRoot.Combine(script), .. arguments], timeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed with exit code {exitCode}:\n{stdout}{stderr}");
        }
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName) { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Daemon.Environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionPattern();
}
