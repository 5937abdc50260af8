namespace EdgeRisk.Release.Git;

/// <summary>
/// What <see cref="TagService.TagReleaseAsync"/> tags: <see cref="Ga"/> the GA tag of <see cref="Version"/>; otherwise the rc
/// <see cref="Version"/> names (<c>0.4.0-rc3</c>), or, without one, the next free rc of it (a re-run on the same commit reuses
/// the rc already there).
/// <see cref="LocalRemoteDirectory"/> set (local profile) creates a bare repository as the remote when none is configured.
/// <see cref="PushMain"/> false (runbook §1, the rc tag): only the tag is pushed and the remote main stays where it is, so the
/// release PR from develop into main carries the release's commits; true (runbook §5, the GA promotion): the remote main is
/// fast-forwarded to the tagged commit in the same atomic push as the tag.
/// </summary>
public sealed record TagReleaseOptions
{
    public const string ReleaseCandidateMessage = "Edge-Risk dashboard & runbook";
    public const string GaMessage = "GA – dual-horizon router & risk harmoniser";

    public ReleaseVersion Version { get; init; } = new(0, 4, 0, null);

    public bool Ga { get; init; }

    public string? Message { get; init; }

    public string Remote { get; init; } = "origin";

    public string MainBranch { get; init; } = "main";

    public string DevelopBranch { get; init; } = "develop";

    public string? LocalRemoteDirectory { get; init; }

    public bool PushMain { get; init; }

    public static string DefaultMessageFor(ReleaseVersion version) => version.IsGa ? GaMessage : ReleaseCandidateMessage;
}
