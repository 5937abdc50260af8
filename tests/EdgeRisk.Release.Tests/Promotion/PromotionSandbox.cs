using EdgeRisk.Release.Tests.Integrations;

namespace EdgeRisk.Release.Tests.Promotion;

/// <summary>
/// A release at the end of the dry run: real bare origin and clone with v0.4.0-rc1 tagged and pushed (origin's main still
/// behind develop, as the rc push leaves it), gates.json with a chosen verdict, and GitHub/Jira behind the local profile's
/// outbox (or given clients for staging), and the rc's images in a fake registry (built from the rc commit).
/// </summary>
internal sealed class PromotionSandbox : IDisposable
{
    public const string GitHubToken = "ghp_promotionTokenForTests_0123456789";
    public const string JiraToken = "jira_promotionTokenForTests_0123456789";

    private PromotionSandbox(GitSandbox git)
    {
        Git = git;
        GatesDirectory = Path.Combine(git.Root, "artifacts", "gates");
        ReleaseDirectory = Path.Combine(git.Root, "artifacts", "release", "v0.4.0");
        Outbox = new OutboxRecorder(Path.Combine(git.Root, "artifacts", "release", "outbox"));
    }

    public GitSandbox Git { get; }

    public string GatesDirectory { get; }

    public string ReleaseDirectory { get; }

    public OutboxRecorder Outbox { get; }

    public RecordingDeployer Deployer { get; } = new();

    public FakeImageRegistry Registry { get; } = new();

    /// <summary>The stack's images in <see cref="Registry"/>, as BuildImages or docker.yml pushed them.</summary>
    public ReleaseImages Images => new(Registry, FakeImageRegistry.Local);

    /// <summary>The rc commit: develop's head, where v0.4.0-rc1 points.</summary>
    public string? CandidateCommit { get; private set; }

    public List<string> Log { get; } = [];

    /// <summary>origin's main after the rc tag: where a refused promotion must leave it.</summary>
    public string? OriginMainBeforePromotion { get; private set; }

    public static async Task<PromotionSandbox> CreateAsync(string verdict = "PASS", string? failingGate = null)
    {
        var sandbox = new PromotionSandbox(await GitSandbox.CreateAsync());
        await new TagService(sandbox.Git.Clone).TagReleaseAsync(new TagReleaseOptions { Version = ReleaseVersion.Parse("0.4.0-rc1") });
        await sandbox.Git.Clone.CheckoutAsync("develop");
        sandbox.OriginMainBeforePromotion = await sandbox.OriginMainAsync();
        sandbox.CandidateCommit = await sandbox.Git.Clone.ResolveCommitAsync("refs/heads/develop");
        sandbox.Registry.Publish("0.4.0", sandbox.CandidateCommit!);
        sandbox.WriteGates(verdict, failingGate);
        return sandbox;
    }

    public void WriteGates(string verdict, string? failingGate = null)
    {
        var failing = verdict == "PASS" ? null : failingGate ?? "continuity";
        string Status(string gate) => gate == failing ? verdict : "PASS";
        var gates = new GatesJson(verdict, new GatesJsonWindow("2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z"),
        [
            new GatesJsonGate("continuity", Status("continuity"), failing == "continuity" ? 1 : 0, 0, failing == "continuity" ? "edgerisk-crypto restarted 1 time(s) at +10h" : "48 h, no restarts"),
            new GatesJsonGate("alerts", Status("alerts"), 0, 0, "0 critical, 0 warnings"),
            new GatesJsonGate("pnl_drift", Status("pnl_drift"), 0.12, 0.5, "within 0.5 sigma"),
            new GatesJsonGate("var", Status("var"), 91.2, 95, "max 91.2% of the VaR limit"),
            new GatesJsonGate("rss_drift", Status("rss_drift"), 1.1, 3, "RSS drift 1.1%"),
        ]);
        Directory.CreateDirectory(GatesDirectory);
        File.WriteAllBytes(Path.Combine(GatesDirectory, "gates.json"), JsonSerializer.SerializeToUtf8Bytes(gates, GatesJsonContext.Default.GatesJson));
        File.WriteAllText(Path.Combine(GatesDirectory, "report.md"), $"# Gates: {verdict}\n");
    }

    public PromotionOptions Options(bool local = true, string version = "0.4.0") => new()
    {
        Version = ReleaseVersion.Parse(version),
        ReleaseDirectory = ReleaseDirectory,
        GatesDirectory = GatesDirectory,
        Profile = local ? "local" : "staging",
        RecordedToOutbox = local,
        Remote = "origin",
    };

    /// <summary>The local profile's integrations: GitHub and Jira answered from the outbox.</summary>
    public PromotionIntegrations LocalIntegrations(Func<HttpMessageHandler, HttpMessageHandler>? wrapJira = null)
    {
        var github = new GitHubOptions("edgerisk", "edgerisk", new Secret(GitHubToken));
        var jira = new JiraOptions(new Uri("http://jira.local/"), "release@example.test", new Secret(JiraToken));
        HttpMessageHandler jiraTransport = new OutboxHandler(Outbox, new JiraOutboxResponder());
        return new PromotionIntegrations(
            GitHubClientFactory.Create(github, new OutboxHandler(Outbox, new GitHubOutboxResponder())),
            github,
            JiraClientFactory.Create(jira, wrapJira is null ? jiraTransport : wrapJira(jiraTransport)),
            Deployer,
            Images)
        {
            Pinger = PagerDutyReleasePinger.Outbox(Outbox.Directory, ReleaseDirectory),
        };
    }

    public PromotionService Service(PromotionIntegrations? integrations = null, bool local = true, string version = "0.4.0") =>
        new(Git.Clone, integrations ?? LocalIntegrations(), Options(local, version), new FakeTimeProvider(new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero)), Log.Add);

    public IReadOnlyList<string> OutboxWrites(string service) =>
        Outbox.ReadAll(service).Select(e => $"{e.Method} {e.PathWithoutQuery}").ToList();

    public Task<string?> OriginTagAsync(string tag = "v0.4.0") => Git.Origin.ResolveCommitAsync("refs/tags/" + tag);

    public Task<string?> OriginMainAsync() => Git.Origin.ResolveCommitAsync("refs/heads/main");

    /// <summary>
    /// Asserts that a refused promotion changed nothing: origin's main where the rc tag left it, only the rc tag on
    /// origin, no GA tag anywhere, no deploy, no release, no summary, and no comment unless
    /// <paramref name="statusCommentPosted"/> (a failed image build puts its ping in the Jira status comment).
    /// </summary>
    public async Task AssertNothingChangedAsync(string? originMain = null, bool statusCommentPosted = false)
    {
        Assert.Equal(originMain ?? OriginMainBeforePromotion, await OriginMainAsync());
        Assert.Equal(["v0.4.0-rc1"], await Git.Origin.ListTagsAsync());
        Assert.Null(await OriginTagAsync());
        Assert.Null(await Git.Clone.ResolveCommitAsync("refs/tags/v0.4.0"));
        Assert.Equal(0, Deployer.Attempts);
        Assert.Empty(Outbox.ReadAll("github"));
        Assert.Equal(statusCommentPosted ? ["POST /rest/api/2/issue/RELEASE-40/comment"] : [], OutboxWrites("jira"));
        Assert.False(File.Exists(Path.Combine(ReleaseDirectory, "summary.md")));
        Assert.False(File.Exists(Path.Combine(ReleaseDirectory, PromotionState.FileName)));
    }

    public void Dispose() => Git.Dispose();
}
