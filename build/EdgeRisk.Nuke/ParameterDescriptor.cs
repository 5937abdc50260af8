using System.Reflection;

namespace EdgeRisk.Nuke;

/// <summary>A discovered <see cref="ParameterAttribute"/> member and its CLI/environment/JSON names.</summary>
internal sealed class ParameterDescriptor
{
    private static readonly string[] KnownWords = ["GitHub", "GitLab", "NuGet", "DotNet", "MSBuild"];

    private ParameterDescriptor(MemberInfo member, ParameterAttribute attribute)
    {
        Member = member;
        Name = attribute.Name ?? member.Name;
        Description = attribute.Description;
        IsSecret = member.IsDefined(typeof(SecretAttribute));
        Type = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
        IsEngine = member.DeclaringType == typeof(NukeBuild);
        var words = SplitWords(Name);
        CliName = "--" + string.Join('-', words).ToLowerInvariant();
        EnvironmentName = EnvironmentNameOf(Name);
    }

    public MemberInfo Member { get; }

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

        return members;
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
