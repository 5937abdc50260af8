namespace EdgeRisk.Trading.Feeds;

/// <summary>Bar length of a LEAN file; a bar's end time is its open time plus this.</summary>
public enum LeanResolution : byte
{
    Second,
    Minute,
    Daily,
}
