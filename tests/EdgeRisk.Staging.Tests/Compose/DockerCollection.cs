namespace EdgeRisk.Staging.Tests.Compose;

/// <summary>Tests sharing one isolated dockerd run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerEngineFixture>
{
    public const string Name = "docker engine";
}
