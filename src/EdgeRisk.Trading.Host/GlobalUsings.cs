// The namespaces most of the host's files use, once for the project.
global using System.Globalization;
global using EdgeRisk.Trading.Composition;
global using EdgeRisk.Trading.Domain;
global using EdgeRisk.Trading.Engine;
global using EdgeRisk.Trading.Feeds;
global using EdgeRisk.Trading.Host.Composition;
global using EdgeRisk.Trading.Host.Health;
global using EdgeRisk.Trading.Host.Journal;
global using EdgeRisk.Trading.Host.Logging;
global using EdgeRisk.Trading.Host.Metrics;
global using EdgeRisk.Trading.Host.Options;
global using Microsoft.Extensions.Logging;
