namespace EdgeRisk.Release.DryRun.Supervision;

/// <summary>
/// How the dry run runs <c>scripts/healthcheck_loop.sh</c> (or another watchdog) alongside the soak: the command, its
/// environment on top of the inherited one (service URLs, <c>PAGERDUTY_ROUTING_KEY</c>), where its output goes, and
/// how long to wait before starting it again after it exited.
/// </summary>
public sealed record HealthcheckLoopOptions
{
    public const string ScriptPath = "scripts/healthcheck_loop.sh";

    /// <summary>The program, e.g. <c>bash</c>.</summary>
    public string FileName { get; init; } = "bash";

    /// <summary>Its arguments, e.g. the script path and <c>--interval 30</c>; without <c>--http</c>/<c>--redis</c> the script checks the staging set.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? WorkingDirectory { get; init; }

    /// <summary>stdout and stderr of every run, appended, with a line per start and exit.</summary>
    public required string LogPath { get; init; }

    /// <summary>
    /// The script exits 1 after paging a failed check, expecting its supervisor to start it again: the dry run does,
    /// this long after the exit (the page's dedup key keeps one incident per service).
    /// </summary>
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The staging watchdog: <c>bash scripts/healthcheck_loop.sh</c> from <paramref name="repositoryRoot"/>.</summary>
    public static HealthcheckLoopOptions Script(string repositoryRoot, string logPath, IReadOnlyList<string>? arguments = null,
        IReadOnlyDictionary<string, string>? environment = null) => new()
        {
            FileName = "bash",
            Arguments = [Path.Combine(repositoryRoot, ScriptPath), .. arguments ?? []],
            Environment = environment ?? new Dictionary<string, string>(),
            WorkingDirectory = repositoryRoot,
            LogPath = logPath,
        };
}
