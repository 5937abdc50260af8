using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Execution;

/// <summary>At most one working order per symbol, indexed by symbol id.</summary>
internal sealed class WorkingOrders
{
    private Order?[] _orders = new Order?[8];
    private decimal[] _remaining = new decimal[8];

    public Order? Get(int id) => id < _orders.Length ? _orders[id] : null;

    public decimal Remaining(int id) => id < _remaining.Length ? _remaining[id] : 0m;

    public void Set(Order order)
    {
        var id = order.Symbol.Id;
        SymbolSlots.Grow(ref _orders, id);
        SymbolSlots.Grow(ref _remaining, id);

        _orders[id] = order;
        _remaining[id] = order.Quantity;
    }

    public void Clear(int id)
    {
        if (id < _orders.Length)
        {
            _orders[id] = null;
            _remaining[id] = 0m;
        }
    }

    /// <summary>Reduces the remaining quantity and clears the order when done.</summary>
    public void Consume(int id, decimal quantity)
    {
        _remaining[id] -= quantity;
        if (_remaining[id] <= 0m)
        {
            Clear(id);
        }
    }

    public decimal SignedRemaining(Symbol symbol)
    {
        var order = Get(symbol.Id);
        if (order is null)
        {
            return 0m;
        }

        var remaining = _remaining[symbol.Id];
        return order.Side == OrderSide.Buy ? remaining : -remaining;
    }
}
