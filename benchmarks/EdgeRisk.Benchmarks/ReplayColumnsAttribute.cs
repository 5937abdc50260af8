using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace EdgeRisk.Benchmarks;

/// <summary>What every replay benchmark reports besides the mean: allocations (memory diagnoser), min and median.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReplayColumnsAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty()
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Min, StatisticColumn.Median);
}
