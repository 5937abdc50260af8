using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Spectre.Console;

namespace EdgeRisk.Release.Staging;

/// <summary>
/// Health of a compose project read from the engine (Docker.DotNet): its containers by the
/// <c>com.docker.compose.project</c> label, each inspected for state, health, RestartCount, OOMKilled and StartedAt.
/// </summary>
public sealed class StackHealth : IDisposable
{
    public const string ProjectLabel = "com.docker.compose.project";
    public const string ServiceLabel = "com.docker.compose.service";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly DockerClient _client;
    private readonly string _project;
    private readonly TimeProvider _time;

    public StackHealth(DockerClient client, string projectName, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(projectName);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _project = projectName;
        _time = time;
    }

    /// <summary>Connects to <paramref name="dockerHost"/>, else DOCKER_HOST, else the default socket.</summary>
    public static StackHealth Connect(string projectName, TimeProvider time, string? dockerHost = null)
    {
        var endpoint = dockerHost ?? Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unix:///var/run/docker.sock";
        // The client keeps using the configuration (credentials, endpoint): it is not disposed here.
        var configuration = new DockerClientConfiguration(new Uri(endpoint));
        return new StackHealth(configuration.CreateClient(), projectName, time);
    }

    public async Task<IReadOnlyList<ServiceContainerStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var containers = await _client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ProjectLabel}={_project}"] = true },
            },
        }, cancellationToken);
        var statuses = new List<ServiceContainerStatus>();
        foreach (var container in containers)
        {
            var inspect = await _client.Containers.InspectContainerAsync(container.ID, cancellationToken);
            statuses.Add(new ServiceContainerStatus(
                container.Labels.TryGetValue(ServiceLabel, out var service) ? service : "?",
                inspect.Name.TrimStart('/'),
                inspect.ID,
                inspect.State.Status,
                inspect.State.Health?.Status is { Length: > 0 } health ? health : null,
                inspect.RestartCount,
                inspect.State.OOMKilled,
                inspect.State.ExitCode,
                ParseTime(inspect.State.StartedAt)));
        }

        return statuses.OrderBy(s => s.Service, StringComparer.Ordinal).ToList();
    }

    /// <summary>Polls until every expected service has a healthy container.</summary>
    /// <exception cref="StackUnhealthyException">After <paramref name="timeout"/>, naming the services that are not healthy.</exception>
    public async Task<IReadOnlyList<ServiceContainerStatus>> WaitUntilHealthyAsync(IReadOnlyCollection<string> expectedServices, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expectedServices);
        if (expectedServices.Count == 0)
        {
            throw new ArgumentException("name at least one service to wait for", nameof(expectedServices));
        }

        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            var statuses = await GetStatusAsync(cancellationToken);
            var missing = Unhealthy(expectedServices, statuses);
            if (missing.Count == 0)
            {
                return statuses;
            }

            if (_time.GetUtcNow() >= deadline)
            {
                throw new StackUnhealthyException(
                    $"compose project '{_project}' not healthy after {timeout.TotalSeconds:0} s: {string.Join(", ", missing)} (see 'docker-compose -p {_project} ps' and 'docker logs')",
                    statuses);
            }

            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    /// <summary>A table of the containers: service, container, state, health, restarts, OOM kill, start time.</summary>
    public static Table RenderTable(IReadOnlyList<ServiceContainerStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var table = new Table().AddColumns("Service", "Container", "State", "Health", "Restarts", "OOM killed", "Started (UTC)");
        foreach (var s in statuses)
        {
            var health = s.Health switch
            {
                null => "-",
                "healthy" => "[green]healthy[/]",
                var other => $"[red]{Markup.Escape(other)}[/]",
            };
            table.AddRow(
                Markup.Escape(s.Service),
                Markup.Escape(s.ContainerName),
                s.State == "running" ? "running" : $"[red]{Markup.Escape(s.State)} ({s.ExitCode.ToString(CultureInfo.InvariantCulture)})[/]",
                health,
                s.RestartCount == 0 ? "0" : $"[yellow]{s.RestartCount.ToString(CultureInfo.InvariantCulture)}[/]",
                s.OomKilled ? "[red]yes[/]" : "no",
                s.StartedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-");
        }

        return table;
    }

    public void Dispose() => _client.Dispose();

    private static List<string> Unhealthy(IReadOnlyCollection<string> expected, IReadOnlyList<ServiceContainerStatus> statuses)
    {
        var problems = new List<string>();
        foreach (var service in expected)
        {
            var containers = statuses.Where(s => s.Service == service).ToList();
            if (containers.Count == 0)
            {
                problems.Add($"{service} (no container)");
            }
            else if (containers.FirstOrDefault(c => !c.IsHealthy) is { } bad)
            {
                problems.Add($"{service} ({bad.State}{(bad.Health is null ? string.Empty : "/" + bad.Health)})");
            }
        }

        return problems;
    }

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) && parsed.Year > 1
            ? parsed
            : null;
}
