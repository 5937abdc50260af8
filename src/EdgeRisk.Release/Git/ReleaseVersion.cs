using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeRisk.Release.Git;

/// <summary>
/// A release version: <c>&lt;major&gt;.&lt;minor&gt;.&lt;patch&gt;</c> with an optional leading <c>v</c> and an optional
/// <c>-rc&lt;n&gt;</c>. <c>0.5.0</c> and <c>v0.5.0</c> are the same release; its tag is always <see cref="Tag"/> (<c>v0.5.0</c>,
/// <c>v0.5.0-rc3</c>), its GA tag <see cref="GaTag"/>. The one parser of <c>--release-version</c> and of release tags.
/// </summary>
public sealed partial record ReleaseVersion(int Major, int Minor, int Patch, int? ReleaseCandidate) : IComparable<ReleaseVersion>
{
    /// <summary>What <see cref="Parse"/> accepts, for error messages.</summary>
    public const string Expected = "<major>.<minor>.<patch> or <major>.<minor>.<patch>-rc<n>, leading v optional (e.g. 0.4.0 or 0.4.0-rc3)";

    public bool IsGa => ReleaseCandidate is null;

    public string Core => FormattableString.Invariant($"{Major}.{Minor}.{Patch}");

    public string Tag => ReleaseCandidate is { } rc ? FormattableString.Invariant($"v{Core}-rc{rc}") : GaTag;

    /// <summary>The release this version belongs to: the same version without its rc.</summary>
    public ReleaseVersion Ga => this with { ReleaseCandidate = null };

    public string GaTag => "v" + Core;

    public override string ToString() => Tag;

    public static bool TryParse(string? text, out ReleaseVersion version)
    {
        version = new ReleaseVersion(0, 0, 0, null);
        if (text is null)
        {
            return false;
        }

        var match = VersionPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        version = new ReleaseVersion(
            int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["patch"].Value, CultureInfo.InvariantCulture),
            match.Groups["rc"].Success ? int.Parse(match.Groups["rc"].Value, CultureInfo.InvariantCulture) : null);
        return true;
    }

    /// <exception cref="FormatException">One line naming the text and <see cref="Expected"/>.</exception>
    public static ReleaseVersion Parse(string text) =>
        TryParse(text, out var version)
            ? version
            : throw new FormatException($"'{text}' is not a release version: use {Expected}");

    /// <summary>A git tag name that is exactly a release tag (<c>v0.4.0</c>, <c>v0.4.0-rc3</c>); other tags are not releases.</summary>
    public static bool TryParseTag(string? tag, out ReleaseVersion version) =>
        TryParse(tag, out version) && string.Equals(version.Tag, tag, StringComparison.Ordinal);

    /// <summary>The release candidates of this release among <paramref name="tags"/>, highest first.</summary>
    public IReadOnlyList<ReleaseVersion> ReleaseCandidatesIn(IEnumerable<string> tags) =>
        tags.Select(t => TryParseTag(t, out var v) ? v : null)
            .OfType<ReleaseVersion>()
            .Where(v => !v.IsGa && v.Core == Core)
            .OrderByDescending(v => v.ReleaseCandidate)
            .ToList();

    /// <summary>The rc after the highest existing rc of this release among <paramref name="tags"/> (rc1 when none exists).</summary>
    public ReleaseVersion NextReleaseCandidate(IEnumerable<string> tags)
    {
        var existing = ReleaseCandidatesIn(tags);
        return Ga with { ReleaseCandidate = (existing.Count == 0 ? 0 : existing[0].ReleaseCandidate!.Value) + 1 };
    }

    public int CompareTo(ReleaseVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byCore = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byCore != 0)
        {
            return byCore;
        }

        // GA sorts after all of its release candidates.
        return (ReleaseCandidate ?? int.MaxValue).CompareTo(other.ReleaseCandidate ?? int.MaxValue);
    }

    public static bool operator <(ReleaseVersion? left, ReleaseVersion? right) => Comparer<ReleaseVersion>.Default.Compare(left, right) < 0;

    public static bool operator <=(ReleaseVersion? left, ReleaseVersion? right) => Comparer<ReleaseVersion>.Default.Compare(left, right) <= 0;

    public static bool operator >(ReleaseVersion? left, ReleaseVersion? right) => Comparer<ReleaseVersion>.Default.Compare(left, right) > 0;

    public static bool operator >=(ReleaseVersion? left, ReleaseVersion? right) => Comparer<ReleaseVersion>.Default.Compare(left, right) >= 0;

    [GeneratedRegex(@"^v?(?<major>0|[1-9]\d{0,8})\.(?<minor>0|[1-9]\d{0,8})\.(?<patch>0|[1-9]\d{0,8})(?:-rc(?<rc>[1-9]\d{0,8}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
