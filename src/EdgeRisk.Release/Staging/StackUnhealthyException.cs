namespace EdgeRisk.Release.Staging;

/// <summary>The stack did not become healthy in time; <see cref="Containers"/> is the last status seen.</summary>
public sealed class StackUnhealthyException : Exception
{
    public StackUnhealthyException(string message, IReadOnlyList<ServiceContainerStatus> containers)
        : base(message)
    {
        Containers = containers;
    }

    public StackUnhealthyException(string message)
        : this(message, [])
    {
    }

    public StackUnhealthyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Containers = [];
    }

    public StackUnhealthyException()
        : this("the stack is not healthy")
    {
    }

    public IReadOnlyList<ServiceContainerStatus> Containers { get; }
}
