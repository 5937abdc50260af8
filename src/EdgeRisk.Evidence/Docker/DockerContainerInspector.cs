using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace EdgeRisk.Evidence.Docker;

/// <summary>Reads restart count, OOM kill, state and start time of every container of a compose project (Docker Engine API).</summary>
public sealed class DockerContainerInspector
{
    private readonly Uri _dockerHost;
    private readonly string _project;

    /// <param name="dockerHost">e.g. <c>unix:///var/run/docker.sock</c>.</param>
    /// <param name="composeProject">Matched on the <c>com.docker.compose.project</c> label.</param>
    public DockerContainerInspector(Uri dockerHost, string composeProject)
    {
        _dockerHost = dockerHost;
        _project = composeProject;
    }

    public async Task<IReadOnlyList<ContainerFacts>> InspectProjectAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var config = new DockerClientConfiguration(_dockerHost);
            using var client = config.CreateClient();
            var list = await client.Containers.ListContainersAsync(new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"com.docker.compose.project={_project}"] = true },
                },
            }, cancellationToken);
            var facts = new List<ContainerFacts>(list.Count);
            foreach (var item in list)
            {
                var inspect = await client.Containers.InspectContainerAsync(item.ID, cancellationToken);
                facts.Add(new ContainerFacts(inspect.Name.TrimStart('/'), inspect.ID, inspect.RestartCount, inspect.State.OOMKilled,
                    inspect.State.Running, ParseStarted(inspect.State.StartedAt)));
            }

            return facts.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or TimeoutException
            or System.Net.Sockets.SocketException)
        {
            throw new EvidenceUnavailableException($"Docker host {_dockerHost} (compose project {_project}): {e.Message}", e);
        }
    }

    // Docker reports "0001-01-01T00:00:00Z" for a container never started.
    private static DateTimeOffset? ParseStarted(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at.Year > 1 ? at : null;
}
