namespace EdgeRisk.Staging.Tests.Alerting;

/// <summary>Renders test copies of the repository's configs by exact text substitution; a missing anchor fails loudly.</summary>
public static class ConfigText
{
    public static string Replace(string text, string oldValue, string newValue, int expectedCount = 1)
    {
        var count = 0;
        for (var at = text.IndexOf(oldValue, StringComparison.Ordinal); at >= 0; at = text.IndexOf(oldValue, at + oldValue.Length, StringComparison.Ordinal))
        {
            count++;
        }

        if (count != expectedCount)
        {
            throw new InvalidOperationException($"expected '{oldValue}' {expectedCount} time(s) in the config, found it {count} time(s)");
        }

        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }
}
