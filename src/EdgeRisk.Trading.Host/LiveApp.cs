using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EdgeRisk.Trading.Backtesting;
using EdgeRisk.Trading.Host.Feeds.Live;
using EdgeRisk.Trading.Host.Replay;
using EdgeRisk.Trading.Host.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EdgeRisk.Trading.Host;

/// <summary><c>edgerisk-trading live</c>: Redis recovery first, then the Generic Host with Kestrel (/metrics, /healthz, /readyz) and the trading loop.</summary>
public static class LiveApp
{
    public static async Task<int> RunAsync(LiveOptions options, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(error);
        if (options.Profile == Profile.Staging && options.Symbols.Contains("NVDA"))
        {
            await error.WriteLineAsync("edgerisk-trading: --profile staging has no live NVDA feed; run NVDA with --profile local (synthetic tape)");
            return 2;
        }

        var symbols = new SymbolRegistry();
        foreach (var ticker in options.Symbols)
        {
            symbols.GetOrAdd(ticker, SymbolRegistry.InferAssetClass(ticker));
        }

        if (!HostConfig.TryLoad(options.ConfigDirectory, error, out var config))
        {
            return 2;
        }

        var metrics = new TradingMetrics(options.Symbols, BuildInfo.Current with { ConfigHash = config.Hash });
        metrics.SetProcessStart(RealProcessStart());
        bool edgeBandLoaded;
        try
        {
            edgeBandLoaded = await LoadEdgeBandAsync(options, metrics);
        }
        catch (JsonException e)
        {
            await error.WriteLineAsync($"edgerisk-trading: {options.SimStatsFile} is not valid sim statistics ({FirstLine(e.Message)}); rerun 'edgerisk-trading sim-stats'");
            return 1;
        }

        // Inputs first (exit 2 on a bad window or endpoint), then Redis (exit 1 when unreachable).
        IMarketFeed? feed = null;
        LiveEndpoints? endpoints = null;
        try
        {
            if (options.Profile == Profile.Local)
            {
                feed = ReplayWindowPlan.For(options).Open(options.DataDirectory, symbols, new BadFileWarnings(error, metrics));
            }
            else
            {
                endpoints = LiveEndpoints.FromEnvironment();
            }
        }
        catch (FileNotFoundException e)
        {
            await error.WriteLineAsync($"edgerisk-trading: --window {options.Window:yyyy-MM-dd}: {FirstLine(e.Message)}");
            return 2;
        }
        catch (BadDataFileException e)
        {
            await error.WriteLineAsync(BadFileWarnings.ErrorLine(e));
            return 2;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"edgerisk-trading: {e.Message}");
            return 2;
        }

        ConnectionMultiplexer redis;
        try
        {
            redis = await RedisJournal.ConnectAsync(options.Redis);
        }
        catch (RedisConnectionException e)
        {
            await error.WriteLineAsync($"edgerisk-trading: --redis {options.Redis}: Redis is unreachable ({FirstLine(e.Message)}); start redis-server there or fix --redis");
            return 1;
        }

        await using (redis)
        {
            var journal = new RedisJournal(redis, options.EffectiveJob, metrics);
            RecoveredState recovered;
            try
            {
                if (options.FreshJournal)
                {
                    await journal.ResetAsync();
                }

                recovered = await journal.RecoverAsync(config.Trading.Engine.InitialCashUsd);
            }
            catch (JournalCorruptException e)
            {
                await error.WriteLineAsync($"edgerisk-trading: {e.Message}");
                return 1;
            }

            if (options.Profile == Profile.Local && OutsideWindow(recovered.ResumeAfter, options) is { } problem)
            {
                await error.WriteLineAsync($"edgerisk-trading: --job {options.EffectiveJob}: {problem}");
                return 2;
            }

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.MetricsPort));
            builder.Logging.ClearProviders().AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = null;
            });
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            var services = builder.Services;
            services.AddSingleton<IValidateOptions<LiveOptions>, LiveOptionsValidator>();
            services.AddOptions<LiveOptions>().Configure(o => Copy(options, o)).ValidateOnStart();
            services.AddSingleton(sp => sp.GetRequiredService<IOptions<LiveOptions>>().Value);
            services.AddSingleton(symbols);
            services.AddSingleton(metrics);
            services.AddSingleton(journal);
            services.AddSingleton(recovered);
            services.AddSingleton(config);
            services.AddHostedService<JournalFlushService>();
            if (feed is not null)
            {
                var clock = new ReplayClock(recovered.ResumeAfter ?? options.WindowStart, options.Speed);
                services.AddSingleton(clock);
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton(feed);
                // A paced loop beats every 50 ms of wall time, which is many virtual seconds at high speed.
                var heartbeatTimeout = options.IsMaxSpeed ? options.HeartbeatTimeout : TimeSpan.FromTicks(Math.Max(options.HeartbeatTimeout.Ticks, (long)(TimeSpan.TicksPerSecond * options.Speed)));
                services.AddSingleton(sp => new HostState(clock, heartbeatTimeout));
                services.AddSingleton<ReplayService>();
                services.AddHostedService(sp => sp.GetRequiredService<ReplayService>());
            }
            else
            {
                services.AddSingleton(TimeProvider.System);
                services.AddSingleton(endpoints!);
                services.AddSingleton(sp => new HostState(TimeProvider.System, options.HeartbeatTimeout));
                services.AddHostedService<LiveTradingService>();
            }

            await using var app = builder.Build();
            Endpoints.Map(app);
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EdgeRisk.Trading.Host");
            if (!edgeBandLoaded)
            {
                logger.EdgeBandMissing(options.SimStatsFile);
            }

            if (recovered.ResumeAfter is { } resume)
            {
                logger.Recovered(recovered.FillsReplayed, resume);
            }

            try
            {
                await app.StartAsync();
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"edgerisk-trading: --metrics-port {options.MetricsPort}: cannot listen on 127.0.0.1 ({FirstLine(e.Message)}); pick a free port, or 0 for one the OS chooses");
                return 1;
            }

            // The port actually bound: --metrics-port 0 lets the OS choose, and whoever scrapes needs to know which.
            foreach (var url in app.Urls)
            {
                logger.MetricsListening(url.TrimEnd('/') + "/metrics");
            }

            var replay = feed is not null ? app.Services.GetRequiredService<ReplayService>() : null;
            await app.WaitForShutdownAsync();
            return replay?.ExitCode ?? 0;
        }
    }

    /// <summary>
    /// A replay resumes inside its window or not at all: a journal whose newest entry lies outside [window start, end)
    /// belongs to another run (another --window or --duration, or a finished one), and resuming it would replay nothing.
    /// </summary>
    public static string? OutsideWindow(DateTimeOffset? resumeAfter, LiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (start, end) = (options.WindowStart, options.WindowEnd);
        return resumeAfter is { } resume && (resume < start || resume >= end)
            ? string.Create(CultureInfo.InvariantCulture, $"the Redis journal resumes at {resume:u}, outside this run's window {start:u} .. {end:u} (a finished or different run); start a new run with --journal fresh")
            : null;
    }

    /// <summary>Sets edge_blended_mean/sigma_bps from the sim statistics (each symbol its own band, the pooled one without history); false (band unset, logged) when the file is missing.</summary>
    private static async Task<bool> LoadEdgeBandAsync(LiveOptions options, TradingMetrics metrics)
    {
        if (!File.Exists(options.SimStatsFile))
        {
            return false;
        }

        var stats = JsonSerializer.Deserialize(await File.ReadAllTextAsync(options.SimStatsFile), BacktestingJsonContext.Default.PnlStats)
            ?? throw new JsonException($"{options.SimStatsFile} is empty");
        foreach (var symbol in options.Symbols)
        {
            var band = stats.BandOf(symbol);
            metrics.SetEdgeBand(symbol, band.MeanBps, band.SigmaBps);
        }

        return true;
    }

    private static void Copy(LiveOptions from, LiveOptions to)
    {
        to.Profile = from.Profile;
        to.Symbols = from.Symbols;
        to.Speed = from.Speed;
        to.Duration = from.Duration;
        to.MetricsPort = from.MetricsPort;
        to.Redis = from.Redis;
        to.DataDirectory = from.DataDirectory;
        to.Window = from.Window;
        to.RecordMetricsFile = from.RecordMetricsFile;
        to.RecordInterval = from.RecordInterval;
        to.NvdaFile = from.NvdaFile;
        to.Seed = from.Seed;
        to.SimStatsFile = from.SimStatsFile;
        to.Job = from.Job;
        to.CrashAt = from.CrashAt;
        to.FreshJournal = from.FreshJournal;
        to.SkipBadFiles = from.SkipBadFiles;
        to.ConfigDirectory = from.ConfigDirectory;
        to.HeartbeatTimeout = from.HeartbeatTimeout;
        to.SnapshotInterval = from.SnapshotInterval;
    }

    /// <summary>The OS process's real start (never the replay clock), for <c>process_start_time_seconds</c>.</summary>
    private static DateTimeOffset RealProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime());
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Split(". ", 2)[0].Trim().TrimEnd('.');
}
