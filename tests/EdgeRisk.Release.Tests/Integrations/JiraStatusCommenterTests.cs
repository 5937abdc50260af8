using System.Net;

namespace EdgeRisk.Release.Tests.Integrations;

public sealed class JiraStatusCommenterTests
{
    private const string Email = "release@example.test";
    private const string ApiToken = "ATATT3xFfGF0jiraTokenForTests";

    private static JiraStatusCommenter Commenter(FakeJira fake, string token = ApiToken) =>
        new(JiraClientFactory.Create(new JiraOptions(fake.BaseUrl, Email, new Secret(token))));

    [Fact]
    public async Task UpsertAsync_NoMarkedComment_CreatesCommentEndingWithMarker()
    {
        await using var fake = await FakeJira.StartAsync(Email, ApiToken, "EDGE-42");
        var marker = JiraStatusCommenter.Marker("v0.4.0", "status");

        var result = await Commenter(fake).UpsertAsync("EDGE-42", marker, "v0.4.0-rc3 tagged; gates PASS");

        Assert.Equal(JiraCommentStatus.Created, result.Status);
        Assert.Equal("v0.4.0-rc3 tagged; gates PASS\n\n[edgerisk:v0.4.0:status]", Assert.Single(fake.Comments("EDGE-42")));
    }

    [Fact]
    public async Task UpsertAsync_SameTextTwice_PostsOnce()
    {
        await using var fake = await FakeJira.StartAsync(Email, ApiToken, "EDGE-42");
        var commenter = Commenter(fake);
        var marker = JiraStatusCommenter.Marker("v0.4.0", "status");
        await commenter.UpsertAsync("EDGE-42", marker, "gates PASS");

        var second = await commenter.UpsertAsync("EDGE-42", marker, "gates PASS");

        Assert.Equal(JiraCommentStatus.Unchanged, second.Status);
        Assert.Single(fake.Comments("EDGE-42"));
    }

    [Fact]
    public async Task UpsertAsync_MarkedCommentBeyondFirstPage_UpdatesItInPlace()
    {
        await using var fake = await FakeJira.StartAsync(Email, ApiToken, "EDGE-42");
        var commenter = Commenter(fake);
        var marker = JiraStatusCommenter.Marker("v0.4.0", "status");
        for (var i = 0; i < 60; i++)
        {
            fake.AddComment("EDGE-42", $"discussion {i}");
        }

        var created = await commenter.UpsertAsync("EDGE-42", marker, "rc3 tagged");
        var updated = await commenter.UpsertAsync("EDGE-42", marker, "GA promoted");

        Assert.Equal(JiraCommentStatus.Updated, updated.Status);
        Assert.Equal(created.CommentId, updated.CommentId);
        Assert.Equal(61, fake.Comments("EDGE-42").Count);
        Assert.StartsWith("GA promoted", fake.Comments("EDGE-42")[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertAsync_UnknownIssue_ThrowsWithJiraMessage()
    {
        await using var fake = await FakeJira.StartAsync(Email, ApiToken, "EDGE-42");

        var error = await Assert.ThrowsAsync<JiraException>(() => Commenter(fake).UpsertAsync("EDGE-404", "[m]", "text"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("Issue does not exist or you do not have permission to see it.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertAsync_WrongToken_ThrowsUnauthorizedWithoutToken()
    {
        await using var fake = await FakeJira.StartAsync(Email, ApiToken, "EDGE-42");
        const string wrong = "ATATT3xWrongTokenMustNotLeak";

        var error = await Assert.ThrowsAsync<JiraException>(() => Commenter(fake, wrong).UpsertAsync("EDGE-42", "[m]", "text"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_MissingEmailAndToken_NamesBoth()
    {
        var error = Assert.Throws<IntegrationConfigurationException>(() =>
            JiraOptions.FromEnvironment(name => name == "JIRA_URL" ? "https://edgerisk.atlassian.net" : null));

        Assert.Equal(["JIRA_EMAIL", "JIRA_API_TOKEN"], error.MissingVariables);
    }

    [Fact]
    public void ToString_Options_MasksApiToken()
    {
        var options = new JiraOptions(new Uri("https://edgerisk.atlassian.net"), Email, new Secret(ApiToken));

        Assert.DoesNotContain(ApiToken, options.ToString(), StringComparison.Ordinal);
    }
}
