using EdgeRisk.Nuke.CI.GitHubActions;

namespace EdgeRisk.Build;

// Workflows are generated into .github/workflows/ on every local run; invoked targets and imported secrets the build
// does not declare yet are reported as warnings rather than errors.
[GitHubActions(
    "ci",
    GitHubActionsImage.UbuntuLatest,
    On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.PullRequest],
    InvokedTargets = [nameof(Test)],
    PublishArtifacts = true)]
[GitHubActions(
    "docker",
    GitHubActionsImage.UbuntuLatest,
    OnPushTags = ["v*"],
    InvokedTargets = ["BuildImages"],
    ImportSecrets = ["GitHubToken"])]
[GitHubActions(
    "promote",
    GitHubActionsImage.UbuntuLatest,
    On = [GitHubActionsTrigger.WorkflowDispatch],
    InvokedTargets = ["Promote"],
    ImportSecrets = ["GitHubToken", "GrafanaToken", "PagerdutyRoutingKey", "JiraApiToken"],
    PublishArtifacts = true)]
partial class Build;
