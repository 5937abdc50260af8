using System.Globalization;
using System.Text;

namespace EdgeRisk.Release.Images;

/// <summary>
/// The stack's images at one registry and tag, each with its digest. <see cref="Passed"/> only when every image is there
/// (and built from <see cref="ExpectedRevision"/> when one is given); anything unknown fails closed.
/// </summary>
public sealed record ReleaseImagesCheck(ImageRegistry Registry, string Tag, string? ExpectedRevision, IReadOnlyList<ImageCheck> Images)
{
    public bool Passed => Images.Count > 0 && Images.All(i => i.Status == ImageCheckStatus.Present);

    /// <summary>One line naming the images that do not count, the registry and the fix; null when <see cref="Passed"/>.</summary>
    public string? Problem
    {
        get
        {
            if (Passed)
            {
                return null;
            }

            var problems = new List<string>();
            if (Names(ImageCheckStatus.Missing) is { } missing)
            {
                problems.Add($"{missing} not in registry {Registry}: build and push with {ReleaseImages.BuildCommand}");
            }

            if (Names(ImageCheckStatus.OtherRevision) is { } other)
            {
                var found = string.Join(", ", Images.Where(i => i.Status == ImageCheckStatus.OtherRevision).Select(i => Short(i.Revision)).Distinct());
                problems.Add($"{other} in {Registry} built from {found}, not from {Short(ExpectedRevision)}: run {ReleaseImages.BuildCommand} at that commit");
            }

            problems.AddRange(Images.Where(i => i.Status == ImageCheckStatus.Unverified).Select(i => i.Error ?? $"{i.Image} not verified").Distinct());
            return problems.Count == 0 ? $"no images checked in {Registry}" : string.Join("; ", problems);
        }
    }

    /// <summary>The images line of the release status and summary: digests when passed, the problem otherwise.</summary>
    public string Line()
    {
        var prefix = $"Images {Tag} in {Registry}";
        if (!Passed)
        {
            return $"{prefix}: NOT READY ({Problem})";
        }

        var text = new StringBuilder(prefix);
        if (ExpectedRevision is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", built from {Short(ExpectedRevision)}");
        }

        text.Append(": ").AppendJoin(", ", Images.Select(i => $"{i.Image.Repository}@{i.Digest}"));
        return text.ToString();
    }

    private string? Names(ImageCheckStatus status)
    {
        var images = Images.Where(i => i.Status == status).Select(i => i.Image.ToString()).ToList();
        return images.Count == 0 ? null : string.Join(", ", images);
    }

    private static string Short(string? sha) => sha is null ? "an unknown commit (no org.opencontainers.image.revision label)" : sha[..Math.Min(12, sha.Length)];
}
