using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeRisk.Evidence.Prometheus;
using Json.Schema;

namespace EdgeRisk.Evidence.Gates;

/// <summary>
/// A gates file (<c>config/gates.json</c>): thresholds, windows, warm-up and statistic of the five gates, with per-profile
/// overrides under <c>profiles</c> merged key by key. Loading validates it against <c>config/gates.schema.json</c>
/// (draft 2020-12, embedded in this assembly) and then semantically; any problem is one
/// <see cref="GateConfigurationException"/> line naming the file, the key path, its value and the fix.
/// </summary>
public sealed partial class GatesFile
{
    public const string DefaultPath = "config/gates.json";
    public const string SchemaPath = "config/gates.schema.json";
    public const string LocalProfile = "local";
    public const string StagingProfile = "staging";

    private static readonly Lazy<string> SchemaText = new(() => System.Text.Encoding.UTF8.GetString(Resource("gates.schema.json")));

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText.Value,
        baseUri: new Uri($"urn:edgerisk:gates-schema:{Guid.NewGuid():N}")));

    private static readonly Lazy<JsonObject> SchemaNode = new(() => JsonNode.Parse(SchemaText.Value)!.AsObject());

    private static readonly Lazy<GatesFile> ShippedFile = new(() => Parse(Resource("gates.json"), DefaultPath));

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.Hierarchical };

    /// <summary>Duration keys that must be longer than 0 (warm-up may be 0), relative to the file root or a profile.</summary>
    private static readonly string[] PositiveDurations =
    [
        "coverage.sampleTolerance", "gates.continuity.maxUpGap", "gates.continuity.requiredRuntime", "gates.alerts.episodeGap",
        "gates.rss_drift.baseline", "gates.rss_drift.lastWindow",
    ];

    private readonly JsonObject _root;

    private GatesFile(string path, string sha256, JsonObject root)
    {
        Path = path;
        Sha256 = sha256;
        _root = root;
    }

    /// <summary>The path as given (how errors and the report name the file).</summary>
    public string Path { get; }

    /// <summary>sha256 of the file's bytes, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>The shipped defaults: <c>config/gates.json</c> as built into this assembly.</summary>
    public static GatesFile Shipped => ShippedFile.Value;

    /// <summary>Reads and validates <paramref name="path"/>; <paramref name="shownAs"/> is how messages name it (default: the path).</summary>
    /// <exception cref="GateConfigurationException">Missing, unreadable, not JSON, not matching the schema, or semantically wrong.</exception>
    public static GatesFile Load(string path, string? shownAs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = shownAs ?? path;
        if (!File.Exists(path))
        {
            throw new GateConfigurationException($"{name}: no such gates file; pass --gates {DefaultPath} or a copy of it");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateConfigurationException($"{name}: cannot read the gates file ({e.Message})", e);
        }

        return Parse(bytes, name);
    }

    /// <summary>Validates <paramref name="bytes"/> (UTF-8) as a gates file named <paramref name="name"/>.</summary>
    public static GatesFile Parse(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new GateConfigurationException(
                $"{name}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): fix the syntax (see {SchemaPath})", e);
        }

        var problem = SchemaProblem(root);
        if (problem is null && root is JsonObject rootObject)
        {
            problem = SemanticProblem(rootObject, string.Empty);
            foreach (var profile in (rootObject["profiles"] as JsonObject ?? []).Where(p => problem is null))
            {
                problem = SemanticProblem((JsonObject)profile.Value!, $"profiles.{profile.Key}.");
            }
        }

        if (problem is not null)
        {
            throw new GateConfigurationException($"{name}: {problem}");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new GatesFile(name, sha, (JsonObject)root!);
    }

    /// <summary>The settings for <paramref name="profile"/>: the file's values with <c>profiles.&lt;profile&gt;</c> merged over them.</summary>
    public GateSettings Settings(string profile)
    {
        ArgumentException.ThrowIfNullOrEmpty(profile);
        var merged = (JsonObject)_root.DeepClone();
        merged.Remove("profiles");
        if (_root["profiles"]?[profile] is JsonObject overrides)
        {
            Merge(merged, overrides);
        }

        var runtime = merged["gates"]!["continuity"]!["requiredRuntime"];
        return new GateSettings
        {
            MinCoverage = Number(merged, "coverage", "minRatio"),
            CoverageSampleTolerance = Duration(merged, "coverage", "sampleTolerance"),
            RequiredJobs = merged["requiredJobs"]!.AsArray().Select(j => j!.GetValue<string>()).ToList(),
            MaxUpGap = Duration(merged, "gates", "continuity", "maxUpGap"),
            RequiredRuntime = runtime is null ? null : PrometheusDuration.Parse(runtime.GetValue<string>(), "requiredRuntime"),
            MaxWarningEpisodes = (int)Number(merged, "gates", "alerts", "maxWarningEpisodes"),
            AlertEpisodeGap = Duration(merged, "gates", "alerts", "episodeGap"),
            MaxPnlDriftSigmas = Number(merged, "gates", "pnl_drift", "maxAbsDriftSigmas"),
            MaxVarPct = Number(merged, "gates", "var", "maxVarPct"),
            RssDriftFailRatio = Number(merged, "gates", "rss_drift", "failRatio"),
            RssWarmUp = Duration(merged, "gates", "rss_drift", "warmUp"),
            RssBaseline = Duration(merged, "gates", "rss_drift", "baseline"),
            RssLastWindow = Duration(merged, "gates", "rss_drift", "lastWindow"),
            Source = new GatesFileSource(Path, Sha256, profile),
        };
    }

    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static double Number(JsonObject root, params string[] keys) => Node(root, keys)!.GetValue<double>();

    private static TimeSpan Duration(JsonObject root, params string[] keys) =>
        PrometheusDuration.Parse(Node(root, keys)!.GetValue<string>(), string.Join('.', keys));

    /// <summary>The node at a key path (array items by index); null where the path leads nowhere.</summary>
    private static JsonNode? Node(JsonNode? node, IEnumerable<string> keys) => keys.Aggregate(node, (n, k) => n switch
    {
        JsonObject o => o[k],
        JsonArray a when int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
        _ => null,
    });

    private static byte[] Resource(string name)
    {
        using var stream = typeof(GatesFile).Assembly.GetManifestResourceStream($"EdgeRisk.Evidence.Gates.{name}")
            ?? throw new InvalidOperationException($"EdgeRisk.Release is built without its embedded {name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string? SemanticProblem(JsonObject root, string prefix)
    {
        foreach (var key in PositiveDurations)
        {
            if (Node(root, key.Split('.')) is JsonValue value && value.TryGetValue<string>(out var text)
                && PrometheusDuration.Parse(text, key) <= TimeSpan.Zero)
            {
                return $"{prefix}{key} = \"{text}\": must be longer than 0, e.g. 2m or 1h";
            }
        }

        return null;
    }
}
