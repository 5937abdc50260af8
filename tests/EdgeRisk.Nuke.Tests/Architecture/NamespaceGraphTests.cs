using EdgeRisk.Testing.Architecture;

namespace EdgeRisk.Nuke.Tests.Architecture;

public sealed class NamespaceGraphTests
{
    private const string Samples = "EdgeRisk.Nuke.Tests.Architecture.Samples";

    [Fact]
    public void Cycles_TwoNamespacesUsingEachOther_NamesBothAndTheTypesThatTieThem()
    {
        var cycles = Load(Samples + ".Cyclic").Cycles();

        var cycle = Assert.Single(cycles);
        Assert.Contains($"{Samples}.Cyclic.Ping -> {Samples}.Cyclic.Pong (Ball uses Paddle)", cycle, StringComparison.Ordinal);
        Assert.Contains($"{Samples}.Cyclic.Pong -> {Samples}.Cyclic.Ping", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycles_UseOnlyInsideALambda_IsFound()
    {
        var edges = Load(Samples + ".Cyclic").Edges;

        Assert.Contains($"{Samples}.Cyclic.Ping", edges[$"{Samples}.Cyclic.Pong"]);
    }

    [Fact]
    public void Cycles_LayeredNamespaces_ReportsNone()
    {
        var graph = Load(Samples + ".Layered");

        Assert.Empty(graph.Cycles());
        Assert.Contains($"{Samples}.Layered.Lower", graph.Edges[$"{Samples}.Layered.Upper"]);
    }

    // The engine itself keeps Nuke.Common's layout, where NukeBuild (the root namespace) starts the Execution runner and
    // the runner reads the root's target model: a cycle by design, so the engine is not listed here.
    [Theory]
    [InlineData("EdgeRisk.Processes")]
    public void Cycles_BuildAssemblies_ReportsNone(string assembly) =>
        Assert.Empty(NamespaceGraph.Load(System.Reflection.Assembly.Load(assembly)).Cycles());

    private static NamespaceGraph Load(string root) => NamespaceGraph.Load(typeof(NamespaceGraphTests).Assembly.Location, root);
}
