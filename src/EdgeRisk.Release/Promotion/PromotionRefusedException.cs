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
public sealed class PromotionRefusedException : EdgeRiskException
{
    public PromotionRefusedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public PromotionRefusedException(PromotionRefusal refusal, string message)
        : base(message)
    {
        Refusal = refusal;
    }

    public PromotionRefusal Refusal { get; }
}
