using CodeTwo.AuthDiagnostics.Graph.Internal;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Graph;

public sealed class CloudTests
{
    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", CloudEnvironment.Global)]
    [InlineData("https://graph.microsoft.us/v1.0", CloudEnvironment.UsGov)]
    [InlineData("https://dod-graph.microsoft.us/beta", CloudEnvironment.UsGovDoD)]
    [InlineData("https://microsoftgraph.chinacloudapi.cn/v1.0", CloudEnvironment.China)]
    [InlineData("http://127.0.0.1:5000/v1.0", CloudEnvironment.Global)]
    public void The_cloud_is_inferred_from_the_client_base_url(string baseUrl, CloudEnvironment expected)
    {
        var endpoints = GraphEndpoints.Create(baseUrl, new MicrosoftGraphOptions());

        endpoints.Cloud.Should().Be(expected);
        endpoints.Root.Should().Be(baseUrl[..baseUrl.LastIndexOf('/')]);
        endpoints.Url("beta", "/policies/mfaServicePolicy").AbsoluteUri.Should().Be(endpoints.Root + "/beta/policies/mfaServicePolicy");
    }

    [Fact]
    public void The_option_wins_and_a_base_url_override_keeps_the_chosen_cloud()
    {
        var chosen = GraphEndpoints.Create("https://graph.microsoft.com/v1.0", new MicrosoftGraphOptions { Cloud = CloudEnvironment.China });
        var overridden = GraphEndpoints.Create("https://graph.microsoft.us/v1.0", new MicrosoftGraphOptions { BaseUrl = new Uri("http://127.0.0.1:8080/proxy/graph/v1.0/") });

        chosen.Cloud.Should().Be(CloudEnvironment.China);
        overridden.Cloud.Should().Be(CloudEnvironment.UsGov);
        overridden.Root.Should().Be("http://127.0.0.1:8080/proxy/graph");
        overridden.TryRebase("https://graph.microsoft.us/v1.0/users/a%40b.com?$select=id", out var rebased).Should().BeTrue();
        rebased.AbsoluteUri.Should().Be("http://127.0.0.1:8080/proxy/graph/v1.0/users/a%40b.com?$select=id");
        overridden.TryRebase("http://127.0.0.1:8080/proxy/graph/beta/x", out _).Should().BeTrue();
        overridden.TryRebase("http://127.0.0.1:8080/other/beta/x", out _).Should().BeFalse();
        overridden.TryRebase("https://graph.microsoft.us.evil.example/v1.0/x", out _).Should().BeFalse();
        overridden.TryRebase("https://graph.microsoft.com/v1.0/x", out _).Should().BeFalse();
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        var endpointsOf = (MicrosoftGraphOptions o) => () => new GraphSnapshotSource(new Microsoft.Graph.GraphServiceClient(new HttpClient(), new Fakes.FixedTokenAuthenticationProvider("t")), o);

        endpointsOf(new MicrosoftGraphOptions { MaxConcurrency = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        endpointsOf(new MicrosoftGraphOptions { MaxAttempts = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        endpointsOf(new MicrosoftGraphOptions { RequestTimeout = TimeSpan.Zero }).Should().Throw<ArgumentOutOfRangeException>();
        endpointsOf(new MicrosoftGraphOptions { BaseUrl = new Uri("/relative", UriKind.Relative) }).Should().Throw<ArgumentException>();
    }
}
