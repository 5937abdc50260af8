namespace EdgeRisk.Release.Promotion;

/// <summary>Why a promotion stopped before changing anything.</summary>
public enum PromotionRefusal
{
    GatesNotPassed,
    ImageBuildFailed,
    ImageBuildMissing,
    ImageBuildInProgress,
    NoReleaseCandidate,
    ImagesNotInRegistry,
}

/// <summary>A promotion precondition failed; nothing was tagged, pushed, deployed or posted. The message is one line.</summary>
public sealed class PromotionRefusedException(PromotionRefusal refusal, string message) : EdgeRiskException(message)
{
    public PromotionRefusal Refusal { get; } = refusal;
}
