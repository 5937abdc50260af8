
namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>
/// Evidence that grows while the dry run runs. <see cref="RefreshAsync"/> takes in what arrived since the last call and
/// says up to which time the evidence is complete (the frontier: every series has all its samples up to it) and whether
/// more can still come. The live monitor evaluates only minutes at or before the frontier.
/// </summary>
public interface ILiveEvidence : IEvidenceSource
{
    Task<LiveEvidenceFrontier> RefreshAsync(CancellationToken cancellationToken);
}

/// <summary>Evidence is complete up to <see cref="Frontier"/> (null: nothing yet); <see cref="Finished"/>: no more will come.</summary>
public readonly record struct LiveEvidenceFrontier(DateTimeOffset? Frontier, bool Finished);
