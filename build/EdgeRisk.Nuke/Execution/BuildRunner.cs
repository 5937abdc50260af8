using EdgeRisk.Nuke.CI.GitHubActions;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Nuke.Execution;

/// <summary>
/// One build invocation: parse, resolve parameters, regenerate schema and workflows, then help, plan or execute.
/// Configuration problems print one line and exit 2 before any target runs.
/// </summary>
internal static class BuildRunner
{
    public static async Task<BuildResult> RunAsync(NukeBuild build, Type type, IReadOnlyList<string> args, BuildOptions options, string? defaultTarget)
    {
        var masker = new SecretMasker();
        var colored = options.UseColor && !(options.EnvironmentVariables.TryGetValue("NO_COLOR", out var noColor) && noColor.Length > 0);
        var display = new PlainDisplay(options.Output, colored);
        var sink = new LogSink(masker, Verbosity.Normal, null, display.WriteLine, colored);
        Log.Current = sink;
        try
        {
            var root = options.RootDirectory ?? FindRoot();
            var environment = options.EnvironmentVariables;
            build.RootDirectory = root;
            build.TimeProvider = options.TimeProvider;
            build.Cancellation = options.Interruption?.Token ?? CancellationToken.None;
            build.IsLocalBuild = !environment.ContainsKey("CI") && !environment.ContainsKey("GITHUB_ACTIONS");
            build.IsGitHubActions = environment.TryGetValue("GITHUB_ACTIONS", out var actions) && actions == "true";
            var parameters = ParameterDescriptor.Discover(type);
            var commandLine = CommandLine.Parse(args, parameters);
            if (commandLine.Completion is { } shell)
            {
                options.Output.Write(CompletionWriter.Generate(shell, TargetDiscovery.Discover(build), parameters, ParameterResolver.Profiles(root)));
                return new BuildResult(0, [], []);
            }

            var sources = ParameterResolver.Resolve(build, parameters, commandLine, environment, root, masker);
            build.CommandLineParameters = commandLine.Values.Keys.Select(p => p.Member.Name).ToHashSet(StringComparer.Ordinal);
            build.IsPlanOnly = commandLine.Plan;
            sink = new LogSink(masker, build.Verbosity, null, display.WriteLine, colored);
            Log.Current = sink;

            var targets = TargetDiscovery.Discover(build);
            if (defaultTarget is not null)
            {
                ExecutionPlan.Find(targets, defaultTarget).IsDefault = true;
            }

            GenerateFiles(build, type, targets, parameters, commandLine.GenerateWorkflows, CodeFingerprint(type, options));
            if (commandLine.GenerateWorkflows)
            {
                return new BuildResult(0, [], []);
            }

            if (commandLine.Help)
            {
                HelpWriter.Write(display, targets, parameters, build);
                return new BuildResult(0, [], []);
            }

            var invoked = commandLine.Targets.Count > 0
                ? commandLine.Targets.Select(name => ExecutionPlan.Find(targets, name)).Distinct().ToList()
                : targets.Where(t => t.IsDefault).ToList();
            if (invoked.Count == 0)
            {
                throw new BuildConfigurationException("No target given and the build has no default target: name a target (see --help).");
            }

            build.InvokedTargets = [.. invoked.Select(t => t.Name)];
            var plan = ExecutionPlan.Create(targets, invoked);
            SkipRules.Apply(plan, targets, commandLine.Skip);
            Requirements.Check(plan, parameters, sources, build);
            if (commandLine.Plan)
            {
                PlanWriter.Write(display, plan, parameters, build, build.ArtifactsDirectory / "plan.md");
                return new BuildResult(0, [], []);
            }

            return await ExecuteAsync(build, type, options, plan, parameters, masker, display);
        }
        catch (BuildConfigurationException exception)
        {
            sink.Write(LogLevel.Error, exception.Message);
            return new BuildResult(2, [], []);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or System.Reflection.TargetInvocationException)
        {
            sink.Write(LogLevel.Error, $"Build setup failed: {(exception.InnerException ?? exception).Message}");
            sink.Write(LogLevel.Debug, exception.ToString());
            return new BuildResult(1, [], []);
        }
    }

    private static async Task<BuildResult> ExecuteAsync(NukeBuild build, Type type, BuildOptions options, ExecutionPlan plan,
        IReadOnlyList<ParameterDescriptor> parameters, SecretMasker masker, PlainDisplay plain)
    {
        var logPath = RunLog.PathFor(build);
        using var display = RunLog.Open(plain, logPath, masker, plain.TakeRecorded());
        Log.Current = new LogSink(masker, build.Verbosity, null, display.WriteLine, display.IsColored);
        var code = CodeFingerprint(type, options);
        var parameterValues = string.Join('\n', parameters.Where(p => !p.IsEngine && !p.IsSecret).Select(p => $"{p.Name}={p.Display(build)}"));
        var cache = new TargetCache(build.RootDirectory, code, parameterValues);
        var terminal = options.TerminalConsole ?? Spectre.Console.AnsiConsole.Console;
        IBuildDisplay runDisplay = options.IsTerminal && build.MaxParallelism > 1 && build.Verbosity != Verbosity.Trace
            ? display.Over(new LiveDisplay(terminal))
            : display;
        build.Terminal = options.IsTerminal && build.MaxParallelism == 1 ? (plain, terminal) : null;
        var started = build.TimeProvider.GetTimestamp();
        var interruption = options.Interruption;
        using (build.Cancellation.Register(() => display.WriteLine(
            $"WRN Interrupted ({interruption!.Reason}): cancelling the running targets, starting no others; a second signal ends the build at once")))
        {
            await runDisplay.RunAsync(() => new BuildExecutor(plan, build, runDisplay, masker, cache, interruption).RunAsync());
        }

        var total = build.TimeProvider.GetElapsedTime(started);
        var criticalPath = SummaryWriter.CriticalPath(plan);
        var interrupted = interruption is { IsRequested: true } ? interruption.Reason : null;
        SummaryWriter.Write(display, plan.Ordered, total, criticalPath, interrupted, build.RootDirectory.GetUnixRelativePathTo(logPath));
        if (options.EnvironmentVariables.TryGetValue("GITHUB_STEP_SUMMARY", out var stepSummary) && stepSummary.Length > 0)
        {
            StepSummary.Append(stepSummary, SummaryWriter.Markdown(plan.Ordered, total, criticalPath, interrupted), build.StepSummaryFiles, masker);
        }

        var failed = plan.Ordered.Where(t => t.Status == TargetStatus.Failed).ToList();
        return new BuildResult(
            interrupted is not null ? interruption!.ExitCode : failed.Count == 0 ? 0 : failed.All(t => t.FailedOnConfiguration) ? 2 : 1,
            [.. plan.Ordered.Select(t => new TargetResult(t.Name, t.Status, t.Duration, t.Reason))],
            criticalPath);
    }

    private static string CodeFingerprint(Type type, BuildOptions options) =>
        options.CodeFingerprint ?? $"{type.Assembly.ManifestModule.ModuleVersionId}/{typeof(NukeBuild).Assembly.ManifestModule.ModuleVersionId}";

    /// <summary>
    /// Keeps <c>.nuke/build.schema.json</c> and the workflow files in line with the build's declarations. Locally they are
    /// generated once per build code: skipped while the code and the generated files (names, sizes, modification times)
    /// are those recorded in <c>.nuke/temp/generated.stamp</c> after the last generation.
    /// </summary>
    private static void GenerateFiles(NukeBuild build, Type type, IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<ParameterDescriptor> parameters, bool announce, string code)
    {
        var stamp = build.TemporaryDirectory / "generated.stamp";
        var identity = $"{type.FullName}\n{code}\n";
        if (!build.IsServerBuild && !announce && stamp.FileExists() && stamp.ReadAllText() == identity + GeneratedListing(build.RootDirectory))
        {
            return;
        }

        SchemaWriter.WriteIfChanged(build.RootDirectory / ".nuke" / "build.schema.json", SchemaWriter.Generate(targets, parameters));
        if (WorkflowGenerator.UndeclaredNames(type, targets.Select(t => t.Name)) is { } undeclared)
        {
            Log.Warning($"GitHub Actions: {undeclared}.");
        }

        foreach (var (name, yaml) in WorkflowGenerator.Generate(type))
        {
            var file = build.RootDirectory / ".github" / "workflows" / name;
            if (build.IsServerBuild)
            {
                if (!file.FileExists() || file.ReadAllText() != yaml)
                {
                    Log.Warning($".github/workflows/{name} is out of date: run ./build.sh --generate-workflows locally and commit it.");
                }

                continue;
            }

            if (SchemaWriter.WriteIfChanged(file, yaml) || announce)
            {
                Log.Information($"Generated .github/workflows/{name}");
            }
        }

        if (!build.IsServerBuild)
        {
            stamp.WriteAllText(identity + GeneratedListing(build.RootDirectory));
        }
    }

    /// <summary>The generated files as they are now: one "name size mtime" line each.</summary>
    private static string GeneratedListing(AbsolutePath root)
    {
        var workflows = root / ".github" / "workflows";
        var files = (workflows.DirectoryExists() ? Directory.GetFiles(workflows) : [])
            .Order(StringComparer.Ordinal)
            .Prepend(root / ".nuke" / "build.schema.json")
            .Select(path => new FileInfo(path));
        return string.Join('\n', files.Select(f => f.Exists ? $"{f.FullName} {f.Length} {f.LastWriteTimeUtc.Ticks}" : $"{f.FullName} missing"));
    }

    private static AbsolutePath FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new AbsolutePath(start); directory is not null; directory = directory.Parent)
            {
                if ((directory / ".nuke").DirectoryExists())
                {
                    return directory;
                }
            }
        }

        throw new BuildConfigurationException("No directory containing .nuke/ found above the working directory: run the build from the repository.");
    }
}
