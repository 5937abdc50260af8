using Refit;

namespace EdgeRisk.Release.Jira;

/// <summary>Jira Cloud REST v2 issue comments.</summary>
[Headers("Accept: application/json")]
public interface IJiraApi
{
    [Get("/rest/api/2/issue/{issueKey}/comment")]
    Task<IApiResponse<JiraCommentPage>> GetCommentsAsync(string issueKey, [AliasAs("startAt")] int startAt, [AliasAs("maxResults")] int maxResults, CancellationToken cancellationToken = default);

    [Post("/rest/api/2/issue/{issueKey}/comment")]
    Task<IApiResponse<JiraComment>> AddCommentAsync(string issueKey, [Body] JiraCommentBody comment, CancellationToken cancellationToken = default);

    [Put("/rest/api/2/issue/{issueKey}/comment/{commentId}")]
    Task<IApiResponse<JiraComment>> UpdateCommentAsync(string issueKey, string commentId, [Body] JiraCommentBody comment, CancellationToken cancellationToken = default);
}
