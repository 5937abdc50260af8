using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeRisk.Release.Git;

/// <summary>A release tag <c>v&lt;major&gt;.&lt;minor&gt;.&lt;patch&gt;</c> with an optional <c>-rc&lt;n&gt;</c> suffix.</summary>
public sealed partial record ReleaseVersion(int Major, int Minor, int Patch, int? ReleaseCandidate) : IComparable<ReleaseVersion>
{
    public bool IsGa => ReleaseCandidate is null;

    public string Core => FormattableString.Invariant($"{Major}.{Minor}.{Patch}");

    public string Tag => ReleaseCandidate is { } rc ? FormattableString.Invariant($"v{Core}-rc{rc}") : "v" + Core;

    public override string ToString() => Tag;

    public static bool TryParse(string? text, out ReleaseVersion version)
    {
        version = new ReleaseVersion(0, 0, 0, null);
        if (text is null)
        {
            return false;
        }

        var match = TagPattern().Match(text.Trim());
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

    public static ReleaseVersion Parse(string text) =>
        TryParse(text, out var version)
            ? version
            : throw new FormatException($"'{text}' is not a release tag; use v<major>.<minor>.<patch> or v<major>.<minor>.<patch>-rc<n> (e.g. v0.4.0-rc3)");

    /// <summary>The rc after the highest existing rc of <paramref name="core"/> (rc1 when none exists).</summary>
    public static ReleaseVersion NextReleaseCandidate(string core, IEnumerable<string> existingTags)
    {
        var baseVersion = Parse("v" + core.TrimStart('v'));
        if (!baseVersion.IsGa)
        {
            throw new FormatException($"'{core}' must be a plain version such as 0.4.0 to compute the next rc");
        }

        var highest = existingTags
            .Select(t => TryParse(t, out var v) ? v : null)
            .Where(v => v is { ReleaseCandidate: not null } && v.Core == baseVersion.Core)
            .Select(v => v!.ReleaseCandidate!.Value)
            .DefaultIfEmpty(0)
            .Max();
        return baseVersion with { ReleaseCandidate = highest + 1 };
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

    [GeneratedRegex(@"^v(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-rc(?<rc>[1-9]\d*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
