namespace EdgeRisk.Evidence.Gates;

/// <summary>A fetch step finished (or failed): <paramref name="Completed"/> of <paramref name="Total"/> steps are done.</summary>
public sealed record GateProgress(string Step, int Completed, int Total, bool Failed);
