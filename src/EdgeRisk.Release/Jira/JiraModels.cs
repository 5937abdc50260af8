namespace EdgeRisk.Release.Jira;

/// <summary>Request body of add/update comment: <c>{"body": "..."}</c> (wiki markup in v2).</summary>
public sealed record JiraCommentBody(string Body);

public sealed record JiraComment(string Id, string Body);

/// <summary>One page of <c>GET .../comment</c>.</summary>
public sealed record JiraCommentPage(int StartAt, int MaxResults, int Total, IReadOnlyList<JiraComment> Comments);

/// <summary>Error body: <c>{"errorMessages":[...],"errors":{...}}</c>.</summary>
public sealed record JiraError(IReadOnlyList<string>? ErrorMessages, IReadOnlyDictionary<string, string>? Errors);
