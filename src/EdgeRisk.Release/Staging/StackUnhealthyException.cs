namespace EdgeRisk.Release.Staging;

/// <summary>The stack did not become healthy in time; <see cref="Containers"/> is the last status seen.</summary>
public sealed class StackUnhealthyException(string message, IReadOnlyList<ServiceContainerStatus> containers, Exception? innerException = null)
    : EdgeRiskException(message, innerException)
{
    public StackUnhealthyException(string message, Exception? innerException = null)
        : this(message, [], innerException)
    {
    }

    public IReadOnlyList<ServiceContainerStatus> Containers { get; } = containers;
}
