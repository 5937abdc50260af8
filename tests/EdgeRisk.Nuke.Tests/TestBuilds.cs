using System.Collections.Concurrent;

namespace EdgeRisk.Nuke.Tests;

/// <summary>Records which targets ran, in order.</summary>
internal abstract class RecordingBuild : NukeBuild
{
    public ConcurrentQueue<string> Ran { get; } = new();

    protected Action Record(string name) => () => Ran.Enqueue(name);
}

internal sealed class LinearBuild : RecordingBuild
{
    public Target Clean => _ => _.Before(Restore).Executes(Record(nameof(Clean)));
    public Target Restore => _ => _.Executes(Record(nameof(Restore)));
    public Target Compile => _ => _.Description("Compiles").DependsOn(Restore).Executes(Record(nameof(Compile)));
    public Target Pack => _ => _.DependsOn(Compile).After(Test).Executes(Record(nameof(Pack)));
    public Target Test => _ => _.DependsOn(Compile).Triggers(Report).Executes(Record(nameof(Test)));
    public Target Report => _ => _.Executes(Record(nameof(Report)));
    public Target Announce => _ => _.TriggeredBy(Pack).Executes(Record(nameof(Announce)));
    public Target Lint => _ => _.DependentFor(Compile).Executes(Record(nameof(Lint)));
    public Target All => _ => _.DependsOn(Test, Pack);
}

internal sealed class CyclicBuild : NukeBuild
{
    public Target A => _ => _.DependsOn(B).Executes(() => { });
    public Target B => _ => _.DependsOn(A).Executes(() => { });
}

internal sealed class FailingBuild : RecordingBuild
{
    public Target Setup => _ => _.Executes(Record(nameof(Setup)));
    public Target Broken => _ => _.DependsOn(Setup).Executes(() => throw new InvalidOperationException("boom"));
    public Target AfterBroken => _ => _.DependsOn(Broken).Executes(Record(nameof(AfterBroken)));
    public Target Unrelated => _ => _.After(Broken).Executes(Record(nameof(Unrelated)));
    public Target Proceeding => _ => _.After(Broken).ProceedAfterFailure().Executes(Record(nameof(Proceeding)));
    public Target ProceedingDependent => _ => _.DependsOn(Broken).ProceedAfterFailure().Executes(Record(nameof(ProceedingDependent)));
    public Target Cleanup => _ => _.DependsOn(Broken).AssuredAfterFailure().Executes(Record(nameof(Cleanup)));
    public Target Everything => _ => _.DependsOn(AfterBroken, Unrelated, Proceeding, ProceedingDependent, Cleanup);
}

internal sealed class ConditionalBuild : RecordingBuild
{
    [Parameter("Enables Optional")]
    public bool Enable { get; set; }

    public Target OnlyForOptional => _ => _.Executes(Record(nameof(OnlyForOptional)));
    public Target Shared => _ => _.Executes(Record(nameof(Shared)));
    public Target Optional => _ => _.DependsOn(OnlyForOptional, Shared).OnlyWhenStatic(() => Enable).Executes(Record(nameof(Optional)));
    public Target Dynamic => _ => _.OnlyWhenDynamic(() => Ran.Contains(nameof(Shared))).Executes(Record(nameof(Dynamic)));
    public Target Main => _ => _.DependsOn(Optional, Shared, Dynamic).Executes(Record(nameof(Main)));

    public bool AlreadyDone { get; set; } = true;

    public Target Gated => _ => _.OnlyWhenDynamic(() => !AlreadyDone).Executes(Record(nameof(Gated)));
}

internal enum Venue
{
    Paper,
    Live,
}

internal sealed class ParameterBuild : NukeBuild
{
    [Parameter("End of the window")]
    public DateTimeOffset? WindowEnd { get; set; }

    [Parameter("Lookback")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(1);

    [Parameter("Symbols")]
    public string[] Symbols { get; set; } = [];

    [Parameter("Capital")]
    public decimal Capital { get; set; }

    [Parameter("Ratio")]
    public double Ratio { get; set; }

    [Parameter("Retries")]
    public int Retries { get; set; }

    [Parameter("Dry run")]
    public bool DryRun { get; set; }

    [Parameter("Venue")]
    public Venue Venue { get; set; }

    [Parameter("Report file")]
    public EdgeRisk.Nuke.IO.AbsolutePath? ReportFile { get; set; }

    [Parameter("Source of the value")]
    public string Source { get; set; } = "default";

    [Parameter("GitHub token"), Secret]
    public string? GitHubToken { get; set; }

    public Target Show => _ => _.Executes(() => Log.Information($"Source={Source}"));

    public Target Backtest => _ => _.Requires(() => WindowEnd).Executes(() => Log.Information("backtest"));

    public Target Leak => _ => _.Executes(() =>
    {
        Log.Information($"token is {GitHubToken}");
        throw new InvalidOperationException($"failed with {GitHubToken}");
    });

    public Target Echo => _ => _.Executes(() => ProcessTasks.StartProcess("/bin/echo", $"process says {GitHubToken}").AssertZeroExitCode());

    public Target ExitThree => _ => _.Executes(() => ProcessTasks.StartProcess("/bin/sh", "-c \"exit 3\"").AssertZeroExitCode());
}

internal interface ICompileComponent : INukeBuild
{
    Target CompileComponent => _ => _.Executes(() => Log.Information("component compile"));
}

internal interface ITestComponent : ICompileComponent
{
    Target TestComponent => _ => _.DependsOn(CompileComponent).Executes(() => Log.Information("component test"));
}

internal sealed class ComponentBuild : NukeBuild, ITestComponent
{
    public Target Publish => _ => _.DependsOn(((ITestComponent)this).TestComponent).Executes(() => Log.Information("publish"));
}

/// <summary>A component owning its parameter (description, check); the build holds the value and its default.</summary>
internal interface IHazRegionComponent : INukeBuild
{
    [Parameter("Deployment region: eu or us")]
    string Region { get; }

    static string? RegionProblem(string region) => region is "eu" or "us" ? null : "must be eu or us";
}

internal interface IDeployComponent : IHazRegionComponent, ICompileComponent
{
    Target DeployComponent => _ => _
        .DependsOn<ICompileComponent>(x => x.CompileComponent)
        .Requires(() => Region, RegionProblem)
        .Executes(() => Log.Information($"deploy to {Region}"));
}

internal sealed class ComponentParameterBuild : NukeBuild, IDeployComponent
{
    public string Region { get; set; } = "eu";

    public Target Announce => _ => _.DependsOn<IDeployComponent>(x => x.DeployComponent).Executes(() => Log.Information("announce"));
}

/// <summary>References a component target of an interface it does not implement.</summary>
internal sealed class MissingComponentBuild : NukeBuild
{
    public Target Publish => _ => _.DependsOn<ITestComponent>(x => x.TestComponent).Executes(() => Log.Information("publish"));
}

internal interface IHazReadOnlyRegionComponent : INukeBuild
{
    [Parameter("Deployment region")]
    string Region { get; }

    Target Show => _ => _.Executes(() => Log.Information(Region));
}

/// <summary>Implements a component's parameter without a setter: the engine could never set it.</summary>
internal sealed class ReadOnlyComponentParameterBuild : NukeBuild, IHazReadOnlyRegionComponent
{
    public string Region => "eu";
}

/// <summary>Staging-only steps: each names the variables it needs, by requirement or when it runs.</summary>
internal sealed class ConfigurationBuild : RecordingBuild
{
    [Parameter("Grafana URL")]
    public string? GrafanaUrl { get; set; }

    [Parameter("GitHub token"), Secret]
    public string? GitHubToken { get; set; }

    public Target Change => _ => _.Executes(Record(nameof(Change)));

    public Target Import => _ => _.DependsOn(Change).Requires(() => GrafanaConfigured()).Executes(Record(nameof(Import)));

    public Target Publish => _ => _.DependsOn(Import).Requires(() => GrafanaConfigured(), () => GitHubToken).Executes(Record(nameof(Publish)));

    public Target Deploy => _ => _.Executes(() => throw new BuildConfigurationException("Deploy (staging) needs PRODUCTION_DOCKER_HOST: set it and re-run"));

    public Target Fail => _ => _.After(Deploy).ProceedAfterFailure().Executes(() => throw new InvalidOperationException("boom"));

    public Target Both => _ => _.DependsOn(Deploy, Fail).ProceedAfterFailure();

    private bool GrafanaConfigured() =>
        GrafanaUrl is not null ? true : throw new BuildConfigurationException("Grafana is not configured: set GRAFANA_URL");
}

/// <summary>Targets that validate the parameters they use: Deploy (late in the plan) checks --speed and --window.</summary>
internal sealed class ValidationBuild : RecordingBuild
{
    [Parameter("Replay speed: a positive number or max")]
    public string Speed { get; set; } = "1";

    [Parameter("Window length")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    [Parameter("API token"), Secret]
    public string? ApiToken { get; set; }

    public Target Tag => _ => _.Executes(Record(nameof(Tag)));

    public Target Stage => _ => _.DependsOn(Tag).Executes(Record(nameof(Stage)));

    public Target Deploy => _ => _
        .DependsOn(Stage)
        .Requires(() => Speed, speed => speed == "max" || (double.TryParse(speed, System.Globalization.CultureInfo.InvariantCulture, out var x) && x > 0) ? null : "must be a positive number or max")
        .Requires(() => Window, window => window > TimeSpan.Zero ? null : "must be longer than 0, e.g. 48h")
        .Executes(Record(nameof(Deploy)));

    public Target Publish => _ => _
        .Requires(() => ApiToken, token => token is null || token.StartsWith("tok_", StringComparison.Ordinal) ? null : "must start with tok_")
        .Executes(Record(nameof(Publish)));
}
