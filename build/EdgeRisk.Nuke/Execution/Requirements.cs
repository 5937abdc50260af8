using System.Linq.Expressions;

namespace EdgeRisk.Nuke.Execution;

/// <summary>Checks <c>Requires(...)</c> of every target that will run, before any target runs.</summary>
internal static class Requirements
{
    public static void Check(ExecutionPlan plan, IReadOnlyList<ParameterDescriptor> parameters)
    {
        foreach (var target in plan.Ordered.Where(t => t.Status != TargetStatus.Skipped))
        {
            foreach (var requirement in target.Definition.Requirements)
            {
                var body = requirement.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : requirement.Body;
                var value = requirement.Compile()();
                if (body is MemberExpression member)
                {
                    if (IsMissing(value))
                    {
                        var parameter = parameters.FirstOrDefault(p => p.Member.Name == member.Member.Name);
                        throw new BuildConfigurationException(parameter is null
                            ? $"Target '{target.Name}' requires '{member.Member.Name}' to have a value."
                            : $"Target '{target.Name}' requires parameter {parameter.Name}: pass {parameter.CliName} <value> or set the environment variable {parameter.EnvironmentName}.");
                    }
                }
                else if (value is false || value is null)
                {
                    throw new BuildConfigurationException($"Target '{target.Name}' requires {body} to be true.");
                }
            }
        }
    }

    private static bool IsMissing(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        Array array => array.Length == 0,
        _ => false,
    };
}
