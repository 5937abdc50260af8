namespace EdgeRisk.Nuke.CI.GitHubActions;

/// <summary>
/// Declares a GitHub Actions workflow generated into <c>.github/workflows/&lt;name&gt;.yml</c>; each job runs
/// <c>./build.sh &lt;InvokedTargets&gt;</c> on one image.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsAttribute(string name, GitHubActionsImage image, params GitHubActionsImage[] images) : Attribute
{
    public string Name { get; } = name;

    public IReadOnlyList<GitHubActionsImage> Images { get; } = [image, .. images];

    public GitHubActionsTrigger[] On { get; set; } = [];

    public string[] OnPushBranches { get; set; } = [];

    /// <summary>Tag patterns (e.g. <c>v*</c>) that trigger the workflow on push.</summary>
    public string[] OnPushTags { get; set; } = [];

    public string[] InvokedTargets { get; set; } = [];

    /// <summary>[Secret] parameter names passed from repository secrets as their SNAKE_CASE environment variables.</summary>
    public string[] ImportSecrets { get; set; } = [];

    /// <summary>Uploads <c>artifacts/</c> when the job ends, also after a failure.</summary>
    public bool PublishArtifacts { get; set; }

    public int TimeoutMinutes { get; set; } = 60;
}
