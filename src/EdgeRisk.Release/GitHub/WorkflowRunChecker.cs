using System.Net;
using Octokit;

namespace EdgeRisk.Release.GitHub;

/// <summary>
/// Finds the image-build workflow run triggered by pushing a tag (<c>event=push</c>, <c>head_branch=tag</c>) and reports
/// its state. No run, or a workflow file GitHub does not know, is <see cref="WorkflowRunState.Missing"/>, never success.
/// </summary>
public sealed class WorkflowRunChecker(IGitHubClient github, GitHubOptions options)
{
    public async Task<WorkflowRunCheck> CheckAsync(string tag, string workflowFileName = "docker.yml", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        cancellationToken.ThrowIfCancellationRequested();
        WorkflowRunsResponse runs;
        try
        {
            runs = await GitHubCalls.RunAsync(
                $"listing {workflowFileName} runs for {tag}",
                () => github.Actions.Workflows.Runs.ListByWorkflow(
                    options.Owner, options.Repository, workflowFileName, new WorkflowRunsRequest { Branch = tag, Event = "push" }));
        }
        catch (GitHubIntegrationException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return new WorkflowRunCheck(WorkflowRunState.Missing, tag, null, null, null);
        }

        var latest = (runs.WorkflowRuns ?? [])
            .Where(r => r.HeadBranch == tag && r.Event == "push")
            .OrderByDescending(r => r.CreatedAt)
            .ThenByDescending(r => r.RunNumber)
            .FirstOrDefault();
        if (latest is null)
        {
            return new WorkflowRunCheck(WorkflowRunState.Missing, tag, null, null, null);
        }

        var status = latest.Status.StringValue;
        var conclusion = latest.Conclusion?.StringValue;
        var state = status != "completed"
            ? WorkflowRunState.InProgress
            : conclusion == "success" ? WorkflowRunState.Success : WorkflowRunState.Failed;
        return new WorkflowRunCheck(state, tag, latest.Id, latest.HtmlUrl, conclusion);
    }
}
