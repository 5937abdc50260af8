using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Execution;

/// <summary>
/// Shadow simulator: the idealised counterpart of the paper broker. A working order fills completely on the
/// next quote at mid (or, for symbols without quotes, the next trade bar's close), with no fee, no slippage
/// and no volume bound.
/// </summary>
public sealed class SimExecutionModel : IExecutionModel
{
    private readonly WorkingOrders _working = new();
    private bool[] _hasQuotes = new bool[8];

    public Book Book => Book.Sim;

    public void Submit(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        _working.Set(order);
    }

    public void Cancel(Symbol symbol) => _working.Clear(symbol.Id);

    public decimal WorkingQuantity(Symbol symbol) => _working.SignedRemaining(symbol);

    public void OnMarket(in MarketEvent e, IExecutionSink sink)
    {
        var id = e.Symbol.Id;
        SymbolSlots.Grow(ref _hasQuotes, id);
        if (e.Kind == MarketEventKind.Quote)
        {
            _hasQuotes[id] = true;
        }
        else if (_hasQuotes[id])
        {
            return;
        }

        var order = _working.Get(id);
        if (order is null)
        {
            return;
        }

        var quantity = _working.Remaining(id);
        _working.Clear(id);
        sink.OnExecution(new ExecutionReport(order, quantity, e.Price, 0m, e.Time));
    }
}
