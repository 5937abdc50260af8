namespace EdgeRisk.Testing.Fakes;

/// <summary>
/// A request a loopback fake received: method, the path base it came under (e.g. <c>/api/v3</c> for Octokit against a
/// non-github.com host, else empty), the path below it, query, headers and body.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string PathBase,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var value) ? value : null;
}
