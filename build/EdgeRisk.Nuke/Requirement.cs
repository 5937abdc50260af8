using System.Linq.Expressions;
using System.Reflection;

namespace EdgeRisk.Nuke;

/// <summary>One <c>Requires(...)</c> of a target, checked with every other one of the plan before any target runs.</summary>
internal abstract record Requirement;

/// <summary>
/// <c>Requires(() => WindowEnd)</c>: the member must have a value; <c>Requires(() => Check())</c>: the expression must be
/// true (or throw a <see cref="BuildConfigurationException"/> naming what is missing).
/// </summary>
internal sealed record ConditionRequirement(Expression<Func<object?>> Condition) : Requirement;

/// <summary>
/// <c>Requires(() => Speed, speed => problem)</c>: the parameter's value is valid when <see cref="Problem"/> returns null;
/// otherwise its text (what is wrong and the valid values) follows the parameter as typed, its value and its origin.
/// </summary>
internal sealed record ParameterRequirement(MemberInfo Member, Func<string?> Problem) : Requirement;
