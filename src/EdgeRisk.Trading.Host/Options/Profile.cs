namespace EdgeRisk.Trading.Host.Options;

/// <summary><c>local</c> replays shipped data on a virtual clock; <c>staging</c> trades paper on live exchange feeds.</summary>
public enum Profile
{
    Local,
    Staging,
}
