namespace EdgeRisk.Release.Staging;

/// <summary>
/// What <see cref="LocalServices.StartAsync"/> did: the services now running (as in state.json) and the names of those it
/// started; the others were already running and ready.
/// </summary>
public sealed record LocalServicesStart(LocalServicesState State, IReadOnlyList<string> Started)
{
    public IReadOnlyList<LocalServiceProcess> Services => State.Services;

    public bool AllAlreadyRunning => Started.Count == 0;

    public bool WasStarted(LocalServiceProcess service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Started.Contains(service.Name);
    }
}
