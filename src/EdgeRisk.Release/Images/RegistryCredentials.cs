using EdgeRisk.Release.Outbox;

namespace EdgeRisk.Release.Images;

/// <summary>Login for a registry that wants one (ghcr.io: any user name with a GitHub token that may read packages).</summary>
public sealed record RegistryCredentials(string Username, Secret Password);
