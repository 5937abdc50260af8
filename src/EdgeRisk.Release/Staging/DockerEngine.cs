using Docker.DotNet;

namespace EdgeRisk.Release.Staging;

/// <summary>Which Docker engine the local profile's image builds talk to, and whether one answers.</summary>
public static class DockerEngine
{
    public const string HostVariable = "DOCKER_HOST";

    /// <summary>The engine docker and docker-compose use when DOCKER_HOST is not set.</summary>
    public static readonly Uri DefaultHost = new("unix:///var/run/docker.sock");

    /// <summary>True when the engine at <paramref name="host"/> answers its API ping within <paramref name="timeout"/>.</summary>
    public static async Task<bool> AnswersAsync(Uri host, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.IsUnc || (host.Scheme == "unix" && !File.Exists(host.LocalPath)))
        {
            return false;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var configuration = new DockerClientConfiguration(host, defaultTimeout: timeout);
            using var client = configuration.CreateClient();
            await client.System.PingAsync(deadline.Token);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or TimeoutException or DockerApiException
                                  or System.Net.Sockets.SocketException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return false;
        }
    }
}
