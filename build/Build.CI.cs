using EdgeRisk.Nuke.CI.GitHubActions;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Build;

// Workflows are generated into .github/workflows/ on every local run; invoked targets and imported secrets the build
// does not declare yet are reported as warnings rather than errors.
// ci: pushes to main and v* tags, and pull requests (a PR branch runs once, as the PR); a newer commit of a PR cancels
// its running check, main's runs queue.
[GitHubActions(
    "ci",
    GitHubActionsImage.UbuntuLatest,
    On = [GitHubActionsTrigger.PullRequest],
    OnPushBranches = ["main"],
    OnPushTags = ["v*"],
    InvokedTargets = [nameof(ITest.Test)],
    ConcurrencyGroup = "ci-${{ github.ref }}",
    ConcurrencyCancelInProgress = "${{ github.event_name == 'pull_request' }}",
    PublishArtifacts = true)]
// docker: a v* tag push builds the images and pushes them to GitHub's container registry, ghcr.io/<owner> (EDGERISK_REGISTRY),
// from where staging and production pull them.
[GitHubActions(
    "docker",
    GitHubActionsImage.UbuntuLatest,
    OnPushTags = ["v*"],
    InvokedTargets = ["BuildImages"],
    ImportSecrets = ["GitHubToken"],
    WritePermissions = ["packages"],
    ContainerRegistry = "ghcr.io",
    ContainerRegistryVariable = "EDGERISK_REGISTRY")]
// promote: the staging release, started by hand and approved through the production environment's protection rules;
// it pushes main and the GA tag, marks the release PR and creates the GitHub release. One run per version at a time,
// never cancelled halfway. It reads the rc tag's docker.yml run (actions) and the rc's images on ghcr.io (packages).
[GitHubActions(
    "promote",
    GitHubActionsImage.UbuntuLatest,
    OnWorkflowDispatchRequiredInputs = ["version: Release to promote, e.g. 0.4.0"],
    OnWorkflowDispatchOptionalInputs = ["rc: Release candidate number, e.g. 3 for v0.4.0-rc3; empty: the rc on develop's head, else the next free one"],
    InvokedTargets = ["Promote"],
    InvokedArguments = "--profile staging --release-version \"$INPUT_VERSION${INPUT_RC:+-rc$INPUT_RC}\"",
    ImportSecrets = ["GitHubToken", "GrafanaToken", "PagerdutyRoutingKey", "JiraApiToken"],
    ImportVariables = ["GrafanaUrl", "JiraUrl", "JiraEmail", "ProductionDockerHost", "PrometheusUrl", "EdgeriskRegistry", "Reviewers"],
    WritePermissions = ["contents", "pull-requests"],
    ReadPermissions = ["actions", "packages"],
    EnvironmentName = "production",
    ConcurrencyGroup = "promote-${{ inputs.version }}",
    ConcurrencyCancelInProgress = "false",
    TimeoutMinutes = 3000, // the staging dry run alone is 48 h of real time
    PublishArtifacts = true)]
partial class Build
{
    /// <summary>Appended to the GitHub Actions step summary after the target table: the gates' report, when there is one.</summary>
    protected override IEnumerable<AbsolutePath> StepSummaryFiles => [GatesDirectory / "report.md"];
}
