namespace EdgeRisk.Trading.Host.Replay;

/// <summary>What a replay (<c>live --profile local</c>) plays: the days of its <c>--window</c>, <c>--duration</c> long.</summary>
public static class ReplayWindowPlan
{
    /// <summary>The window's consecutive days, played as they are (virtual time = data time).</summary>
    public static ReplayPlan For(LiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var days = Enumerable.Range(0, (int)Math.Ceiling(options.Duration.TotalDays)).Select(options.Window.AddDays).ToArray();
        return new ReplayPlan
        {
            SourceDays = days,
            VirtualStart = options.Window,
            CryptoSymbols = [.. options.Symbols.Where(s => SymbolRegistry.InferAssetClass(s) == AssetClass.Crypto)],
            EquitySymbols = [.. options.Symbols.Where(s => SymbolRegistry.InferAssetClass(s) == AssetClass.Equity)],
            SyntheticSeed = options.Seed,
            EquityFile = options.NvdaFile,
            SkipBadFiles = options.SkipBadFiles,
        };
    }
}
