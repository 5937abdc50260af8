using System.Text;

namespace EdgeRisk.Nuke.Execution;

/// <summary>
/// The <c>--completion bash|zsh</c> script: completes target names, engine switches and <c>--parameter</c> flags, and the
/// values the engine knows for a flag (profiles, enum names). Use: <c>source &lt;(./build.sh --completion bash)</c>.
/// </summary>
internal static class CompletionWriter
{
    public static readonly string[] Shells = ["bash", "zsh"];

    public static string Generate(string shell, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters,
        IEnumerable<string> profiles)
    {
        if (!Shells.Contains(shell, StringComparer.Ordinal))
        {
            throw new BuildConfigurationException(
                $"--completion expects one of {string.Join(", ", Shells)} (got '{shell}'), e.g. source <(./build.sh --completion bash).");
        }

        var flags = CommandLine.Switches.Select(s => "--" + s).Concat(parameters.Select(p => p.CliName)).Distinct(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append("# EdgeRisk build completion (").Append(shell).Append("): source <(./build.sh --completion ").Append(shell).Append(")\n");
        if (shell == "zsh")
        {
            text.Append("autoload -U +X bashcompinit && bashcompinit\n");
        }

        text.Append("_edgerisk_build() {\n");
        text.Append("    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\"\n");
        text.Append("    (( COMP_CWORD > 0 )) && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n");
        text.Append("    case \"$prev\" in\n");
        text.Append("        --completion) COMPREPLY=($(compgen -W \"").Append(string.Join(' ', Shells)).Append("\" -- \"$cur\")); return 0 ;;\n");
        text.Append("        --skip) COMPREPLY=($(compgen -W \"").Append(Words(targets.Select(t => t.Name))).Append("\" -- \"$cur\")); return 0 ;;\n");
        foreach (var parameter in parameters)
        {
            var values = Values(parameter, profiles);
            if (values.Count > 0)
            {
                text.Append("        ").Append(parameter.CliName).Append(") COMPREPLY=($(compgen -W \"").Append(Words(values))
                    .Append("\" -- \"$cur\")); return 0 ;;\n");
            }
        }

        text.Append("    esac\n");
        text.Append("    if [[ \"$cur\" == -* ]]; then\n");
        text.Append("        COMPREPLY=($(compgen -W \"").Append(Words(flags)).Append("\" -- \"$cur\"))\n");
        text.Append("    else\n");
        text.Append("        COMPREPLY=($(compgen -W \"").Append(Words(targets.Select(t => t.Name))).Append("\" -- \"$cur\"))\n");
        text.Append("    fi\n");
        text.Append("}\n");
        text.Append("complete -F _edgerisk_build ./build.sh build.sh\n");
        return text.ToString();
    }

    private static List<string> Values(ParameterDescriptor parameter, IEnumerable<string> profiles) =>
        parameter.Name == nameof(NukeBuild.Profile) ? [.. profiles]
        : parameter.ValueType.IsEnum ? [.. Enum.GetNames(parameter.ValueType)]
        : [];

    // Names are C# identifiers, kebab flags and file-name profiles; anything else is dropped rather than quoted into the script.
    private static string Words(IEnumerable<string> words) =>
        string.Join(' ', words.Where(w => w.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')));
}
