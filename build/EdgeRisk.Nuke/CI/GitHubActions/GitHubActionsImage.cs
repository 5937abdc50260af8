namespace EdgeRisk.Nuke.CI.GitHubActions;

public enum GitHubActionsImage
{
    UbuntuLatest,
    Ubuntu2404,
    Ubuntu2204,
}
