namespace EdgeRisk.Nuke.Tooling;

public enum OutputType
{
    Std,
    Err,
}

/// <summary>One captured line of process output.</summary>
public readonly record struct Output(OutputType Type, string Text);
