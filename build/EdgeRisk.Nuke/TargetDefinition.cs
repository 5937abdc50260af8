using System.Linq.Expressions;
using EdgeRisk.Nuke.Execution;

namespace EdgeRisk.Nuke;

/// <summary>One target's declaration; <paramref name="build"/> resolves references to component targets (<c>DependsOn&lt;ICompile&gt;</c>).</summary>
internal sealed class TargetDefinition(INukeBuild build) : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Func<bool>> StaticConditions { get; } = [];
    public List<Expression<Func<bool>>> DynamicConditions { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsSequential { get; private set; }
    public List<string> InputGlobs { get; } = [];
    public List<string> OutputPaths { get; } = [];
    public List<Func<Task>> Actions { get; } = [];

    public ITargetDefinition Description(string description) => Set(() => DescriptionText = description);
    public ITargetDefinition DependsOn(params Target[] targets) => Set(() => DependsOnTargets.AddRange(targets));
    public ITargetDefinition DependentFor(params Target[] targets) => Set(() => DependentForTargets.AddRange(targets));
    public ITargetDefinition Triggers(params Target[] targets) => Set(() => TriggersTargets.AddRange(targets));
    public ITargetDefinition TriggeredBy(params Target[] targets) => Set(() => TriggeredByTargets.AddRange(targets));
    public ITargetDefinition Before(params Target[] targets) => Set(() => BeforeTargets.AddRange(targets));
    public ITargetDefinition After(params Target[] targets) => Set(() => AfterTargets.AddRange(targets));
    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) => DependsOn(Of(targets));
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) => DependentFor(Of(targets));
    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) => Triggers(Of(targets));
    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) => TriggeredBy(Of(targets));
    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) => Before(Of(targets));
    public ITargetDefinition After<T>(params Func<T, Target>[] targets) => After(Of(targets));
    public ITargetDefinition OnlyWhenStatic(Func<bool> condition) => Set(() => StaticConditions.Add(condition));
    public ITargetDefinition OnlyWhenDynamic(Expression<Func<bool>> condition) => Set(() => DynamicConditions.Add(condition));
    public ITargetDefinition Requires(params Expression<Func<object?>>[] requirements) =>
        Set(() => Requirements.AddRange(requirements.Select(r => new ConditionRequirement(r))));

    public ITargetDefinition Requires<T>(Expression<Func<T>> parameter, Func<T, string?> problem)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(problem);
        var member = (parameter.Body as MemberExpression)?.Member
            ?? throw new ArgumentException($"Requires(parameter, problem) needs a parameter member such as () => Speed, not {parameter.Body}.", nameof(parameter));
        // Compiled when the requirement is checked, not when targets are discovered: --help and --completion need none.
        var value = new Lazy<Func<T>>(parameter.Compile);
        return Set(() => Requirements.Add(new ParameterRequirement(member, () => problem(value.Value()))));
    }
    public ITargetDefinition ProceedAfterFailure() => Set(() => IsProceedAfterFailure = true);
    public ITargetDefinition AssuredAfterFailure() => Set(() => IsAssuredAfterFailure = true);
    public ITargetDefinition Sequential() => Set(() => IsSequential = true);
    public ITargetDefinition Inputs(params string[] globs) => Set(() => InputGlobs.AddRange(globs));
    public ITargetDefinition Outputs(params string[] paths) => Set(() => OutputPaths.AddRange(paths));

    public ITargetDefinition Executes(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Set(() => Actions.Add(() =>
        {
            action();
            return Task.CompletedTask;
        }));
    }

    public ITargetDefinition Executes(Func<Task> action) => Set(() => Actions.Add(action));

    private Target[] Of<T>(Func<T, Target>[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return build is T component
            ? [.. targets.Select(target => target(component))]
            : throw new BuildConfigurationException(
                $"A target of {build.GetType().Name} references a target of {typeof(T).Name}, which {build.GetType().Name} does not implement: add {typeof(T).Name} to its base list.");
    }

    private TargetDefinition Set(Action apply)
    {
        apply();
        return this;
    }
}
