using System.Reflection;
using EdgeRisk.Testing.Architecture;

namespace EdgeRisk.Tuning.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Theory]
    [InlineData("EdgeRisk.Tuning")]
    public void Cycles_CompiledAssembly_ReportsNone(string assembly) =>
        Assert.Empty(NamespaceGraph.Load(Assembly.Load(assembly)).Cycles());
}
