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

    /// <summary>Scopes the job's GITHUB_TOKEN may write besides reading the contents, e.g. <c>packages</c> to push images.</summary>
    public string[] WritePermissions { get; set; } = [];

    /// <summary>
    /// A container registry the job logs in to with the job's GITHUB_TOKEN (docker/login-action), e.g. <c>ghcr.io</c>;
    /// <see cref="ContainerRegistryVariable"/> is then set to <c>&lt;registry&gt;/&lt;owner in lowercase&gt;</c> for the build.
    /// </summary>
    public string? ContainerRegistry { get; set; }

    public string ContainerRegistryVariable { get; set; } = "CONTAINER_REGISTRY";
}
