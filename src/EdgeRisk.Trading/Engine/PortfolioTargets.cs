using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Engine;

/// <summary>
/// Desired position per symbol, written by a strategy and read by the engine. Only symbols whose target
/// changed since the last <see cref="ClearChanged"/> are re-examined, so steady state costs nothing.
/// </summary>
public sealed class PortfolioTargets
{
    private decimal[] _quantity = new decimal[8];
    private bool[] _changedFlag = new bool[8];
    private bool[] _known = new bool[8];
    private readonly List<Symbol> _changed = new(8);

    public decimal Get(Symbol symbol) => symbol.Id < _quantity.Length ? _quantity[symbol.Id] : 0m;

    /// <summary>Sets the target quantity (positive long, negative short) and marks the symbol changed if it differs.</summary>
    public void Set(Symbol symbol, decimal quantity)
    {
        EnsureCapacity(symbol.Id);
        // The first target of a symbol always counts as a change: after a restart the books may hold
        // positions that an initial zero target must still close.
        if (_known[symbol.Id] && _quantity[symbol.Id] == quantity)
        {
            return;
        }

        _known[symbol.Id] = true;
        _quantity[symbol.Id] = quantity;
        if (!_changedFlag[symbol.Id])
        {
            _changedFlag[symbol.Id] = true;
            _changed.Add(symbol);
        }
    }

    /// <summary>Symbols whose target changed since the last <see cref="ClearChanged"/>.</summary>
    public IReadOnlyList<Symbol> Changed => _changed;

    public void ClearChanged()
    {
        for (var i = 0; i < _changed.Count; i++)
        {
            _changedFlag[_changed[i].Id] = false;
        }

        _changed.Clear();
    }

    private void EnsureCapacity(int id)
    {
        SymbolSlots.Grow(ref _quantity, id);
        SymbolSlots.Grow(ref _changedFlag, id);
        SymbolSlots.Grow(ref _known, id);
    }
}
