using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Execution;
using EdgeRisk.Trading.Feeds;
using EdgeRisk.Trading.Ledger;

namespace EdgeRisk.Trading.Engine;

/// <summary>
/// Wires one strategy to two books. For each event: working orders of both books fill against it, positions
/// are marked, the strategy updates its desired positions, and each book gets an order for the difference
/// between target and position. The paper and sim books run the same decisions; only the fill model differs.
/// </summary>
public sealed class TradingEngine
{
    private readonly IStrategy _strategy;
    private readonly TradingEngineOptions _options;
    private readonly IPipelineObserver _observer;
    private readonly TimeProvider _time;
    private readonly IExecutionModel _paperExecution;
    private readonly IExecutionModel _simExecution;
    private readonly PortfolioTargets _targets = new();
    private readonly Sink _sink;
    private PositionState?[] _paperPositions = new PositionState?[8];
    private PositionState?[] _simPositions = new PositionState?[8];
    private long _nextOrderId;

    public TradingEngine(
        IStrategy strategy,
        TradingEngineOptions? options = null,
        IPipelineObserver? observer = null,
        TimeProvider? timeProvider = null,
        IExecutionModel? paperExecution = null,
        IExecutionModel? simExecution = null)
    {
        _strategy = strategy ?? throw new ArgumentNullException(nameof(strategy));
        _options = options ?? new TradingEngineOptions();
        _observer = observer ?? NullPipelineObserver.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _paperExecution = paperExecution ?? new PaperExecutionModel();
        _simExecution = simExecution ?? new SimExecutionModel();
        if (_paperExecution.Book != Book.Paper || _simExecution.Book != Book.Sim)
        {
            throw new ArgumentException("The paper execution model must serve the paper book and the sim model the sim book.");
        }

        PaperLedger = new BookLedger(Book.Paper, _options.InitialCashUsd);
        SimLedger = new BookLedger(Book.Sim, _options.InitialCashUsd);
        _sink = new Sink(this);
    }

    /// <summary>
    /// Builds an engine over ledgers restored from snapshots (journal recovery). Fill sequences continue from
    /// each ledger's <see cref="BookLedger.LastSequence"/>; order ids continue after <paramref name="lastOrderId"/>.
    /// </summary>
    public TradingEngine(
        IStrategy strategy,
        BookLedger paperLedger,
        BookLedger simLedger,
        long lastOrderId,
        TradingEngineOptions? options = null,
        IPipelineObserver? observer = null,
        TimeProvider? timeProvider = null,
        IExecutionModel? paperExecution = null,
        IExecutionModel? simExecution = null)
        : this(strategy, options, observer, timeProvider, paperExecution, simExecution)
    {
        ArgumentNullException.ThrowIfNull(paperLedger);
        ArgumentNullException.ThrowIfNull(simLedger);
        if (paperLedger.Book != Book.Paper || simLedger.Book != Book.Sim)
        {
            throw new ArgumentException("Ledgers must be the paper and the sim book, in that order.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(lastOrderId);
        PaperLedger = paperLedger;
        SimLedger = simLedger;
        _nextOrderId = lastOrderId;
    }

    public string StrategyName => _strategy.Name;

    public BookLedger PaperLedger { get; }

    public BookLedger SimLedger { get; }

    public long EventsProcessed { get; private set; }

    public long OrdersSubmitted { get; private set; }

    /// <summary>Id of the last order created (persist it with the snapshots to continue ids after a restart).</summary>
    public long LastOrderId => _nextOrderId;

    /// <summary>Time of the last event processed.</summary>
    public DateTime LastEventTime { get; private set; }

    public BookLedger LedgerOf(Book book) => book == Book.Paper ? PaperLedger : SimLedger;

    /// <summary>Current desired position of a symbol.</summary>
    public decimal TargetQuantity(Symbol symbol) => _targets.Get(symbol);

    /// <summary>Processes one event end to end.</summary>
    public void OnEvent(in MarketEvent e)
    {
        var start = _time.GetTimestamp();
        EventsProcessed++;
        LastEventTime = e.Time;
        var paper = PositionOf(ref _paperPositions, PaperLedger, e.Symbol);
        var sim = PositionOf(ref _simPositions, SimLedger, e.Symbol);

        _paperExecution.OnMarket(e, _sink);
        _simExecution.OnMarket(e, _sink);

        var mark = e.Price;
        paper.MarkPrice = mark;
        sim.MarkPrice = mark;
        if (e.Kind == MarketEventKind.Trade)
        {
            if (paper.Quantity != 0m)
            {
                _observer.OnPnl(e.Symbol, Book.Paper, paper.PnlUsd);
            }

            if (sim.Quantity != 0m)
            {
                _observer.OnPnl(e.Symbol, Book.Sim, sim.PnlUsd);
            }
        }

        _strategy.OnEvent(e, _targets, _observer);

        var changed = _targets.Changed;
        if (changed.Count > 0)
        {
            for (var i = 0; i < changed.Count; i++)
            {
                var symbol = changed[i];
                Rebalance(symbol, _paperExecution, PositionOf(ref _paperPositions, PaperLedger, symbol), e.Time);
                Rebalance(symbol, _simExecution, PositionOf(ref _simPositions, SimLedger, symbol), e.Time);
            }

            _targets.ClearChanged();
        }

        _observer.OnDecisionLatency(_time.GetElapsedTime(start));
    }

    /// <summary>Drains a feed through the engine; returns the number of events processed.</summary>
    public long Run(IMarketFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        long count = 0;
        while (feed.TryRead(out var e))
        {
            OnEvent(e);
            count++;
        }

        return count;
    }

    private void Rebalance(Symbol symbol, IExecutionModel execution, PositionState position, DateTime time)
    {
        var target = _targets.Get(symbol);
        if (position.Quantity + execution.WorkingQuantity(symbol) == target)
        {
            return;
        }

        execution.Cancel(symbol);
        var delta = target - position.Quantity;
        var quantity = decimal.Floor(Math.Abs(delta) / _options.QuantityStep) * _options.QuantityStep;
        if (quantity < _options.MinOrderQuantity)
        {
            return;
        }

        var order = new Order(++_nextOrderId, execution.Book, symbol, delta > 0m ? OrderSide.Buy : OrderSide.Sell, quantity, time);
        execution.Submit(order);
        OrdersSubmitted++;
        _observer.OnOrder(order);
    }

    private void Record(in ExecutionReport execution)
    {
        var order = execution.Order;
        var ledger = LedgerOf(order.Book);
        var fill = new Fill(ledger.NextSequence, order.Id, order.Book, order.Symbol.Ticker, order.Side, execution.Quantity, execution.Price, execution.FeeUsd, execution.Time);
        if (ledger.Apply(fill) != LedgerApplyResult.Applied)
        {
            throw new InvalidOperationException($"Ledger {order.Book} refused its own fill {fill.Sequence}.");
        }

        _observer.OnFill(fill);
        var position = order.Book == Book.Paper
            ? PositionOf(ref _paperPositions, PaperLedger, order.Symbol)
            : PositionOf(ref _simPositions, SimLedger, order.Symbol);
        _observer.OnPnl(order.Symbol, order.Book, position.PnlUsd);
    }

    private static PositionState PositionOf(ref PositionState?[] cache, BookLedger ledger, Symbol symbol)
    {
        return SymbolSlots.Of(ref cache, symbol.Id) ??= ledger.Position(symbol.Ticker);
    }

    private sealed class Sink(TradingEngine engine) : IExecutionSink
    {
        public void OnExecution(in ExecutionReport execution) => engine.Record(execution);
    }
}
