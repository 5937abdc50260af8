namespace EdgeRisk.Trading.Host.Journal;

/// <summary>The journal cannot be replayed (a missing fill sequence or an unreadable entry): recovery fails closed.</summary>
public sealed class JournalCorruptException(string message) : EdgeRiskException(message);
