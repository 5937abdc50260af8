using System.Globalization;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Nuke.Execution;

/// <summary>
/// The whole run as plain text in <c>artifacts/logs/&lt;yyyyMMdd-HHmmss&gt;-&lt;targets&gt;.log</c>: every line the display
/// shows, colours stripped and secrets masked, written as it happens.
/// </summary>
internal sealed class RunLog : IBuildDisplay, IDisposable
{
    private readonly IBuildDisplay inner;
    private readonly Shared file;
    private readonly SecretMasker masker;

    private RunLog(IBuildDisplay inner, Shared file, SecretMasker masker)
    {
        this.inner = inner;
        this.file = file;
        this.masker = masker;
    }

    public bool IsColored => inner.IsColored;

    public static AbsolutePath PathFor(NukeBuild build) =>
        build.ArtifactsDirectory / "logs" /
        $"{build.TimeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{string.Join('-', build.InvokedTargets)}.log";

    public static RunLog Open(IBuildDisplay inner, AbsolutePath path, SecretMasker masker, IEnumerable<string> earlier)
    {
        path.Parent!.CreateDirectory();
        var log = new RunLog(inner, new Shared(new StreamWriter(path, append: false) { AutoFlush = true }), masker);
        foreach (var line in earlier)
        {
            log.Append(line);
        }

        return log;
    }

    /// <summary>The same log behind another display (the live display of parallel targets).</summary>
    public RunLog Over(IBuildDisplay other) => new(other, file, masker);

    public void WriteLine(string line) => WriteLines([line]);

    public void WriteLines(IReadOnlyList<string> lines)
    {
        inner.WriteLines(lines);
        file.WriteLines([.. lines.Select(line => masker.Apply(Ansi.Strip(line)))]);
    }

    public void TargetStarted(string name) => inner.TargetStarted(name);

    public void TargetFinished(string name) => inner.TargetFinished(name);

    public Task RunAsync(Func<Task> execution) => inner.RunAsync(execution);

    public void Dispose() => file.Dispose();

    private void Append(string line) => file.WriteLines([masker.Apply(Ansi.Strip(line))]);

    private sealed class Shared(TextWriter writer) : IDisposable
    {
        private readonly Lock gate = new();
        private bool disposed;

        public void WriteLines(IReadOnlyList<string> lines)
        {
            lock (gate)
            {
                foreach (var line in disposed ? [] : lines)
                {
                    writer.WriteLine(line);
                }
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                disposed = true;
                writer.Dispose();
            }
        }
    }
}
