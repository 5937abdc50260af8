using System.Reflection;
using EdgeRisk.Testing.Architecture;

namespace EdgeRisk.Release.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Theory]
    [InlineData("EdgeRisk.Evidence")]
    [InlineData("EdgeRisk.Release")]
    public void Cycles_CompiledAssembly_ReportsNone(string assembly) =>
        Assert.Empty(NamespaceGraph.Load(Assembly.Load(assembly)).Cycles());
}
