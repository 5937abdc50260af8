namespace EdgeRisk.Nuke;

/// <summary>
/// Marks a field or property as a build parameter, resolved from <c>--kebab-case</c> arguments, then environment
/// variables (SNAKE_CASE), then <c>.nuke/parameters.&lt;profile&gt;.json</c>, then <c>.nuke/parameters.json</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;

    /// <summary>Overrides the member name used for the CLI flag, environment variable and JSON key.</summary>
    public string? Name { get; set; }
}
