using System.Diagnostics;
using Xunit.Abstractions;

namespace EdgeRisk.Staging.Tests.Grafana;

/// <summary>The committed dashboard.schema.json is exactly what grafana/schema/generate.sh produces from the pinned packages.</summary>
public sealed class SchemaGenerationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Generate_PinnedPackages_EqualsCommittedSchema()
    {
        if (!OnPath("npm"))
        {
            output.WriteLine("npm is not installed: schema regeneration not checked (scripts/install-deps.sh installs it)");
            return;
        }

        using var scratch = new TempDirectory("schema");
        foreach (var file in new[] { "package.json", "package-lock.json", "tsconfig.json", "types.ts", "generate.sh" })
        {
            File.Copy(RepositoryRoot.Combine("grafana", "schema", file), scratch.Combine(file));
        }

        var info = new ProcessStartInfo("sh") { WorkingDirectory = scratch.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(scratch.Combine("generate.sh"));
        info.ArgumentList.Add(scratch.Combine("regenerated.json"));
        using var generate = Process.Start(info)!;
        var stdout = generate.StandardOutput.ReadToEndAsync();
        var stderr = generate.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await generate.WaitForExitAsync(limit.Token);

        Assert.True(generate.ExitCode == 0, await stdout + await stderr);
        Assert.Equal(
            await File.ReadAllTextAsync(RepositoryRoot.Combine("grafana", "schema", "dashboard.schema.json")),
            await File.ReadAllTextAsync(scratch.Combine("regenerated.json")));
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
