using System.Text.Json;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Nuke;

/// <summary>Assigns parameter values: CLI, then environment, then the profile file, then parameters.json.</summary>
internal static class ParameterResolver
{
    public static void Resolve(
        NukeBuild build,
        IReadOnlyList<ParameterDescriptor> parameters,
        CommandLine commandLine,
        IReadOnlyDictionary<string, string> environment,
        AbsolutePath root,
        SecretMasker masker)
    {
        var profileParameter = parameters.First(p => p.Name == nameof(NukeBuild.Profile));
        var profile = FromCliOrEnvironment(profileParameter, commandLine, environment)?.Value ?? build.Profile;
        var baseFile = ReadJson(root / ".nuke" / "parameters.json", parameters, required: false);
        var profileFile = ReadJson(root / ".nuke" / $"parameters.{profile}.json", parameters, required: profile != "local");

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
    }

    private static (string Value, string Origin)? FromCliOrEnvironment(
        ParameterDescriptor parameter, CommandLine commandLine, IReadOnlyDictionary<string, string> environment)
    {
        if (commandLine.Values.TryGetValue(parameter, out var cli))
        {
            return (cli, "from the command line");
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
                        $"Unknown parameter '{property.Name}' in {relative}. Did you mean: {string.Join(", ", Suggestions.Closest(property.Name, parameters.Select(p => p.Name)))}?");
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
