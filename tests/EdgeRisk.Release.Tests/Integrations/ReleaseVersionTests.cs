using EdgeRisk.Release.Git;

namespace EdgeRisk.Release.Tests.Integrations;

public sealed class ReleaseVersionTests
{
    [Fact]
    public void NextReleaseCandidate_ExistingRc1AndRc2_ReturnsRc3()
    {
        var next = ReleaseVersion.NextReleaseCandidate("0.4.0", ["v0.4.0-rc1", "v0.4.0-rc2", "v0.3.0", "v0.3.1-rc9"]);

        Assert.Equal("v0.4.0-rc3", next.Tag);
    }

    [Fact]
    public void NextReleaseCandidate_NoRcYet_ReturnsRc1()
    {
        Assert.Equal("v0.4.0-rc1", ReleaseVersion.NextReleaseCandidate("v0.4.0", ["v0.3.0"]).Tag);
    }

    [Theory]
    [InlineData("v0.4.0", true)]
    [InlineData("v0.4.0-rc3", true)]
    [InlineData("0.4.0", false)]
    [InlineData("v0.4", false)]
    [InlineData("v0.4.0-beta1", false)]
    [InlineData("v01.4.0", false)]
    public void TryParse_Text_AcceptsOnlyReleaseTags(string text, bool expected)
    {
        Assert.Equal(expected, ReleaseVersion.TryParse(text, out _));
    }

    [Fact]
    public void CompareTo_GaAndItsReleaseCandidate_GaSortsLast()
    {
        Assert.True(ReleaseVersion.Parse("v0.4.0") > ReleaseVersion.Parse("v0.4.0-rc9"));
        Assert.True(ReleaseVersion.Parse("v0.4.0-rc10") > ReleaseVersion.Parse("v0.4.0-rc9"));
    }
}
