using System.Net;
using System.Text.Json;
using Refit;

namespace EdgeRisk.Release.Jira;

/// <summary>
/// Keeps one status comment per issue and marker: the comment ends with a marker line such as
/// <c>[edgerisk:v0.4.0:status]</c>; a later run finds it and updates it in place (or leaves it when the text is the same)
/// instead of posting a duplicate.
/// </summary>
public sealed class JiraStatusCommenter(IJiraApi jira)
{
    private const int PageSize = 50;

    public static string Marker(string release, string topic) => $"[edgerisk:{release}:{topic}]";

    public async Task<JiraCommentResult> UpsertAsync(string issueKey, string marker, string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(marker);
        var body = new JiraCommentBody(text.TrimEnd() + "\n\n" + marker);
        var existing = await FindMarkedAsync(issueKey, marker, cancellationToken);
        if (existing is null)
        {
            var created = Require(await jira.AddCommentAsync(issueKey, body, cancellationToken), issueKey, "add a comment to");
            return new JiraCommentResult(issueKey, created.Id, JiraCommentStatus.Created);
        }

        if (existing.Body == body.Body)
        {
            return new JiraCommentResult(issueKey, existing.Id, JiraCommentStatus.Unchanged);
        }

        Require(await jira.UpdateCommentAsync(issueKey, existing.Id, body, cancellationToken), issueKey, "update a comment on");
        return new JiraCommentResult(issueKey, existing.Id, JiraCommentStatus.Updated);
    }

    private async Task<JiraComment?> FindMarkedAsync(string issueKey, string marker, CancellationToken cancellationToken)
    {
        var startAt = 0;
        while (true)
        {
            var page = Require(await jira.GetCommentsAsync(issueKey, startAt, PageSize, cancellationToken), issueKey, "read comments of");
            var match = page.Comments.FirstOrDefault(c => c.Body.Contains(marker, StringComparison.Ordinal));
            if (match is not null)
            {
                return match;
            }

            startAt += page.Comments.Count;
            if (page.Comments.Count == 0 || startAt >= page.Total)
            {
                return null;
            }
        }
    }

    private static T Require<T>(IApiResponse<T> response, string issueKey, string action)
    {
        if (response.IsSuccessStatusCode && response.Content is not null)
        {
            return response.Content;
        }

        var status = response.StatusCode ?? HttpStatusCode.ServiceUnavailable;
        var detail = ReadError((response.Error as ApiException)?.Content) ?? response.Error?.Message ?? "no answer";
        var hint = status == HttpStatusCode.Unauthorized ? "; check JIRA_EMAIL and JIRA_API_TOKEN" : "";
        throw new JiraException($"Jira: could not {action} {issueKey} ({(int)status}): {detail}{hint}", status);
    }

    private static string? ReadError(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            var error = JsonSerializer.Deserialize<JiraError>(content, JsonSerializerOptions.Web);
            var messages = (error?.ErrorMessages ?? []).Concat((error?.Errors ?? new Dictionary<string, string>()).Select(e => $"{e.Key}: {e.Value}")).ToList();
            return messages.Count > 0 ? string.Join("; ", messages) : null;
        }
        catch (JsonException)
        {
            return content.Length > 200 ? content[..200] : content;
        }
    }
}
