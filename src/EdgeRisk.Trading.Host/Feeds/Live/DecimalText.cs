using System.Globalization;

namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>Exchanges send prices and sizes as decimal strings; parse them exactly.</summary>
internal static class DecimalText
{
    public static bool TryParse(string? text, out decimal value)
        => decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
