namespace EdgeRisk.Processes;

/// <summary>What to run: an argument list (never a shell string), where, with which extra environment and for how long.</summary>
public sealed record ProcessOptions
{
    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Null: the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Set on top of the inherited environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Inherited variables removed (before <see cref="Environment"/> is set), so the process sees them as not set.</summary>
    public IReadOnlyList<string> UnsetEnvironment { get; init; } = [];

    /// <summary>Null: no limit but the caller's cancellation. On expiry the whole process tree is killed.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Receives every line as it comes (progress, logs; mask secrets here), besides the captured result.</summary>
    public Action<OutputLine>? OnLine { get; init; }

    /// <summary>Characters kept in memory; later lines still reach <see cref="OnLine"/>.</summary>
    public int MaxCapturedChars { get; init; } = int.MaxValue;

    /// <summary>The fix named when the executable cannot be started.</summary>
    public string MissingHint { get; init; } = "is it installed and on PATH?";

    /// <summary>The executable's file name, as errors name it.</summary>
    public string ToolName => Path.GetFileName(FileName);
}
