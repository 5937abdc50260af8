namespace EdgeRisk.Release.Tests.Promotion;

public sealed class ReleaseSettingsTests
{
    private const string Token = "ghp_settingsTokenNeverPrinted_0123456789";

    [Fact]
    public void Problems_MissingTokenAndGrafanaVariables_NamesEveryVariableInOneLine()
    {
        var settings = new ReleaseSettings(_ => null);

        var problems = settings.Problems(ReleaseService.GitHub, ReleaseService.Grafana, ReleaseService.Jira, ReleaseService.Production);

        Assert.Equal(
            "GitHub is not configured: set GITHUB_TOKEN, GITHUB_REPOSITORY; " +
            "Grafana is not configured: set GRAFANA_URL, GRAFANA_TOKEN (or GRAFANA_USER and GRAFANA_PASSWORD); " +
            "Jira is not configured: set JIRA_URL, JIRA_EMAIL, JIRA_API_TOKEN; " +
            "Production deploy is not configured: set PRODUCTION_DOCKER_HOST",
            problems);
    }

    [Fact]
    public void Problems_ValuesFromBuildParameters_OverrideTheEnvironment()
    {
        var environment = new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = "edgerisk/edgerisk", ["GRAFANA_URL"] = "http://127.0.0.1:3000" };
        var settings = new ReleaseSettings(
            name => environment.GetValueOrDefault(name),
            new Dictionary<string, string?> { ["GITHUB_TOKEN"] = Token, ["GRAFANA_TOKEN"] = "glsa_x", ["GRAFANA_URL"] = null });

        Assert.Null(settings.Problems(ReleaseService.GitHub, ReleaseService.Grafana));
        Assert.Equal(Token, settings.GitHub().Token.Reveal());
        Assert.Equal(new Uri("http://127.0.0.1:3000"), settings.Grafana().Url);
    }

    [Fact]
    public void Problems_TokenSetRepositoryMissing_NamesOnlyTheRepositoryAndNeverTheToken()
    {
        var settings = new ReleaseSettings(name => name == "GITHUB_TOKEN" ? Token : null);

        var problem = settings.Problem(ReleaseService.GitHub);

        Assert.Equal("GitHub is not configured: set GITHUB_REPOSITORY", problem);
    }

    [Fact]
    public void ProductionDockerHost_NotAnEngineAddress_NamesTheVariableAndTheFix()
    {
        var settings = new ReleaseSettings(name => name == ReleaseSettings.ProductionDockerHostVariable ? "prod-host:2375" : null);

        var problem = settings.Problem(ReleaseService.Production);

        Assert.Equal("PRODUCTION_DOCKER_HOST 'prod-host:2375' is not a Docker engine address: use unix://, tcp:// or ssh://", problem);
    }
}
