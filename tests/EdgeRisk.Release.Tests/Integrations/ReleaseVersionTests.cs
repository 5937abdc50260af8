namespace EdgeRisk.Release.Tests.Integrations;

public sealed class ReleaseVersionTests
{
    [Fact]
    public void NextReleaseCandidate_ExistingRc1AndRc2_ReturnsRc3()
    {
        var next = ReleaseVersion.Parse("0.4.0").NextReleaseCandidate(["v0.4.0-rc1", "v0.4.0-rc2", "v0.3.0", "v0.3.1-rc9", "0.4.0-rc7"]);

        Assert.Equal("v0.4.0-rc3", next.Tag);
    }

    [Fact]
    public void NextReleaseCandidate_NoRcYet_ReturnsRc1()
    {
        Assert.Equal("v0.4.0-rc1", ReleaseVersion.Parse("v0.4.0").NextReleaseCandidate(["v0.3.0"]).Tag);
    }

    [Theory]
    [InlineData("v0.4.0", true)]
    [InlineData("v0.4.0-rc3", true)]
    [InlineData("0.4.0", true)]
    [InlineData("0.4.0-rc3", true)]
    [InlineData("vv0.4.0", false)]
    [InlineData("v0.4.0-rc0", false)]
    [InlineData("v0.4", false)]
    [InlineData("v0.4.0-beta1", false)]
    [InlineData("v01.4.0", false)]
    public void TryParse_Text_AcceptsOnlyReleaseVersions(string text, bool expected)
    {
        Assert.Equal(expected, ReleaseVersion.TryParse(text, out _));
    }

    [Fact]
    public void CompareTo_GaAndItsReleaseCandidate_GaSortsLast()
    {
        Assert.True(ReleaseVersion.Parse("v0.4.0") > ReleaseVersion.Parse("v0.4.0-rc9"));
        Assert.True(ReleaseVersion.Parse("v0.4.0-rc10") > ReleaseVersion.Parse("v0.4.0-rc9"));
    }

    [Theory]
    [InlineData("0.5.0")]
    [InlineData("v0.5.0")]
    public void Parse_WithOrWithoutLeadingV_IsTheSameRelease(string text)
    {
        var version = ReleaseVersion.Parse(text);

        Assert.Equal(new ReleaseVersion(0, 5, 0, null), version);
        Assert.Equal("v0.5.0", version.Tag);
        Assert.Equal(Path.Combine("artifacts", "release", "v0.5.0"), PromotionOptions.ReleaseDirectoryOf("artifacts", version));
    }

    [Fact]
    public void Parse_ReleaseCandidateWithoutV_KeepsTheRc()
    {
        var version = ReleaseVersion.Parse("0.4.0-rc3");

        Assert.Equal(3, version.ReleaseCandidate);
        Assert.Equal("v0.4.0-rc3", version.Tag);
        Assert.Equal("v0.4.0", version.GaTag);
        Assert.Equal(Path.Combine("artifacts", "release", "v0.4.0"), PromotionOptions.ReleaseDirectoryOf("artifacts", version));
        Assert.Equal("Promote v0.4.0-rc3 to main", new ReleasePullRequestOptions(version).Title);
    }

    [Fact]
    public void Parse_NotAVersion_OneLineNamingTheTextAndTheFormat()
    {
        var error = Assert.Throws<FormatException>(() => ReleaseVersion.Parse("release-4"));

        Assert.Equal("'release-4' is not a release version: use " + ReleaseVersion.Expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void TryParseTag_TagWithoutV_IsNotAReleaseTag()
    {
        Assert.False(ReleaseVersion.TryParseTag("0.4.0", out _));
        Assert.True(ReleaseVersion.TryParseTag("v0.4.0-rc3", out var rc));
        Assert.Equal(3, rc.ReleaseCandidate);
    }
}
