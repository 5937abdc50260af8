namespace EdgeRisk.Release.Images;

/// <summary>One of the stack's images as found in the registry: its digest and revision, or why it does not count.</summary>
public sealed record ImageCheck(ImageReference Image, ImageCheckStatus Status, string? Digest, string? Revision, string? Error = null);

public enum ImageCheckStatus
{
    /// <summary>In the registry (and from the expected commit, when one was asked for).</summary>
    Present,

    /// <summary>No such repository or tag in the registry.</summary>
    Missing,

    /// <summary>There, but built from another commit (or with no revision label).</summary>
    OtherRevision,

    /// <summary>The registry did not answer or sent something that is not an image: unknown, never present.</summary>
    Unverified,
}
