using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Nuke.Execution;

/// <summary>
/// Up-to-date checks for targets with Inputs/Outputs. The fingerprint covers input file names and contents, the
/// non-secret parameter values and the build code; outputs are hashed after a successful run. A target is up to date
/// when the fingerprint matches and every output still exists with the stored hash.
/// </summary>
internal sealed class TargetCache(AbsolutePath root, string codeFingerprint, string parameterFingerprint)
{
    private AbsolutePath StateDirectory => root / ".nuke" / "temp" / "targets";

    public static bool Applies(ExecutableTarget target) =>
        target.Definition.InputGlobs.Count > 0 || target.Definition.OutputPaths.Count > 0;

    public (bool UpToDate, string Reason) Check(ExecutableTarget target)
    {
        var file = StateDirectory / $"{target.Name}.json";
        if (!file.FileExists())
        {
            return (false, "no previous run recorded");
        }

        var stored = JsonSerializer.Deserialize<State>(file.ReadAllText());
        var (inputs, count) = InputFingerprint(target);
        if (stored is null || stored.Inputs != inputs)
        {
            return (false, "inputs, parameters or build code changed");
        }

        var missing = target.Definition.OutputPaths.FirstOrDefault(p => !(root / p).Exists());
        if (missing is not null)
        {
            return (false, $"output {missing} is missing");
        }

        return stored.Outputs == OutputFingerprint(target)
            ? (true, $"{count} input files, parameters and build code unchanged; outputs unchanged")
            : (false, "outputs changed since the last run");
    }

    public void Store(ExecutableTarget target)
    {
        var state = new State(InputFingerprint(target).Hash, OutputFingerprint(target));
        (StateDirectory / $"{target.Name}.json").WriteAllText(JsonSerializer.Serialize(state));
    }

    private (string Hash, int Count) InputFingerprint(ExecutableTarget target)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, $"target:{target.Name}\ncode:{codeFingerprint}\nparameters:{parameterFingerprint}\n");
        var files = root.GlobFiles([.. target.Definition.InputGlobs]);
        foreach (var file in files)
        {
            Append(hash, $"file:{root.GetUnixRelativePathTo(file)}\n");
            hash.AppendData(File.ReadAllBytes(file));
        }

        return (Convert.ToHexString(hash.GetHashAndReset()), files.Count);
    }

    private string OutputFingerprint(ExecutableTarget target)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var output in target.Definition.OutputPaths.Select(p => root / p))
        {
            var files = output.DirectoryExists() ? output.GlobFiles("**/*") : output.FileExists() ? [output] : [];
            Append(hash, $"output:{root.GetUnixRelativePathTo(output)}:{files.Count}\n");
            foreach (var file in files)
            {
                Append(hash, $"file:{root.GetUnixRelativePathTo(file)}\n");
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));

    private sealed record State(string Inputs, string Outputs);
}
