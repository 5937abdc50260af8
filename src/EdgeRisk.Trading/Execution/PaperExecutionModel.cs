using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Execution;

/// <summary>
/// Paper broker. A working order fills on the next quote of its symbol by crossing the spread (buy at ask,
/// sell at bid) plus slippage, pays <see cref="PaperExecutionOptions.FeeBps"/>, and takes at most
/// <see cref="PaperExecutionOptions.MaxParticipation"/> of the latest trade bar's volume per bar, so large
/// orders fill partially over several bars. Symbols without any quote stream fill on the next trade bar's
/// close plus slippage.
/// </summary>
public sealed class PaperExecutionModel : IExecutionModel
{
    private readonly PaperExecutionOptions _options;
    private readonly ISlippageModel _slippage;
    private readonly WorkingOrders _working = new();
    private decimal[] _capacity = new decimal[8];
    private decimal[] _barVolume = new decimal[8];
    private bool[] _hasQuotes = new bool[8];

    public PaperExecutionModel(PaperExecutionOptions? options = null, ISlippageModel? slippage = null)
    {
        _options = options ?? new PaperExecutionOptions();
        if (_options.FeeBps < 0m || _options.MaxParticipation <= 0m || _options.MaxParticipation > 1m || _options.PriceTick <= 0m || _options.QuantityStep <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "FeeBps must be ≥ 0, MaxParticipation in (0, 1], PriceTick and QuantityStep > 0.");
        }

        _slippage = slippage ?? new LinearImpactSlippageModel(_options.SlippageBps, _options.ImpactBps);
    }

    public Book Book => Book.Paper;

    public void Submit(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        EnsureCapacity(order.Symbol.Id);
        _working.Set(order);
    }

    public void Cancel(Symbol symbol) => _working.Clear(symbol.Id);

    public decimal WorkingQuantity(Symbol symbol) => _working.SignedRemaining(symbol);

    public void OnMarket(in MarketEvent e, IExecutionSink sink)
    {
        var id = e.Symbol.Id;
        EnsureCapacity(id);
        if (e.Kind == MarketEventKind.Trade)
        {
            _barVolume[id] = e.Volume;
            _capacity[id] = e.Volume * _options.MaxParticipation;
            if (!_hasQuotes[id])
            {
                TryFill(e, e.Close, e.Close, sink);
            }

            return;
        }

        _hasQuotes[id] = true;
        TryFill(e, e.Ask, e.Bid, sink);
    }

    private void TryFill(in MarketEvent e, decimal buyPrice, decimal sellPrice, IExecutionSink sink)
    {
        var id = e.Symbol.Id;
        var order = _working.Get(id);
        if (order is null)
        {
            return;
        }

        var quantity = RoundDown(Math.Min(_working.Remaining(id), _capacity[id]), _options.QuantityStep);
        if (quantity <= 0m)
        {
            return;
        }

        var slipBps = _slippage.SlippageBps(quantity, _barVolume[id]);
        var buy = order.Side == OrderSide.Buy;
        var raw = buy ? buyPrice * (1m + (slipBps / 10_000m)) : sellPrice * (1m - (slipBps / 10_000m));
        var price = buy ? RoundUp(raw, _options.PriceTick) : RoundDown(raw, _options.PriceTick);
        if (price <= 0m)
        {
            return;
        }

        var fee = decimal.Round(quantity * price * _options.FeeBps / 10_000m, 8, MidpointRounding.AwayFromZero);
        _capacity[id] -= quantity;
        _working.Consume(id, quantity);
        sink.OnExecution(new ExecutionReport(order, quantity, price, fee, e.Time));
    }

    private static decimal RoundDown(decimal value, decimal step) => decimal.Floor(value / step) * step;

    private static decimal RoundUp(decimal value, decimal step) => decimal.Ceiling(value / step) * step;

    private void EnsureCapacity(int id)
    {
        SymbolSlots.Grow(ref _capacity, id);
        SymbolSlots.Grow(ref _barVolume, id);
        SymbolSlots.Grow(ref _hasQuotes, id);
    }
}
