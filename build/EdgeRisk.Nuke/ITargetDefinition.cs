using System.Linq.Expressions;

namespace EdgeRisk.Nuke;

/// <summary>Fluent configuration of a target, mirroring Nuke.Common's ITargetDefinition.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);

    /// <summary>Targets that must run (and succeed) before this one.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Makes this target a dependency of the given targets.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Targets scheduled to run after this one whenever this one is scheduled.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Ordering only: when both are scheduled, this target runs before the given ones.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Ordering only: when both are scheduled, this target runs after the given ones.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Evaluated once before execution; false skips the target and the dependencies only it needs.</summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition);

    /// <summary>Evaluated right before the target would run; false skips it.</summary>
    ITargetDefinition OnlyWhenDynamic(Expression<Func<bool>> condition);

    /// <summary>
    /// A member access (<c>() => WindowEnd</c>) requires a parameter value (not null, not empty); any other boolean
    /// expression must be true. Checked for every scheduled target before any target runs.
    /// </summary>
    ITargetDefinition Requires(params Expression<Func<object?>>[] requirements);

    /// <summary>
    /// Validates a parameter this target uses, with the other requirements of the plan before any target runs:
    /// <paramref name="problem"/> returns null for a valid value, else what is wrong and the valid values (e.g.
    /// <c>"must be a positive number or max"</c>). The error names the parameter as typed (<c>--speed</c>), its value
    /// and where the value came from; the run exits with code 2.
    /// </summary>
    ITargetDefinition Requires<T>(Expression<Func<T>> parameter, Func<T, string?> problem);

    /// <summary>Runs even after another target failed (but not when one of its own dependencies failed).</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Always runs, even when its dependencies or other targets failed.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Opts out of parallel execution: the target runs while no other target runs.</summary>
    ITargetDefinition Sequential();

    /// <summary>Input globs (relative to the root directory) hashed to decide whether the target is up to date.</summary>
    ITargetDefinition Inputs(params string[] globs);

    /// <summary>Output files or directories (relative to the root directory) that must exist unchanged to skip.</summary>
    ITargetDefinition Outputs(params string[] paths);

    /// <summary>
    /// DependsOn a component's target, NUKE's shape: <c>.DependsOn&lt;ICompile&gt;(x =&gt; x.Compile)</c>. The build must
    /// implement <typeparamref name="T"/>; the same holds for the other <c>&lt;T&gt;</c> overloads below.
    /// </summary>
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets);

    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets);

    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets);

    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets);

    ITargetDefinition Before<T>(params Func<T, Target>[] targets);

    ITargetDefinition After<T>(params Func<T, Target>[] targets);

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);
}
