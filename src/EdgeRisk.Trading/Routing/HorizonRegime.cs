namespace EdgeRisk.Trading.Routing;

/// <summary>Which horizon's edge dominates for a symbol.</summary>
public enum HorizonRegime : byte
{
    /// <summary>Choppy or volatile market: the minutes-horizon model leads.</summary>
    Short,
    /// <summary>Trending, calm market: the hours-horizon model leads.</summary>
    Long,
}
