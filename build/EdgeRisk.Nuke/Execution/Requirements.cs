using System.Linq.Expressions;

namespace EdgeRisk.Nuke.Execution;

/// <summary>
/// The validation phase: checks <c>Requires(...)</c> of every target that will run — parameter values and other
/// requirements alike — before any target runs. Every unmet requirement of the whole plan is named in one error
/// (distinct messages joined with "; "), so a bad value for a late target stops the run before an early one has side
/// effects. A requirement may also throw a <see cref="BuildConfigurationException"/> itself, e.g. to name several
/// missing variables of one service.
/// </summary>
internal static class Requirements
{
    public static void Check(ExecutionPlan plan, IReadOnlyList<ParameterDescriptor> parameters,
        IReadOnlyDictionary<ParameterDescriptor, ParameterSource> sources, NukeBuild build)
    {
        var problems = new List<string>();
        foreach (var target in plan.Ordered.Where(t => t.Status != TargetStatus.Skipped))
        {
            foreach (var requirement in target.Definition.Requirements)
            {
                var problem = requirement switch
                {
                    ParameterRequirement parameter => Evaluate(parameter, parameters, sources, build),
                    ConditionRequirement condition => Evaluate(target, condition.Condition, parameters),
                    _ => throw new InvalidOperationException($"Unknown requirement {requirement}."),
                };
                if (problem is not null && !problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new BuildConfigurationException(string.Join("; ", problems));
        }
    }

    private static string? Evaluate(ParameterRequirement requirement, IReadOnlyList<ParameterDescriptor> parameters,
        IReadOnlyDictionary<ParameterDescriptor, ParameterSource> sources, NukeBuild build)
    {
        string? problem;
        try
        {
            problem = requirement.Problem();
        }
        catch (BuildConfigurationException exception)
        {
            return exception.Message;
        }

        if (problem is null)
        {
            return null;
        }

        var parameter = parameters.FirstOrDefault(p => p.Matches(requirement.Member));
        if (parameter is null)
        {
            return $"{requirement.Member.Name} {problem}";
        }

        var source = sources.GetValueOrDefault(parameter);
        var shown = parameter.IsSecret ? SecretMasker.Mask : source?.Text ?? parameter.Display(build);
        var origin = source is null ? " (default)" : ParameterResolver.OriginSuffix(source.Origin);
        return $"{parameter.CliName} '{shown}'{origin}: {problem}";
    }

    private static string? Evaluate(ExecutableTarget target, Expression<Func<object?>> requirement, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var body = requirement.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : requirement.Body;
        object? value;
        try
        {
            value = requirement.Compile()();
        }
        catch (BuildConfigurationException exception)
        {
            return exception.Message;
        }

        if (body is MemberExpression member)
        {
            if (!IsMissing(value))
            {
                return null;
            }

            var parameter = parameters.FirstOrDefault(p => p.Member.Name == member.Member.Name);
            return parameter is null
                ? $"Target '{target.Name}' requires '{member.Member.Name}' to have a value."
                : $"Target '{target.Name}' requires parameter {parameter.Name}: pass {parameter.CliName} <value> or set the environment variable {parameter.EnvironmentName}.";
        }

        return value is false || value is null ? $"Target '{target.Name}' requires {body} to be true." : null;
    }

    private static bool IsMissing(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        Array array => array.Length == 0,
        _ => false,
    };
}
