using System.Reflection;

namespace EdgeRisk.Nuke;

/// <summary>A discovered <see cref="ParameterAttribute"/> member and its CLI/environment/JSON names.</summary>
internal sealed class ParameterDescriptor
{
    private static readonly string[] KnownWords = ["GitHub", "GitLab", "NuGet", "DotNet", "MSBuild"];

    private ParameterDescriptor(MemberInfo member, ParameterAttribute attribute, MemberInfo? declaration = null)
    {
        Member = member;
        Declaration = declaration ?? member;
        Name = attribute.Name ?? Declaration.Name;
        Description = attribute.Description;
        IsSecret = member.IsDefined(typeof(SecretAttribute)) || Declaration.IsDefined(typeof(SecretAttribute));
        Type = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
        IsEngine = member.DeclaringType == typeof(NukeBuild);
        var words = SplitWords(Name);
        CliName = "--" + string.Join('-', words).ToLowerInvariant();
        EnvironmentName = EnvironmentNameOf(Name);
    }

    /// <summary>The member the value is read from and written to (for a component's parameter: the class's implementation).</summary>
    public MemberInfo Member { get; }

    /// <summary>The member carrying <see cref="ParameterAttribute"/>: <see cref="Member"/>, or a component interface's property.</summary>
    public MemberInfo Declaration { get; }

    public string Name { get; }

    public string? Description { get; }

    public bool IsSecret { get; }

    public Type Type { get; }

    /// <summary>Declared by the engine itself (parallelism, profile, verbosity): not part of target fingerprints.</summary>
    public bool IsEngine { get; }

    public string CliName { get; }

    public string EnvironmentName { get; }

    public Type ValueType => Nullable.GetUnderlyingType(Type) ?? Type;

    public bool IsFlag => ValueType == typeof(bool);

    public bool IsArray => Type.IsArray;

    public string NormalizedName => Normalize(Name);

    public static IReadOnlyList<ParameterDescriptor> Discover(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var members = new List<ParameterDescriptor>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            members.AddRange(type.GetMembers(flags | BindingFlags.DeclaredOnly)
                .Where(m => m is FieldInfo or PropertyInfo)
                .OrderBy(m => m.MetadataToken)
                .Select(m => (Member: m, Attribute: m.GetCustomAttribute<ParameterAttribute>()))
                .Where(x => x.Attribute is not null)
                .Select(x => new ParameterDescriptor(x.Member, x.Attribute!)));
        }

        foreach (var component in buildType.GetInterfaces().OrderBy(i => i.FullName, StringComparer.Ordinal))
        {
            var map = buildType.GetInterfaceMap(component);
            foreach (var property in component.GetProperties(flags).OrderBy(p => p.MetadataToken))
            {
                if (property.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                {
                    continue;
                }

                var implementation = Implementation(buildType, map, property);
                if (!members.Any(m => IsSame(m.Member, implementation)))
                {
                    members.Add(new ParameterDescriptor(implementation, attribute, property));
                }
            }
        }

        // The build's own parameters, then its components', then the engine's.
        return [.. members.OrderBy(m => m.IsEngine)];
    }

    /// <summary>True for the member itself and, for a component's parameter, the interface property it implements.</summary>
    public bool Matches(MemberInfo member) =>
        IsSame(member, Member) || IsSame(member, Declaration);

    private static bool IsSame(MemberInfo a, MemberInfo b) => a.Name == b.Name && a.DeclaringType == b.DeclaringType;

    /// <summary>
    /// A component declares a parameter (<c>[Parameter] string Configuration { get; }</c>); the build class holds its value
    /// in a settable property of the same name, where the default is set.
    /// </summary>
    private static PropertyInfo Implementation(Type buildType, InterfaceMapping map, PropertyInfo declaration)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var index = declaration.GetMethod is { } getter ? Array.IndexOf(map.InterfaceMethods, getter) : -1;
        var target = index >= 0 ? map.TargetMethods[index] : null;
        var implementation = target is { IsAbstract: false } && target.DeclaringType is { IsInterface: false } owner
            ? owner.GetProperties(flags | BindingFlags.DeclaredOnly).FirstOrDefault(p => p.GetMethod == target)
            : null;
        return implementation is { CanWrite: true }
            ? implementation
            : throw new BuildConfigurationException(
                $"Parameter {declaration.Name} of {declaration.DeclaringType!.Name} needs a settable property on {buildType.Name}: " +
                $"declare 'public {declaration.PropertyType.Name} {declaration.Name} {{ get; set; }}' with its default value.");
    }

    public static string Normalize(string name) => name.Replace("-", string.Empty, StringComparison.Ordinal)
        .Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    public object? GetValue(object build) => Member is FieldInfo field ? field.GetValue(build) : ((PropertyInfo)Member).GetValue(build);

    public void SetValue(object build, object? value)
    {
        if (Member is FieldInfo field)
        {
            field.SetValue(build, value);
        }
        else
        {
            ((PropertyInfo)Member).SetValue(build, value);
        }
    }

    /// <summary>Environment variable names checked, in order: SNAKE_CASE, NUKE_SNAKE_CASE, the exact member name.</summary>
    public IEnumerable<string> EnvironmentNames() => [EnvironmentName, "NUKE_" + EnvironmentName, Name];

    /// <summary>The value as shown to humans: secrets masked, arrays comma-joined, unset as empty.</summary>
    public string Display(object build)
    {
        var value = GetValue(build);
        if (value is null || (value is string s && s.Length == 0))
        {
            return string.Empty;
        }

        return IsSecret ? SecretMasker.Mask : ValueParser.Format(value);
    }

    /// <summary>SNAKE_CASE environment variable name of a member name, keeping known words (GitHub -> GITHUB).</summary>
    public static string EnvironmentNameOf(string name) => string.Join('_', SplitWords(name)).ToUpperInvariant();

    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var i = 0;
        while (i < name.Length)
        {
            var known = KnownWords.FirstOrDefault(k => string.CompareOrdinal(name, i, k, 0, k.Length) == 0);
            var length = known?.Length ?? 1;
            if (known is null && char.IsUpper(name[i]) && i + 1 < name.Length && char.IsUpper(name[i + 1]))
            {
                // Acronyms (e.g. "APIKey" -> API, Key): capitals stay together until a capital starts a new word.
                while (i + length < name.Length && char.IsUpper(name[i + length])
                       && (i + length + 1 >= name.Length || !char.IsLower(name[i + length + 1])))
                {
                    length++;
                }
            }
            else if (known is null)
            {
                while (i + length < name.Length && !char.IsUpper(name[i + length]) && name[i + length] != '_')
                {
                    length++;
                }
            }

            var word = name.Substring(i, length).Trim('_');
            if (word.Length > 0)
            {
                words.Add(word);
            }

            i += length;
        }

        return words;
    }
}
