namespace EdgeRisk.Processes;

public enum OutputStream
{
    Std,
    Err,
}

/// <summary>One line a process wrote, and on which stream.</summary>
public readonly record struct OutputLine(OutputStream Stream, string Text);
