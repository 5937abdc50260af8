using System.Collections;
using EdgeRisk.Nuke.IO;
using Spectre.Console;

namespace EdgeRisk.Nuke;

/// <summary>How a build runs: root directory, environment, output and clock (tests substitute all of them).</summary>
public sealed record BuildOptions
{
    /// <summary>Null: the nearest directory containing <c>.nuke/</c>, from the working directory upwards.</summary>
    public AbsolutePath? RootDirectory { get; init; }

    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>True enables the live display of running targets when running in parallel.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>
    /// The terminal's console: the live display of parallel targets, or lent to a target's own live display
    /// (<see cref="NukeBuild.WithLiveConsoleAsync{T}"/>); null: <see cref="AnsiConsole.Console"/>.
    /// </summary>
    public IAnsiConsole? TerminalConsole { get; init; }

    /// <summary>True colours the summary statuses and log levels; a <c>NO_COLOR</c> environment variable turns it off.</summary>
    public bool UseColor { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Interrupts the run (SIGINT/SIGTERM in a real process); null: the run cannot be interrupted.</summary>
    public BuildInterruption? Interruption { get; init; }

    /// <summary>Identifies the build code for up-to-date checks; null uses the build and engine module version ids.</summary>
    public string? CodeFingerprint { get; init; }

    public static BuildOptions FromProcess() => new()
    {
        EnvironmentVariables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value?.ToString() ?? string.Empty, StringComparer.Ordinal),
        IsTerminal = !Console.IsOutputRedirected,
        UseColor = !Console.IsOutputRedirected,
    };
}
