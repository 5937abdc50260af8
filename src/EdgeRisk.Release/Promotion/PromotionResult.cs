namespace EdgeRisk.Release.Promotion;

public enum PromotionOutcome
{
    Promoted,
    AlreadyPromoted,
}

/// <summary>One step of a promotion run: what it did, in one line, and how long it took.</summary>
public sealed record PromotionStep(string Name, string Outcome, TimeSpan Duration);

/// <summary>What a promotion run did; <see cref="SummaryPath"/> is the page a release manager reads.</summary>
public sealed record PromotionResult(PromotionOutcome Outcome, string Tag, string Commit, ReleaseStatus Status, IReadOnlyList<PromotionStep> Steps, string SummaryPath);
