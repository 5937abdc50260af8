namespace EdgeRisk.Nuke.Tests;

internal static class TextAssert
{
    /// <summary>Asserts that <paramref name="text"/> holds each of <paramref name="fragments"/> (ordinal), naming the first missing one.</summary>
    public static void ContainsAll(string text, params string[] fragments) =>
        Assert.All(fragments, fragment => Assert.Contains(fragment, text, StringComparison.Ordinal));
}
