namespace EdgeRisk.Nuke;

public enum Verbosity
{
    Quiet,
    Minimal,
    Normal,
    Verbose,

    /// <summary>Verbose, and target output is printed live instead of buffered per target.</summary>
    Trace,
}
