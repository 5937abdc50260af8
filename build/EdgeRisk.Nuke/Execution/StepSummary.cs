using System.Text;

namespace EdgeRisk.Nuke.Execution;

/// <summary>
/// Appends the end-of-build table and the build's <see cref="NukeBuild.StepSummaryFiles"/> to the GitHub Actions step summary,
/// masked. A summary that cannot be written is a warning: the build's result stands.
/// </summary>
internal static class StepSummary
{
    /// <summary>GitHub refuses a step summary above 1 MiB; a larger file is named instead of appended.</summary>
    internal const long MaxFileBytes = 512 * 1024;

    public static void Append(string summaryFile, string table, IEnumerable<IO.AbsolutePath> files, SecretMasker masker)
    {
        try
        {
            var text = new StringBuilder(table);
            foreach (var file in files.Where(f => f.FileExists()))
            {
                var length = new FileInfo(file).Length;
                text.Append('\n');
                text.Append(length <= MaxFileBytes
                    ? file.ReadAllText().TrimEnd() + "\n"
                    : $"`{file.Name}` ({length / 1024} KiB) is too large for the step summary: see the run's artifacts.\n");
            }

            File.AppendAllText(summaryFile, masker.Apply(text.ToString()));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Log.Warning($"GITHUB_STEP_SUMMARY {summaryFile}: not written ({exception.Message}); the summary above stands.");
        }
    }
}
