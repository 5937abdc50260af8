// Two namespaces that use each other and two that do not: the specimens NamespaceGraphTests reads back from this
// assembly's metadata. Pong names Ping only inside a lambda, so the cycle is visible in IL alone.
namespace EdgeRisk.Nuke.Tests.Architecture.Samples.Cyclic.Ping
{
    internal sealed class Ball
    {
        public Pong.Paddle? Struck { get; set; }
    }
}

namespace EdgeRisk.Nuke.Tests.Architecture.Samples.Cyclic.Pong
{
    internal sealed class Paddle
    {
        public static int Count(IEnumerable<object> things) => things.Count(t => t is Ping.Ball);
    }
}

namespace EdgeRisk.Nuke.Tests.Architecture.Samples.Layered.Lower
{
    internal sealed record Brick(int Weight);
}

namespace EdgeRisk.Nuke.Tests.Architecture.Samples.Layered.Upper
{
    internal sealed class Wall
    {
        public IReadOnlyList<Lower.Brick> Bricks { get; } = [new(1)];
    }
}
