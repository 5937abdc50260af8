using EdgeRisk.Release.Outbox;

namespace EdgeRisk.Release.Grafana;

/// <summary>
/// Where Grafana is and how to authenticate: a service-account <see cref="Token"/> (Bearer) or <see cref="User"/> and
/// <see cref="Password"/> (basic). Secrets print as <c>*****</c>.
/// </summary>
public sealed record GrafanaOptions(Uri Url, Secret? Token, string? User, Secret? Password)
{
    public const string UrlVariable = "GRAFANA_URL";
    public const string TokenVariable = "GRAFANA_TOKEN";
    public const string UserVariable = "GRAFANA_USER";
    public const string PasswordVariable = "GRAFANA_PASSWORD";

    /// <summary>Reads <c>GRAFANA_URL</c> plus <c>GRAFANA_TOKEN</c> or <c>GRAFANA_USER</c>+<c>GRAFANA_PASSWORD</c>.</summary>
    /// <exception cref="IntegrationConfigurationException">Naming every missing variable.</exception>
    public static GrafanaOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string? Read(string name) => getVariable(name) is { Length: > 0 } value ? value : null;

        var url = Read(UrlVariable);
        var token = Read(TokenVariable);
        var user = Read(UserVariable);
        var password = Read(PasswordVariable);

        var missing = new List<string>();
        if (url is null)
        {
            missing.Add(UrlVariable);
        }

        if (token is null && (user is null || password is null))
        {
            missing.Add(user is null && password is null
                ? $"{TokenVariable} (or {UserVariable} and {PasswordVariable})"
                : user is null ? UserVariable : PasswordVariable);
        }

        Uri? parsed = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)))
        {
            throw new IntegrationConfigurationException($"{UrlVariable} '{url}' is not an http(s) URL; set it to e.g. http://127.0.0.1:3000");
        }

        if (missing.Count > 0)
        {
            throw new IntegrationConfigurationException("Grafana", missing);
        }

        return token is not null
            ? new GrafanaOptions(parsed!, new Secret(token), null, null)
            : new GrafanaOptions(parsed!, null, user, new Secret(password!));
    }
}
