namespace EdgeRisk.Trading.Host.Cli;

public static class Usage
{
    public const string Hint = "run 'edgerisk-trading --help' for usage";

    public const string Text = """
        usage:
          edgerisk-trading live --profile local|staging --symbols BTC-USD,ETH-USD|NVDA --speed N|max --duration 48h
                                --metrics-port P --redis host:port [--data DIR] [--window 2017-09-03]
                                [--record-metrics FILE --record-interval 15s] [--nvda-file FILE] [--seed N]
                                [--job edgerisk-crypto|edgerisk-stocks] [--crash-at 10h] [--journal fresh|resume] [--skip-bad-files]
                                [--config DIR]
          edgerisk-trading backtest --from 2017-09-03 --to 2017-09-04 --symbols BTC-USD,ETH-USD [--strategy dual-horizon|ema-cross]
                                    --data DIR [--out DIR] [--speed N|max] [--repeat-days N] [--skip-bad-files] [--config DIR]
          edgerisk-trading sim-stats --data DIR --out artifacts/sim/pnl_stats.json [--symbols BTC-USD,ETH-USD] [--skip-bad-files]
                                     [--config DIR]
        --config DIR (default: config) holds strategy.json and router.json; a missing file, a bad value or an unknown key is
        one line naming file and key (exit 2). backtest without --strategy plays the config's strategy.
        backtest days are inclusive: --from 2017-09-03 --to 2017-09-04 is 48 h. --speed paces it (default max: flat out);
        --repeat-days 30 cycles those files, re-dated back to back, for 30 virtual days (a SYNTHETIC tape).
        a data file that cannot be read (empty, not a zip, truncated, corrupt, no or several entries, a missing day) is an
        error naming it (exit 2); --skip-bad-files makes it a warning, a count, and the replay plays the other files.
        --journal fresh clears the job's Redis journal first (a new run); resume (default) recovers the books from it.
        --metrics-port 0 binds a free port the OS chooses; the log line "Metrics on URL" names it.
        --crash-at is a test hook: the process kills itself when the virtual clock passes start + the given time.
        exit codes: 0 ok, 1 runtime failure, 2 bad arguments
        """;
}
