using System.Text;
using EdgeRisk.Processes;

namespace EdgeRisk.Nuke.Tooling;

/// <summary>Starts tools with captured output relayed (secret-masked) to the current target's log.</summary>
public static class ProcessTasks
{
    /// <param name="arguments">NUKE's argument string: split on blanks, double quotes group, <c>\"</c> is a quote; no shell.</param>
    public static IProcess StartProcess(
        string toolPath,
        string? arguments = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null,
        TimeSpan? timeout = null,
        bool logOutput = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolPath);
        var options = new ProcessOptions
        {
            FileName = toolPath,
            Arguments = SplitArguments(arguments ?? string.Empty),
            WorkingDirectory = workingDirectory,
            Environment = environmentVariables ?? new Dictionary<string, string>(),
            Timeout = timeout,
        };
        return new ToolProcess(options, logOutput);
    }

    /// <summary>The argument list .NET would pass for this string (quotes group words, a backslash escapes a quote).</summary>
    internal static IReadOnlyList<string> SplitArguments(string arguments)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            var c = arguments[i];
            if (c == '\\' && i + 1 < arguments.Length && arguments[i + 1] == '"')
            {
                current.Append('"');
                any = true;
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    result.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            result.Add(current.ToString());
        }

        return result;
    }
}
