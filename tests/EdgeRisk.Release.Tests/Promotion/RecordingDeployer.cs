namespace EdgeRisk.Release.Tests.Promotion;

/// <summary>Stands in for the production compose project: counts deploys and can fail the next one.</summary>
internal sealed class RecordingDeployer : IProductionDeployer
{
    private readonly List<string> deployed = [];

    public IReadOnlyList<string> Deployed => deployed;

    public int Attempts { get; private set; }

    public bool FailNext { get; set; }

    public Task<DeploymentResult> DeployAsync(string tag, string commit, CancellationToken cancellationToken = default)
    {
        Attempts++;
        if (FailNext)
        {
            FailNext = false;
            throw new InvalidOperationException("docker-compose up -d (project edgerisk-prod) failed with exit code 1: engine unreachable");
        }

        deployed.Add($"{tag}@{commit}");
        return Task.FromResult(new DeploymentResult(DeploymentStatus.Deployed, $"{tag} up as compose project edgerisk-prod"));
    }
}

/// <summary>Fails the first write that goes through it with a 503, as a hosted service having a bad minute would.</summary>
internal sealed class FailFirstWriteHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private bool failed;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!failed && request.Method != HttpMethod.Get)
        {
            failed = true;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable)
            {
                RequestMessage = request,
                Content = new StringContent("""{"errorMessages":["Service unavailable"],"errors":{}}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }

        return base.SendAsync(request, cancellationToken);
    }
}
