namespace EdgeRisk.Trading.Execution;

/// <summary>Receives executions; the engine turns them into sequenced fills in the ledger.</summary>
public interface IExecutionSink
{
    void OnExecution(in ExecutionReport execution);
}
