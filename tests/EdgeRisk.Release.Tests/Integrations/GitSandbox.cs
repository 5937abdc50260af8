namespace EdgeRisk.Release.Tests.Integrations;

/// <summary>A real bare origin plus a clone with main and develop, in a temp directory.</summary>
internal sealed class GitSandbox : IDisposable
{
    private readonly TempDirectory temp = new("edgerisk-git");

    private GitSandbox()
    {
        OriginPath = temp.Combine("origin.git");
        ClonePath = temp.Combine("work");
        Clone = new GitRepository(ClonePath);
    }

    public string OriginPath { get; }

    public string ClonePath { get; }

    public GitRepository Clone { get; }

    public GitRepository Origin => new(OriginPath);

    public string Root => temp.Path;

    public static async Task<GitSandbox> CreateAsync()
    {
        var sandbox = new GitSandbox();
        Directory.CreateDirectory(sandbox.OriginPath);
        await sandbox.Origin.RunCheckedAsync(["init", "--quiet", "--bare", "--initial-branch=main"]);
        await new GitRepository(sandbox.Root).RunCheckedAsync(["clone", "--quiet", sandbox.OriginPath, sandbox.ClonePath]);
        await Configure(sandbox.Clone);
        await sandbox.CommitAsync("README.md", "edge risk\n", "initial commit");
        await sandbox.Clone.RunCheckedAsync(["branch", "-M", "main"]);
        await sandbox.Clone.RunCheckedAsync(["push", "--quiet", "origin", "main"]);
        await sandbox.Clone.RunCheckedAsync(["checkout", "--quiet", "-b", "develop"]);
        await sandbox.CommitAsync("router.txt", "dual-horizon router\n", "feat: dual-horizon router");
        await sandbox.Clone.RunCheckedAsync(["push", "--quiet", "-u", "origin", "develop"]);
        return sandbox;
    }

    public static async Task Configure(GitRepository repository)
    {
        // One at a time: git locks .git/config per write.
        await repository.RunCheckedAsync(["config", "user.name", "Release Bot"]);
        await repository.RunCheckedAsync(["config", "user.email", "release@example.test"]);
        await repository.RunCheckedAsync(["config", "commit.gpgsign", "false"]);
        await repository.RunCheckedAsync(["config", "tag.gpgsign", "false"]);
    }

    public async Task<string> CommitAsync(string file, string content, string message, GitRepository? repository = null)
    {
        var repo = repository ?? Clone;
        await File.WriteAllTextAsync(Path.Combine(repo.WorkingDirectory, file), content);
        await repo.RunCheckedAsync(["add", file]);
        await repo.RunCheckedAsync(["commit", "--quiet", "-m", message]);
        return await repo.HeadCommitAsync();
    }

    /// <summary>A second clone, standing for a colleague pushing to the same origin.</summary>
    public async Task<GitRepository> SecondCloneAsync()
    {
        var path = temp.Combine("colleague");
        await new GitRepository(Root).RunCheckedAsync(["clone", "--quiet", OriginPath, path]);
        var repo = new GitRepository(path);
        await Configure(repo);
        return repo;
    }

    /// <summary>
    /// A colleague's push racing ours: a pre-push hook in <see cref="Clone"/> pushes <paramref name="branch"/> from
    /// <paramref name="colleague"/> to origin after our push has read the remote's refs and before it updates them.
    /// </summary>
    public async Task PushBeforeNextPushAsync(GitRepository colleague, string branch)
    {
        var hook = Path.Combine(ClonePath, ".git", "hooks", "pre-push");
        await File.WriteAllTextAsync(hook, $"""
            #!/bin/sh
            unset $(git rev-parse --local-env-vars)
            rm -f "$0"
            exec git -C '{colleague.WorkingDirectory}' push --quiet origin {branch} >/dev/null 2>&1

            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => temp.Dispose();
}
