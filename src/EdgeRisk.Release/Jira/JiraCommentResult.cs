namespace EdgeRisk.Release.Jira;

public enum JiraCommentStatus
{
    Created,
    Updated,
    Unchanged,
}

public sealed record JiraCommentResult(string IssueKey, string CommentId, JiraCommentStatus Status);
