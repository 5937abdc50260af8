namespace EdgeRisk.Trading.Domain;

public enum OrderSide : byte
{
    Buy,
    Sell,
}

/// <summary>Which book an order or fill belongs to: the paper broker or the idealised shadow simulator.</summary>
public enum Book : byte
{
    Paper,
    Sim,
}

/// <summary>An order sent to an execution model. Quantities are signed by <see cref="Side"/>, always positive here.</summary>
public sealed record Order(long Id, Book Book, Symbol Symbol, OrderSide Side, decimal Quantity, DateTime CreatedAt);

/// <summary>
/// A fill, the unit of the journal. <see cref="Sequence"/> is unique and increasing per book, so that
/// recovery can drop duplicates and detect gaps.
/// </summary>
public sealed record Fill(
    long Sequence,
    long OrderId,
    Book Book,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal FeeUsd,
    DateTime Time);
