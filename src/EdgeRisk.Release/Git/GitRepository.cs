using EdgeRisk.Processes;
using System.Globalization;

namespace EdgeRisk.Release.Git;

/// <summary>
/// A working copy driven through the real <c>git</c> CLI. Arguments go to the process as a list,
/// never a shell, so tag messages and paths need no quoting.
/// </summary>
public sealed class GitRepository
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private static readonly Dictionary<string, string> GitEnvironment = new() { ["GIT_TERMINAL_PROMPT"] = "0", ["LC_ALL"] = "C" };

    public GitRepository(string workingDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        WorkingDirectory = Path.GetFullPath(workingDirectory);
    }

    public string WorkingDirectory { get; }

    /// <summary>Runs git and returns its result whatever the exit code.</summary>
    public async Task<GitResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var options = new ProcessOptions
        {
            FileName = "git",
            Arguments = arguments,
            WorkingDirectory = WorkingDirectory,

            // Never block on a credential prompt; keep messages stable for parsing.
            Environment = GitEnvironment,
            Timeout = DefaultTimeout,
            MissingHint = "install git and put it on PATH",
        };
        var result = await ProcessRunner.RunAsync(options, e => new GitCommandException(e.TimedOut
            ? $"git {string.Join(' ', arguments)} did not finish within {DefaultTimeout.TotalMinutes:0} minutes in {WorkingDirectory}; check the remote is reachable"
            : e.Message, e), cancellationToken);
        return new GitResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Runs git and throws a one-line <see cref="GitCommandException"/> on a non-zero exit.</summary>
    public async Task<string> RunCheckedAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(arguments, cancellationToken);
        if (!result.Succeeded)
        {
            throw new GitCommandException($"git {string.Join(' ', arguments)} failed in {WorkingDirectory}: {result.Reason}");
        }

        return result.StandardOutput.Trim();
    }

    public async Task<bool> IsCleanAsync(CancellationToken cancellationToken = default) =>
        (await StatusPorcelainAsync(cancellationToken)).Count == 0;

    /// <summary>Paths reported by <c>git status --porcelain</c> (tracked changes and untracked files).</summary>
    public async Task<IReadOnlyList<string>> StatusPorcelainAsync(CancellationToken cancellationToken = default)
    {
        var output = await RunCheckedAsync(["status", "--porcelain"], cancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public async Task<bool> HasRemoteAsync(string remote, CancellationToken cancellationToken = default)
    {
        var output = await RunCheckedAsync(["remote"], cancellationToken);
        return output.Split('\n', StringSplitOptions.TrimEntries).Contains(remote, StringComparer.Ordinal);
    }

    public Task FetchAsync(string remote, CancellationToken cancellationToken = default) =>
        RunCheckedAsync(["fetch", "--tags", "--prune", remote], cancellationToken);

    /// <summary>The commit a ref points to, or null when the ref does not exist.</summary>
    public async Task<string?> ResolveCommitAsync(string reference, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["rev-parse", "-q", "--verify", reference + "^{commit}"], cancellationToken);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    public async Task<string> HeadCommitAsync(CancellationToken cancellationToken = default) =>
        await ResolveCommitAsync("HEAD", cancellationToken)
        ?? throw new GitCommandException($"the repository in {WorkingDirectory} has no commits");

    public async Task<string?> CurrentBranchAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["symbolic-ref", "--quiet", "--short", "HEAD"], cancellationToken);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>Compares <c>refs/heads/branch</c> with <c>refs/remotes/remote/branch</c> (run <see cref="FetchAsync"/> first).</summary>
    public async Task<BranchDivergence> CompareWithRemoteAsync(string remote, string branch, CancellationToken cancellationToken = default)
    {
        var local = await ResolveCommitAsync("refs/heads/" + branch, cancellationToken);
        var tracking = await ResolveCommitAsync($"refs/remotes/{remote}/{branch}", cancellationToken);
        if (local is null || tracking is null)
        {
            return new BranchDivergence(branch, local is not null, tracking is not null, 0, 0);
        }

        var counts = await RunCheckedAsync(["rev-list", "--left-right", "--count", $"{local}...{tracking}"], cancellationToken);
        var parts = counts.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries);
        return new BranchDivergence(
            branch,
            true,
            true,
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["merge-base", "--is-ancestor", ancestor, descendant], cancellationToken);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new GitCommandException($"git merge-base --is-ancestor {ancestor} {descendant} failed: {result.Reason}"),
        };
    }

    public Task CheckoutAsync(string branch, CancellationToken cancellationToken = default) =>
        RunCheckedAsync(["checkout", "--quiet", branch], cancellationToken);

    public Task PullFastForwardAsync(string remote, string branch, CancellationToken cancellationToken = default) =>
        RunCheckedAsync(["pull", "--ff-only", "--quiet", remote, branch], cancellationToken);

    /// <summary><c>git merge --ff-only</c>; a non-fast-forward becomes a one-line <see cref="ReleaseGitException"/>.</summary>
    public async Task MergeFastForwardOnlyAsync(string branch, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["merge", "--ff-only", "--quiet", branch], cancellationToken);
        if (!result.Succeeded)
        {
            var current = await CurrentBranchAsync(cancellationToken) ?? "HEAD";
            throw new ReleaseGitException(
                ReleaseGitFailure.NonFastForward,
                $"cannot fast-forward {current} to {branch}: {current} has commits that are not on {branch}; merge {current} into {branch} first (nothing was pushed)");
        }
    }

    public Task CreateAnnotatedTagAsync(string tag, string message, CancellationToken cancellationToken = default) =>
        RunCheckedAsync(["tag", "-a", tag, "-m", message], cancellationToken);

    /// <summary>The message of an annotated tag, or null for a lightweight or missing tag.</summary>
    public async Task<string?> TagMessageAsync(string tag, CancellationToken cancellationToken = default)
    {
        var type = await RunAsync(["cat-file", "-t", "refs/tags/" + tag], cancellationToken);
        if (!type.Succeeded || type.StandardOutput.Trim() != "tag")
        {
            return null;
        }

        return await RunCheckedAsync(["for-each-ref", "--format=%(contents)", "refs/tags/" + tag], cancellationToken);
    }

    /// <summary>
    /// Pushes all refspecs in one atomic push: either every ref is updated on the remote or none is. A refusal throws a
    /// one-line <see cref="GitCommandException"/> whose <see cref="GitCommandException.Reason"/> is git's line for the
    /// refused ref, e.g. <c>! [rejected] main -> main (fetch first)</c>.
    /// </summary>
    public async Task PushAtomicAsync(string remote, IReadOnlyList<string> refspecs, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["push", "--atomic", "--quiet", remote, .. refspecs], cancellationToken);
        if (result.Succeeded)
        {
            return;
        }

        var rejected = result.StandardError
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.StartsWith("! [", StringComparison.Ordinal) && !l.Contains("(atomic push failed)", StringComparison.Ordinal));
        var reason = rejected is null ? result.Reason : string.Join(' ', rejected.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        throw new GitCommandException($"git push --atomic {remote} {string.Join(' ', refspecs)} failed in {WorkingDirectory}: {reason}") { Reason = reason };
    }

    public async Task<IReadOnlyList<string>> ListTagsAsync(string? mergedInto = null, CancellationToken cancellationToken = default)
    {
        string[] arguments = mergedInto is null ? ["tag", "--list"] : ["tag", "--list", "--merged", mergedInto];
        var output = await RunCheckedAsync(arguments, cancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The highest GA tag (<c>vX.Y.Z</c>, no suffix) reachable from <paramref name="reference"/>, excluding <paramref name="exceptTag"/>.</summary>
    public async Task<string?> LastGaTagAsync(string reference, string? exceptTag = null, CancellationToken cancellationToken = default)
    {
        var tags = await ListTagsAsync(reference, cancellationToken);
        return tags
            .Where(t => !string.Equals(t, exceptTag, StringComparison.Ordinal))
            .Select(t => ReleaseVersion.TryParseTag(t, out var v) ? v : null)
            .Where(v => v is { IsGa: true })
            .Max()?.Tag;
    }

    /// <summary>Commits reachable from <paramref name="toReference"/> but not from <paramref name="fromReference"/> (all when null), newest first.</summary>
    public async Task<IReadOnlyList<GitCommit>> CommitsBetweenAsync(string? fromReference, string toReference, CancellationToken cancellationToken = default)
    {
        var range = fromReference is null ? toReference : $"{fromReference}..{toReference}";
        var output = await RunCheckedAsync(["log", "--no-merges", "--format=%H%x1f%s%x1f%an", range], cancellationToken);
        return output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\u001f'))
            .Where(parts => parts.Length == 3)
            .Select(parts => new GitCommit(parts[0], parts[1], parts[2]))
            .ToList();
    }

    /// <summary>
    /// Local profile: when <paramref name="remote"/> is not configured, creates a bare repository at
    /// <paramref name="bareDirectory"/>, registers it as the remote and pushes every local branch to it.
    /// Returns true when the remote was created.
    /// </summary>
    public async Task<bool> EnsureLocalRemoteAsync(string remote, string bareDirectory, CancellationToken cancellationToken = default)
    {
        if (await HasRemoteAsync(remote, cancellationToken))
        {
            return false;
        }

        var barePath = Path.GetFullPath(bareDirectory, WorkingDirectory);
        if (!Directory.Exists(Path.Combine(barePath, "refs")))
        {
            Directory.CreateDirectory(barePath);
            await new GitRepository(barePath).RunCheckedAsync(["init", "--quiet", "--bare"], cancellationToken);
        }

        await RunCheckedAsync(["remote", "add", remote, barePath], cancellationToken);
        await RunCheckedAsync(["push", "--quiet", remote, "refs/heads/*:refs/heads/*"], cancellationToken);
        return true;
    }
}
