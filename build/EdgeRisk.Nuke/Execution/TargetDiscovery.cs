using System.Reflection;

namespace EdgeRisk.Nuke.Execution;

/// <summary>Finds Target properties on the build class and default members of the interfaces it implements.</summary>
internal static class TargetDiscovery
{
    public static List<ExecutableTarget> Discover(NukeBuild build)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var type = build.GetType();
        var classProperties = type.GetProperties(flags)
            .Where(p => p.PropertyType == typeof(Target) && !p.Name.Contains('.', StringComparison.Ordinal))
            .OrderBy(p => p.MetadataToken);
        var interfaceProperties = type.GetInterfaces().OrderBy(i => i.FullName, StringComparer.Ordinal)
            .SelectMany(i => i.GetProperties(flags).Where(p => p.PropertyType == typeof(Target)).OrderBy(p => p.MetadataToken));

        var targets = new List<ExecutableTarget>();
        foreach (var property in classProperties.Concat(interfaceProperties))
        {
            if (targets.Any(t => t.Name == property.Name))
            {
                continue;
            }

            // Reading through the interface property dispatches to the class's implementation when there is one.
            var factory = (Target)property.GetValue(build)!;
            var definition = new TargetDefinition(build);
            factory(definition);
            targets.Add(new ExecutableTarget(property.Name, targets.Count, factory, definition));
        }

        foreach (var target in targets)
        {
            var definition = target.Definition;
            Add(target.DependsOn, Resolve(targets, target, definition.DependsOnTargets));
            Add(target.Triggers, Resolve(targets, target, definition.TriggersTargets));
            Add(target.After, Resolve(targets, target, definition.AfterTargets));
            foreach (var other in Resolve(targets, target, definition.DependentForTargets))
            {
                Add(other.DependsOn, [target]);
            }

            foreach (var other in Resolve(targets, target, definition.TriggeredByTargets))
            {
                Add(other.Triggers, [target]);
            }

            foreach (var other in Resolve(targets, target, definition.BeforeTargets))
            {
                Add(other.After, [target]);
            }
        }

        return targets;
    }

    private static List<ExecutableTarget> Resolve(List<ExecutableTarget> targets, ExecutableTarget owner, List<Target> references) =>
        [.. references.Select(reference => targets.FirstOrDefault(t => t.Factory.Equals(reference))
            ?? throw new BuildConfigurationException(
                $"Target '{owner.Name}' references a target that is not a Target property of the build or its interfaces (a Target property must return an equal delegate on every read, e.g. a lambda written in the property body)."))];

    private static void Add(List<ExecutableTarget> list, IEnumerable<ExecutableTarget> items)
    {
        foreach (var item in items.Where(i => !list.Contains(i)))
        {
            list.Add(item);
        }
    }
}
