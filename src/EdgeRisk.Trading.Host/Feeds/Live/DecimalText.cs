namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>Exchanges send prices and sizes as decimal strings; parse them exactly.</summary>
internal static class DecimalText
{
    public const NumberStyles Styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;

    public static bool TryParse(string? text, out decimal value)
        => decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value);
}
