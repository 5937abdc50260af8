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

    [Fact]
    public void Cycles_ExemptTypeIsTheOnlyTie_ReportsNone()
    {
        var exempt = $"{Samples}.Cyclic.Ping.Ball";

        Assert.Empty(Load(Samples + ".Cyclic", exempt).Cycles());
    }

    [Fact]
    public void Cycles_Processes_ReportsNone() =>
        Assert.Empty(NamespaceGraph.Load(typeof(ProcessRunner).Assembly).Cycles());

    // As in Nuke.Common, NukeBuild.Execute (the root namespace) is the entry point that starts the Execution runner,
    // which reads the root's target model; that one type is exempt, every other use must keep the layers one-way.
    [Fact]
    public void Cycles_BuildEngineApartFromNukeBuildsEntryPoint_ReportsNone() =>
        Assert.Empty(NamespaceGraph.Load(typeof(NukeBuild).Assembly, typeof(NukeBuild).FullName!).Cycles());

    private static NamespaceGraph Load(string root, params string[] exempt) =>
        NamespaceGraph.Load(typeof(NamespaceGraphTests).Assembly.Location, root, exempt);
}
