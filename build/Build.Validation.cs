using System.Globalization;
using System.Text.RegularExpressions;
using EdgeRisk.Evidence.Prometheus;
using EdgeRisk.Nuke;
using EdgeRisk.Processes;
using EdgeRisk.Release.Git;

namespace EdgeRisk.Build;

// Parameter checks of the validation phase: each target declares the parameters it uses with
// .Requires(() => Parameter, Check), and the engine runs the checks of every planned target before any target runs.
// A check returns null for a valid value, else what is wrong and the valid values; the engine puts the flag as typed,
// its value and its origin in front (--speed '-1': must be ...), exit code 2.
partial class Build
{
    static readonly string[] Journals = ["resume", "fresh"];
    static readonly string[] DockerSchemes = ["unix", "tcp", "ssh"];

    /// <summary>edgerisk-trading's limits for --speed and --duration.</summary>
    const double MaxSpeed = 1_000_000d;
    static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    static string? ReleaseVersionProblem(string version) =>
        EdgeRisk.Release.Git.ReleaseVersion.TryParse(version, out _) ? null : $"must be {EdgeRisk.Release.Git.ReleaseVersion.Expected}";

    static string? SpeedProblem(string speed) =>
        speed == "max" || (double.TryParse(speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0d and <= MaxSpeed)
            ? null
            : "must be a positive number of virtual seconds per wall second up to 1000000 (e.g. 2880), or max";

    static string? TimeoutProblem(TimeSpan timeout) =>
        timeout > TimeSpan.Zero && timeout <= PrometheusSourceOptions.MaxTimeout ? null : "must be longer than 0 and at most 1d, e.g. 60s or 2m";

    static string? ProgressEveryProblem(TimeSpan every) =>
        every > TimeSpan.Zero ? null : "must be longer than 0, e.g. 6h or 30m (virtual time between two status lines)";

    static string? DurationProblem(TimeSpan duration) =>
        duration > TimeSpan.Zero && duration <= MaxDuration ? null : "must be longer than 0 and at most 30d, e.g. 48h, 1h30m or 30m";

    string? CrashAtProblem(TimeSpan? crashAt) =>
        crashAt is not { } offset || (offset > TimeSpan.Zero && offset < Duration)
            ? null
            : $"must be within the dry run: after 0 and before --duration {DurationText.Format(Duration)} (e.g. 10h)";

    static string? PositiveWindowProblem(TimeSpan? window) =>
        window is not { } length || length > TimeSpan.Zero ? null : "must be longer than 0, e.g. 48h (default: --duration)";

    /// <summary>DryRun: the gate window ends at the end of the run, so it fits in --duration.</summary>
    string? DryRunWindowProblem(TimeSpan? window) =>
        PositiveWindowProblem(window) ?? (window > Duration
            ? $"must be at most --duration {DurationText.Format(Duration)}: the dry run records only that long"
            : null);

    /// <summary>EvaluateGates: an --evidence directory carries its own window, so --window is refused with it rather than ignored.</summary>
    string? EvaluateGatesWindowProblem(TimeSpan? window) =>
        PositiveWindowProblem(window) ?? NotWithEvidence(window is not null, "the evidence directory's own window is judged; drop --window");

    string? WindowEndProblem(DateTimeOffset? windowEnd) =>
        NotWithEvidence(windowEnd is not null, "the evidence directory's own window is judged; drop --window-end");

    string? LiveProblem(bool? live) =>
        NotWithEvidence(live == true, "an evidence directory is judged offline only; pass --prometheus-url for --live");

    string? GatesPrometheusUrlProblem(string? url) =>
        HttpUrlProblem(url, "http://127.0.0.1:9090") ?? NotWithEvidence(url is not null, "give --prometheus-url or --evidence, not both");

    string? NotWithEvidence(bool given, string why) => given && Evidence is not null ? $"is not used with --evidence {Evidence}: {why}" : null;

    string? EvidenceProblem(string? evidence) =>
        evidence is null || Directory.Exists(Path.IsPathRooted(evidence) ? evidence : RootDirectory / evidence)
            ? null
            : "is not a directory: pass an evidence directory written by EvaluateGates, e.g. artifacts/gates/evidence";

    static string? PnlSigmaProblem(decimal? sigma) =>
        sigma is not { } value || value > 0m ? null : "must be a positive number of USD (default: artifacts/sim/pnl_stats.json)";

    static string? HttpUrlProblem(string? url, string example) =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
            ? null
            : $"must be an absolute http(s) URL, e.g. {example}";

    static string? DockerHostProblem(string? host) =>
        host is null || (Uri.TryCreate(host, UriKind.Absolute, out var parsed) && DockerSchemes.Contains(parsed.Scheme, StringComparer.Ordinal))
            ? null
            : "must be a Docker engine address: unix:///var/run/docker.sock, tcp://host:2375 or ssh://user@host";

    static string? ComposeProjectProblem(string project) =>
        ComposeProjectPattern().IsMatch(project) ? null : "must be a compose project name: lowercase letters, digits, - and _, e.g. edgerisk";

    static string? MetricsPortProblem(int? port) =>
        port is null or (>= 0 and <= 65535) ? null : "must be 0 (a free port the OS chooses) or a TCP port 1..65535 (unset: 9101 for LiveCrypto, 9102 for LiveStocks)";

    static string? JournalProblem(string journal) =>
        Journals.Contains(journal, StringComparer.Ordinal) ? null : $"must be {string.Join(" or ", Journals)}";

    string? FileProblem(string? file, string example) =>
        file is null || (RootDirectory / file).FileExists() ? null : $"is not a file under the repository root: pass e.g. {example}";

    static string? NotEmptyProblem(string text, string example) => string.IsNullOrWhiteSpace(text) ? $"must not be empty, e.g. {example}" : null;

    static string? JiraIssueProblem(string issue) =>
        JiraIssuePattern().IsMatch(issue) ? null : "must be a Jira issue key PROJECT-123, e.g. RELEASE-40";

    static string? GitHubRepositoryProblem(string? repository) =>
        repository is null || GitHubRepositoryPattern().IsMatch(repository) ? null : "must be owner/name, e.g. edgerisk/edgerisk";

    static string? EmailProblem(string? email) =>
        email is null || (email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < email.Length - 1) ? null : "must be an email address, e.g. release@example.com";

    static string? DayProblem(string day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : "must be a day yyyy-MM-dd, e.g. 2017-09-03 (shipped days: data/README.md)";

    string? ToProblem(string to) =>
        DayProblem(to) ?? (DayProblem(From) is null && string.CompareOrdinal(to, From) < 0
            ? $"is before --from {From}: both days are inclusive, so pass --to on or after --from"
            : null);

    static string? SymbolsProblem(string symbols)
    {
        var given = symbols.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = given.FirstOrDefault(s => !BacktestSymbols.Contains(s, StringComparer.Ordinal));
        return given.Length > 0 && unknown is null
            ? null
            : $"{(unknown is null ? "names no symbol" : $"has the unknown symbol '{unknown}'")}: pass a comma-separated list of {string.Join(", ", BacktestSymbols)}";
    }

    static string? StrategyProblem(string strategy) =>
        BacktestStrategies.Contains(strategy, StringComparer.Ordinal) ? null : $"must be one of {string.Join(", ", BacktestStrategies)}";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ComposeProjectPattern();

    [GeneratedRegex("^[A-Z][A-Z0-9_]+-[1-9][0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex JiraIssuePattern();

    [GeneratedRegex(@"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubRepositoryPattern();
}
