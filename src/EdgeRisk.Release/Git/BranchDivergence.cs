namespace EdgeRisk.Release.Git;

/// <summary>How a local branch relates to its remote-tracking counterpart after a fetch.</summary>
public sealed record BranchDivergence(string Branch, bool LocalExists, bool RemoteExists, int Ahead, int Behind)
{
    public bool InSync => LocalExists && RemoteExists && Ahead == 0 && Behind == 0;
}
