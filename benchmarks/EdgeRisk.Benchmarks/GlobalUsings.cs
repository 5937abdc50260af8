// The namespaces the replay benchmarks share, once for the project.
global using BenchmarkDotNet.Attributes;
global using EdgeRisk.Trading.Backtesting;
global using EdgeRisk.Trading.Composition;
global using EdgeRisk.Trading.Domain;
global using EdgeRisk.Trading.Engine;
global using EdgeRisk.Trading.Feeds;
