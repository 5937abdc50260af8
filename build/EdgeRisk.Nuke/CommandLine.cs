using System.Globalization;

namespace EdgeRisk.Nuke;

/// <summary>The parsed command line: targets, engine switches and raw parameter values.</summary>
internal sealed class CommandLine
{
    internal static readonly string[] Switches = ["help", "plan", "skip", "generate-workflows", "no-cache", "completion"];

    public List<string> Targets { get; } = [];

    /// <summary>Null when <c>--skip</c> is absent; empty when given bare (skip every dependency).</summary>
    public List<string>? Skip { get; private set; }

    public bool Help { get; private set; }

    public bool Plan { get; private set; }

    public bool GenerateWorkflows { get; private set; }

    /// <summary>The shell named by <c>--completion</c> (bash or zsh); null when absent.</summary>
    public string? Completion { get; private set; }

    public Dictionary<ParameterDescriptor, string> Values { get; } = [];

    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var result = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token is "-h" or "-?")
            {
                result.Help = true;
                continue;
            }

            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                result.Targets.Add(token);
                continue;
            }

            var separator = token.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? token[2..] : token[2..separator];
            var inline = separator < 0 ? null : token[(separator + 1)..];
            var normalized = ParameterDescriptor.Normalize(name);
            switch (normalized)
            {
                case "help":
                    result.Help = true;
                    continue;
                case "plan":
                    result.Plan = true;
                    continue;
                case "generateworkflows":
                    result.GenerateWorkflows = true;
                    continue;
                case "completion":
                    result.Completion = inline ?? (i + 1 < args.Count ? args[++i] : string.Empty);
                    continue;
                case "skip":
                    result.Skip ??= [];
                    result.Skip.AddRange(inline is null ? TakeValues(args, ref i) : inline.Split(','));
                    continue;
            }

            var parameter = parameters.FirstOrDefault(p => p.NormalizedName == normalized)
                ?? (normalized == "nocache" ? parameters.First(p => p.Name == nameof(NukeBuild.Force)) : null);
            if (parameter is null)
            {
                var hint = Suggestions.Hint(name, parameters.Select(p => p.CliName[2..]).Concat(Switches), string.Empty, h => "--" + h);
                throw new BuildConfigurationException(
                    $"Unknown option '--{name}'. {(hint.Length > 0 ? hint + " " : string.Empty)}Run with --help to list parameters.");
            }

            result.Values[parameter] = inline ?? ReadValue(parameter, args, ref i);
        }

        return result;
    }

    private static string ReadValue(ParameterDescriptor parameter, IReadOnlyList<string> args, ref int i)
    {
        var next = i + 1 < args.Count ? args[i + 1] : null;
        if (parameter.IsFlag)
        {
            if (next is not null && bool.TryParse(next, out _))
            {
                i++;
                return next;
            }

            return "true";
        }

        if (parameter.Member.Name == nameof(NukeBuild.ParallelTargets))
        {
            if (next is not null && int.TryParse(next, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                i++;
                return next;
            }

            return Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
        }

        if (parameter.IsArray)
        {
            return string.Join(',', TakeValues(args, ref i));
        }

        if (next is null || next.StartsWith("--", StringComparison.Ordinal))
        {
            throw new BuildConfigurationException(
                $"Parameter {parameter.CliName} expects a value: {ValueParser.ExpectedFormat(parameter.Type)}.");
        }

        i++;
        return next;
    }

    private static List<string> TakeValues(IReadOnlyList<string> args, ref int i)
    {
        var values = new List<string>();
        while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            values.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return values;
    }
}
