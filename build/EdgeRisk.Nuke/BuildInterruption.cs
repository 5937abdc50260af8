using System.Runtime.InteropServices;

namespace EdgeRisk.Nuke;

/// <summary>
/// Ends a running build early: SIGINT (Ctrl-C) or SIGTERM to the build process (<see cref="OnSignals"/>, which
/// <see cref="NukeBuild.Execute{T}"/> registers), or <see cref="Interrupt"/> (tests). Running targets see it as
/// <see cref="NukeBuild.Cancellation"/>, no further target starts, and the build exits with <see cref="ExitCode"/>
/// (128 + the signal: 130 for SIGINT, 143 for SIGTERM). A second signal ends the process at once, the default way.
/// </summary>
public sealed class BuildInterruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private string? _reason;

    public CancellationToken Token => _source.Token;

    public bool IsRequested => _source.IsCancellationRequested;

    /// <summary>What interrupted the build (e.g. <c>SIGTERM</c>); null while it runs on.</summary>
    public string? Reason => Volatile.Read(ref _reason);

    public int ExitCode { get; private set; }

    /// <summary>An interruption that SIGINT and SIGTERM to this process request.</summary>
    public static BuildInterruption OnSignals()
    {
        var interruption = new BuildInterruption();
        interruption._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context => interruption.OnSignal(context, "SIGINT", 130)));
        interruption._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => interruption.OnSignal(context, "SIGTERM", 143)));
        return interruption;
    }

    /// <summary>Interrupts the build; the first reason wins.</summary>
    public void Interrupt(string reason, int exitCode = 130)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Interlocked.CompareExchange(ref _reason, reason, null) is null)
        {
            ExitCode = exitCode;
            _source.Cancel();
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context, string signal, int exitCode)
    {
        if (IsRequested)
        {
            // The second signal: the user means it, the process ends the default way.
            return;
        }

        context.Cancel = true;
        // Cancellation callbacks (killing child processes) run on the thread pool, not on the signal handler's thread.
        ThreadPool.QueueUserWorkItem(_ => Interrupt(signal, exitCode));
    }
}
