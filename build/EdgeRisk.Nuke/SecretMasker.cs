namespace EdgeRisk.Nuke;

/// <summary>Replaces registered secret values with <c>*****</c>; longest values first so overlaps mask fully.</summary>
public sealed class SecretMasker
{
    public const string Mask = "*****";
    private readonly Lock gate = new();
    private string[] secrets = [];

    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        lock (gate)
        {
            if (!secrets.Contains(secret, StringComparer.Ordinal))
            {
                secrets = [.. secrets.Append(secret).OrderByDescending(x => x.Length)];
            }
        }
    }

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
