namespace EdgeRisk.Nuke.Execution;

/// <summary>
/// The <c>--help</c> text: targets in graph order (a target after what it depends on, ties in declaration order; default
/// marked) and parameters (secrets masked, durations as typed).
/// </summary>
internal static class HelpWriter
{
    public static void Write(IBuildDisplay display, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters, NukeBuild build)
    {
        display.WriteLine("Usage: ./build.sh [targets] [--skip [targets]] [--plan] [--help] [--generate-workflows] [--<parameter> <value>]");
        display.WriteLine(string.Empty);
        display.WriteLine("Targets (→ default):");
        var width = targets.Max(t => t.Name.Length) + 4;
        foreach (var target in ExecutionPlan.Create(targets, targets).Ordered)
        {
            var marker = target.IsDefault ? "→ " : "  ";
            var dependencies = target.DependsOn.Count > 0 ? $" (depends on: {string.Join(", ", target.DependsOn)})" : string.Empty;
            display.WriteLine($"  {marker}{target.Name.PadRight(width)}{target.Definition.DescriptionText}{dependencies}");
        }

        display.WriteLine(string.Empty);
        display.WriteLine("Parameters (--kebab-case flag, SNAKE_CASE environment variable or .nuke/parameters.json key):");
        var nameWidth = parameters.Max(p => p.CliName.Length) + 4;
        foreach (var parameter in parameters)
        {
            var secret = parameter.IsSecret ? " [secret]" : string.Empty;
            var value = parameter.Display(build);
            var current = value.Length > 0 ? $" (current: {value})" : string.Empty;
            display.WriteLine($"  {parameter.CliName.PadRight(nameWidth)}{parameter.Description}{secret}{current}  [env {parameter.EnvironmentName}]");
        }
    }
}
