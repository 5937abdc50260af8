using System.Text.Json;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Nuke;

/// <summary>A parameter's value as given, and where it came from (<c>from the command line</c>, <c>from environment variable SPEED</c>, ...).</summary>
internal sealed record ParameterSource(string Text, string Origin)
{
    public bool IsCommandLine => Origin == FromCommandLine;

    public const string FromCommandLine = "from the command line";
}

/// <summary>Assigns parameter values: CLI, then environment, then the profile file, then parameters.json.</summary>
internal static class ParameterResolver
{
    /// <summary>Sets every parameter given anywhere; returns each one's text and origin (parameters left at their initializer are absent).</summary>
    public static IReadOnlyDictionary<ParameterDescriptor, ParameterSource> Resolve(
        NukeBuild build,
        IReadOnlyList<ParameterDescriptor> parameters,
        CommandLine commandLine,
        IReadOnlyDictionary<string, string> environment,
        AbsolutePath root,
        SecretMasker masker)
    {
        var profileParameter = parameters.First(p => p.Name == nameof(NukeBuild.Profile));
        var profileSource = FromCliOrEnvironment(profileParameter, commandLine, environment);
        var profile = profileSource?.Value ?? build.Profile;
        var baseFile = ReadJson(root / ".nuke" / "parameters.json", parameters, required: false);
        var profileFile = profile == "local" || (root / ".nuke" / $"parameters.{profile}.json").FileExists()
            ? ReadJson(root / ".nuke" / $"parameters.{profile}.json", parameters, required: false)
            : throw new BuildConfigurationException(
                $"{profileParameter.CliName} '{profile}'{OriginSuffix(profileSource?.Origin)} is not a profile: pass one of {string.Join(", ", Profiles(root))} " +
                $"(every profile but local is a .nuke/parameters.<profile>.json).");

        WarnAboutPlainTextSecrets(parameters, [profileFile, baseFile]);
        var sources = new Dictionary<ParameterDescriptor, ParameterSource>();
        foreach (var parameter in parameters)
        {
            var found = FromCliOrEnvironment(parameter, commandLine, environment)
                ?? Lookup(profileFile, parameter)
                ?? Lookup(baseFile, parameter);
            if (found is not { } source)
            {
                continue;
            }

            if (parameter.IsSecret)
            {
                masker.Add(source.Value);
            }

            sources[parameter] = new ParameterSource(source.Value, source.Origin);

            try
            {
                parameter.SetValue(build, ValueParser.Parse(parameter.Type, source.Value, root));
            }
            catch (FormatException exception)
            {
                var shown = parameter.IsSecret ? SecretMasker.Mask : source.Value;
                throw new BuildConfigurationException(
                    $"Invalid value '{shown}' for parameter {parameter.CliName} ({source.Origin}): expected {exception.Message}.");
            }
        }

        if (build.ParallelTargets < 0)
        {
            var parallel = parameters.First(p => p.Name == "Parallel");
            throw new BuildConfigurationException(
                $"{parallel.CliName} '{sources[parallel].Text}'{OriginSuffix(sources[parallel].Origin)} is not a number of targets: pass {parallel.CliName} (every processor) or {parallel.CliName}=N with N at least 1.");
        }

        foreach (var secret in parameters.Where(p => p.IsSecret))
        {
            switch (secret.GetValue(build))
            {
                case string text:
                    masker.Add(text);
                    break;
                case Array array:
                    foreach (var item in array)
                    {
                        masker.Add(item?.ToString());
                    }

                    break;
            }
        }

        return sources;
    }

    /// <summary>
    /// One warning per [Secret] parameter written into a parameters file, naming the files and the environment variable to
    /// use instead; never the value. The value is still used (and masked): the warning asks for the file to be fixed.
    /// </summary>
    private static void WarnAboutPlainTextSecrets(
        IReadOnlyList<ParameterDescriptor> parameters, IReadOnlyList<Dictionary<ParameterDescriptor, (string Value, string Origin)>> files)
    {
        foreach (var secret in parameters.Where(p => p.IsSecret))
        {
            var origins = files.Where(f => f.ContainsKey(secret)).Select(f => f[secret].Origin["from ".Length..]).Distinct().ToList();
            if (origins.Count > 0)
            {
                Log.Warning(
                    $"The secret {secret.CliName} is in plain text in {string.Join(" and ", origins)}: use the environment variable " +
                    $"{secret.EnvironmentName} or a secret store; remove it from the file.");
            }
        }
    }

    /// <summary>" (from environment variable X)" for a value not typed on the command line; empty for one that was.</summary>
    public static string OriginSuffix(string? origin) =>
        origin is null or ParameterSource.FromCommandLine ? string.Empty : $" ({origin})";

    /// <summary>The built-in local profile and every .nuke/parameters.&lt;profile&gt;.json.</summary>
    internal static IEnumerable<string> Profiles(AbsolutePath root) =>
        (root / ".nuke").GlobFiles("parameters.*.json")
            .Select(f => f.Name["parameters.".Length..^".json".Length]).Where(p => p != "local").Order(StringComparer.Ordinal).Prepend("local");

    private static (string Value, string Origin)? FromCliOrEnvironment(
        ParameterDescriptor parameter, CommandLine commandLine, IReadOnlyDictionary<string, string> environment)
    {
        if (commandLine.Values.TryGetValue(parameter, out var cli))
        {
            return (cli, ParameterSource.FromCommandLine);
        }

        foreach (var name in parameter.EnvironmentNames())
        {
            if (environment.TryGetValue(name, out var value) && value.Length > 0)
            {
                return (value, $"from environment variable {name}");
            }
        }

        return null;
    }

    private static (string Value, string Origin)? Lookup(Dictionary<ParameterDescriptor, (string, string)> file, ParameterDescriptor parameter) =>
        file.TryGetValue(parameter, out var value) ? value : null;

    private static Dictionary<ParameterDescriptor, (string, string)> ReadJson(
        AbsolutePath file, IReadOnlyList<ParameterDescriptor> parameters, bool required)
    {
        var values = new Dictionary<ParameterDescriptor, (string, string)>();
        var relative = $".nuke/{file.Name}";
        if (!file.FileExists())
        {
            return required
                ? throw new BuildConfigurationException($"Profile file {relative} does not exist: create it or pass another --profile.")
                : values;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.ReadAllText());
        }
        catch (JsonException exception)
        {
            throw new BuildConfigurationException($"{relative} is not valid JSON (line {exception.LineNumber + 1}): fix the file.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BuildConfigurationException($"{relative} must contain a JSON object of parameter names and values.");
            }

            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "$schema"))
            {
                var parameter = parameters.FirstOrDefault(p => p.NormalizedName == ParameterDescriptor.Normalize(property.Name))
                    ?? throw new BuildConfigurationException(
                        $"Unknown parameter '{property.Name}' in {relative}. {Suggestions.Hint(property.Name, parameters.Select(p => p.Name), "Run ./build.sh --help to list the parameters.")}");
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    values[parameter] = (ToText(property.Value), $"from {relative}");
                }
            }
        }

        return values;
    }

    private static string ToText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Array => string.Join(',', element.EnumerateArray().Select(ToText)),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };
}
