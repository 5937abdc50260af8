using System.Text;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Nuke.Execution;

/// <summary><c>--plan</c>: prints the execution order and writes the target graph as Mermaid to artifacts/plan.md.</summary>
internal static class PlanWriter
{
    public static void Write(IBuildDisplay display, ExecutionPlan plan, IReadOnlyList<ParameterDescriptor> parameters, NukeBuild build, AbsolutePath file)
    {
        display.WriteLine("Execution plan:");
        var step = 1;
        foreach (var target in plan.Ordered)
        {
            var state = target.Status == TargetStatus.Skipped ? $"skipped: {target.Reason}" : "will run";
            var waits = plan.Predecessors[target];
            var after = waits.Count > 0 ? $" after {string.Join(", ", waits)}" : string.Empty;
            var sequential = target.Definition.IsSequential ? " (sequential)" : string.Empty;
            display.WriteLine($"  {step++,2}. {target.Name}{after}{sequential} — {state}");
        }

        display.WriteLine("Parameters:");
        foreach (var parameter in parameters.Where(p => p.Display(build).Length > 0))
        {
            display.WriteLine($"  {parameter.CliName} = {parameter.Display(build)}");
        }

        file.WriteAllText(Mermaid(plan));
        display.WriteLine($"Graph written to {build.RootDirectory.GetUnixRelativePathTo(file)}");
    }

    public static string Mermaid(ExecutionPlan plan)
    {
        var text = new StringBuilder("# Execution plan\n\n```mermaid\ngraph LR\n");
        foreach (var target in plan.Ordered)
        {
            var style = target.Status == TargetStatus.Skipped ? ":::skipped" : string.Empty;
            text.Append($"  {target.Name}[\"{target.Name}\"]{style}\n");
        }

        foreach (var target in plan.Ordered)
        {
            foreach (var predecessor in plan.Predecessors[target])
            {
                var arrow = target.DependsOn.Contains(predecessor) ? "-->" : "-.->";
                text.Append($"  {predecessor.Name} {arrow} {target.Name}\n");
            }
        }

        return text.Append("  classDef skipped stroke-dasharray: 5 5\n```\n").ToString();
    }
}
