using System.Linq.Expressions;
using EdgeRisk.Nuke.Execution;
using EdgeRisk.Nuke.IO;
using Spectre.Console;

namespace EdgeRisk.Nuke;

/// <summary>Base class of a build: targets are <see cref="Target"/> properties, parameters are [Parameter] members.</summary>
public abstract class NukeBuild : INukeBuild
{
    // Not named Parallel so that System.Threading.Tasks.Parallel stays usable unqualified in build classes.
    [Parameter("Run independent targets concurrently: --parallel uses every processor, --parallel=N at most N", Name = "Parallel")]
    public int ParallelTargets { get; set; }

    [Parameter("Parameter profile: values from .nuke/parameters.<profile>.json override .nuke/parameters.json")]
    public string Profile { get; set; } = "local";

    [Parameter("Run the named targets even when their inputs, parameters and outputs are unchanged; their dependencies still skip when up to date (alias --no-cache)")]
    public bool Force { get; set; }

    [Parameter("Output detail: Quiet, Minimal, Normal, Verbose or Trace (Trace prints parallel target output live)")]
    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    public AbsolutePath RootDirectory { get; internal set; } = null!;

    public AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";

    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    public bool IsLocalBuild { get; internal set; } = true;

    public bool IsServerBuild => !IsLocalBuild;

    /// <summary>True under GitHub Actions (<c>GITHUB_ACTIONS=true</c>): each target's output is folded into a log group.</summary>
    public bool IsGitHubActions { get; internal set; }

    /// <summary>
    /// Files appended, when they exist, to the GitHub Actions step summary (<c>GITHUB_STEP_SUMMARY</c>) after the target table
    /// at the end of the build, e.g. a report the targets wrote.
    /// </summary>
    protected internal virtual IEnumerable<AbsolutePath> StepSummaryFiles => [];

    public int MaxParallelism => Math.Max(1, ParallelTargets);

    public TimeProvider TimeProvider { get; internal set; } = TimeProvider.System;

    /// <summary>Cancelled when the build is interrupted (SIGINT/SIGTERM): pass it to everything a target waits for.</summary>
    public CancellationToken Cancellation { get; internal set; }

    /// <summary>The targets named on the command line (or the default target), as NUKE's <c>InvokedTargets</c>.</summary>
    public IReadOnlyList<string> InvokedTargets { get; internal set; } = [];

    /// <summary>Member names of the parameters given on the command line, not by the environment or a parameters file.</summary>
    public IReadOnlySet<string> CommandLineParameters { get; internal set; } = new HashSet<string>();

    /// <summary>True for <c>--plan</c>: the requirements are checked and the plan printed, nothing runs (a check must not act).</summary>
    public bool IsPlanOnly { get; internal set; }

    /// <summary>The terminal's display while targets run one at a time; null when output is redirected or parallel targets share a live display.</summary>
    internal (PlainDisplay Display, IAnsiConsole Console)? Terminal { get; set; }

    /// <summary>
    /// Runs <paramref name="work"/> with the terminal's console for a Spectre live display of its own; with null when output is
    /// redirected or the live display of <c>--parallel</c> targets holds the terminal (report in plain lines then). Meanwhile
    /// the build's output lines are written through that console, above the live display (without colours), and still
    /// go to the run log.
    /// </summary>
    public async Task<T> WithLiveConsoleAsync<T>(Func<IAnsiConsole?, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Terminal is not var (display, console))
        {
            return await work(null);
        }

        using (display.Divert(line => console.WriteLine(Ansi.Strip(line), Style.Plain)))
        {
            return await work(console);
        }
    }

    /// <summary>The entry point: <c>public static int Main() => Execute&lt;Build&gt;(x => x.Test);</c></summary>
    public static int Execute<T>(Expression<Func<T, Target>> defaultTarget)
        where T : NukeBuild, new()
    {
        var args = Environment.GetCommandLineArgs().Skip(1).ToArray();
        using var interruption = BuildInterruption.OnSignals();
        return ExecuteAsync(new T(), args, BuildOptions.FromProcess() with { Interruption = interruption }, defaultTarget).GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="build"/> with explicit arguments and options; returns the process exit code.</summary>
    public static async Task<int> ExecuteAsync<T>(T build, IReadOnlyList<string> args, BuildOptions options, Expression<Func<T, Target>>? defaultTarget = null)
        where T : NukeBuild =>
        (await RunAsync(build, args, options, defaultTarget)).ExitCode;

    /// <summary>Like <see cref="ExecuteAsync{T}"/>, returning every target's status.</summary>
    public static Task<BuildResult> RunAsync<T>(T build, IReadOnlyList<string> args, BuildOptions options, Expression<Func<T, Target>>? defaultTarget = null)
        where T : NukeBuild
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(options);
        var defaultName = defaultTarget?.Body is MemberExpression member ? member.Member.Name : null;
        return BuildRunner.RunAsync(build, typeof(T), args, options, defaultName);
    }
}
