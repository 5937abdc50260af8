using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Nuke;

/// <summary>The build as seen by components (interfaces with default target members).</summary>
public interface INukeBuild
{
    /// <summary>The directory containing <c>.nuke/</c>.</summary>
    AbsolutePath RootDirectory { get; }

    AbsolutePath ArtifactsDirectory { get; }

    AbsolutePath TemporaryDirectory { get; }

    /// <summary>False on CI servers (the <c>CI</c> or <c>GITHUB_ACTIONS</c> environment variable is set).</summary>
    bool IsLocalBuild { get; }

    /// <summary>Maximum concurrently running targets (and work within targets); 1 means sequential.</summary>
    int MaxParallelism { get; }

    TimeProvider TimeProvider { get; }

    /// <summary>Cancelled when the build is interrupted (SIGINT/SIGTERM).</summary>
    CancellationToken Cancellation { get; }
}
