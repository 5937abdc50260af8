namespace EdgeRisk.Nuke.CI.GitHubActions;

/// <summary>
/// Declares a GitHub Actions workflow generated into <c>.github/workflows/&lt;name&gt;.yml</c>; each job runs
/// <c>./build.sh &lt;InvokedTargets&gt; &lt;InvokedArguments&gt;</c> on one image.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsAttribute(string name, GitHubActionsImage image, params GitHubActionsImage[] images) : Attribute
{
    public string Name { get; } = name;

    public IReadOnlyList<GitHubActionsImage> Images { get; } = [image, .. images];

    public GitHubActionsTrigger[] On { get; set; } = [];

    /// <summary>Branches whose pushes trigger the workflow; with neither these nor <see cref="OnPushTags"/>, every push does.</summary>
    public string[] OnPushBranches { get; set; } = [];

    /// <summary>Tag patterns (e.g. <c>v*</c>) that trigger the workflow on push.</summary>
    public string[] OnPushTags { get; set; } = [];

    /// <summary>
    /// Inputs of a manual run (<c>workflow_dispatch</c>), each <c>name</c> or <c>name: description</c>; the job sees them as
    /// <c>INPUT_&lt;NAME&gt;</c> environment variables (never expanded into the script itself).
    /// </summary>
    public string[] OnWorkflowDispatchRequiredInputs { get; set; } = [];

    /// <inheritdoc cref="OnWorkflowDispatchRequiredInputs"/>
    public string[] OnWorkflowDispatchOptionalInputs { get; set; } = [];

    public string[] InvokedTargets { get; set; } = [];

    /// <summary>Shell words after the targets, e.g. <c>--profile staging --release-version "$INPUT_VERSION"</c>.</summary>
    public string? InvokedArguments { get; set; }

    /// <summary>[Secret] parameter names passed from repository secrets as their SNAKE_CASE environment variables.</summary>
    public string[] ImportSecrets { get; set; } = [];

    /// <summary>Parameter names passed from configuration variables (<c>vars.</c>) as their SNAKE_CASE environment variables.</summary>
    public string[] ImportVariables { get; set; } = [];

    /// <summary>Uploads <c>artifacts/</c> when the job ends, also after a failure.</summary>
    public bool PublishArtifacts { get; set; }

    public int TimeoutMinutes { get; set; } = 60;

    /// <summary>
    /// Scopes the job's GITHUB_TOKEN may write, e.g. <c>packages</c> to push images, <c>contents</c> to push tags; every
    /// other scope is not granted, and contents are read-only unless listed here.
    /// </summary>
    public string[] WritePermissions { get; set; } = [];

    /// <summary>Scopes the job's GITHUB_TOKEN may read besides the contents, e.g. <c>actions</c> to look up workflow runs.</summary>
    public string[] ReadPermissions { get; set; } = [];

    /// <summary>Workflow-level concurrency group, e.g. <c>ci-${{ github.ref }}</c>; null: no group.</summary>
    public string? ConcurrencyGroup { get; set; }

    /// <summary><c>true</c>, <c>false</c> or an expression deciding whether a new run cancels the group's running one.</summary>
    public string ConcurrencyCancelInProgress { get; set; } = "false";

    /// <summary>The deployment environment of the job (its protection rules, e.g. required reviewers, gate the run); null: none.</summary>
    public string? EnvironmentName { get; set; }

    /// <summary>
    /// A container registry the job logs in to with the job's GITHUB_TOKEN (docker/login-action), e.g. <c>ghcr.io</c>;
    /// <see cref="ContainerRegistryVariable"/> is then set to <c>&lt;registry&gt;/&lt;owner in lowercase&gt;</c> for the build.
    /// </summary>
    public string? ContainerRegistry { get; set; }

    public string ContainerRegistryVariable { get; set; } = "CONTAINER_REGISTRY";
}
