namespace EdgeRisk.Release.Git;

/// <summary>One commit as listed for release notes.</summary>
public sealed record GitCommit(string Sha, string Subject, string Author)
{
    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;
}
