namespace EdgeRisk.Trading.Domain;

/// <summary>
/// Interns symbols so that each ticker maps to one <see cref="Symbol"/> with a dense <see cref="Symbol.Id"/>;
/// the pipeline indexes per-symbol state by that id instead of hashing tickers on the hot path.
/// </summary>
public sealed class SymbolRegistry
{
    private readonly Dictionary<string, Symbol> _byTicker = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Symbol>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly List<Symbol> _byId = [];

    public SymbolRegistry() => _bySpan = _byTicker.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _byId.Count;

    public IReadOnlyList<Symbol> All => _byId;

    /// <summary>Returns the interned symbol, creating it on first use.</summary>
    public Symbol GetOrAdd(string ticker, AssetClass assetClass)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticker);
        if (_byTicker.TryGetValue(ticker, out var existing))
        {
            if (existing.AssetClass != assetClass)
            {
                throw new ArgumentException($"Symbol '{ticker}' is already registered as {existing.AssetClass}, not {assetClass}.", nameof(assetClass));
            }

            return existing;
        }

        var symbol = new Symbol(_byId.Count, ticker, assetClass);
        _byTicker.Add(ticker, symbol);
        _byId.Add(symbol);
        return symbol;
    }

    public bool TryGet(ReadOnlySpan<char> ticker, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Symbol? symbol)
        => _bySpan.TryGetValue(ticker, out symbol);

    public Symbol this[int id] => _byId[id];

    /// <summary>The asset class of a ticker by convention: <c>XXX-YYY</c> pairs are crypto, anything else equity.</summary>
    public static AssetClass InferAssetClass(string ticker) => ticker.Contains('-', StringComparison.Ordinal) ? AssetClass.Crypto : AssetClass.Equity;
}
