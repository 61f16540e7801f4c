using System.CommandLine;
using Azure.Core;
using Azure.Identity;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;
using CodeTwo.AuthDiagnostics.Graph;
using Microsoft.Graph;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>How the live commands reach Microsoft Graph: authentication, cloud, and an optional other endpoint.</summary>
internal sealed class ConnectionOptions
{
    private static readonly Dictionary<string, CloudEnvironment> Clouds =
        Enum.GetValues<CloudEnvironment>().ToDictionary(SnapshotWriter.FormatCloud, c => c, StringComparer.OrdinalIgnoreCase);

    public Option<string?> Tenant { get; } = new("--tenant") { Description = "The tenant id (or a verified domain) to sign in to.", HelpName = "ID" };

    public Option<string> Auth { get; } = new("--auth")
    {
        Description = "How to sign in: devicecode (default), interactive, clientsecret, certificate, managedidentity, azurecli. Ignored with --access-token.",
        HelpName = "METHOD",
        DefaultValueFactory = _ => "devicecode",
    };

    public Option<string?> ClientId { get; } = new("--client-id") { Description = "The app registration's client id (devicecode, interactive, clientsecret, certificate; user-assigned managed identity).", HelpName = "ID" };

    public Option<string?> Certificate { get; } = new("--certificate") { Description = "A PFX/PEM file with the app's certificate (certificate auth).", HelpName = "FILE" };

    public Option<string?> AccessToken { get; } = new("--access-token")
    {
        Description = "Use this access token as is (never echoed or logged). Prefer the C2AUTHDIAG_ACCESS_TOKEN environment variable: command lines are visible to other processes.",
        HelpName = "TOKEN",
    };

    public Option<string> Cloud { get; } = new("--cloud")
    {
        Description = "The Microsoft cloud: global (default, also GCC), usGov (GCC High), usGovDoD, china.",
        HelpName = "CLOUD",
        DefaultValueFactory = _ => "global",
    };

    public Option<string?> GraphBaseUrl { get; } = new("--graph-base-url")
    {
        Description = "Send every Graph request to this endpoint instead of the cloud's (tests, proxies), e.g. http://127.0.0.1:5000.",
        HelpName = "URL",
    };

    public IEnumerable<Option> All => [Tenant, Auth, ClientId, Certificate, AccessToken, Cloud, GraphBaseUrl];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The Graph client and adapter options from the command line. The client secret comes from C2AUTHDIAG_CLIENT_SECRET only.</summary>
    public (GraphServiceClient Client, MicrosoftGraphOptions Options) Connect(ParseResult parseResult, CliConsole console)
    {
        string cloudName = parseResult.GetValue(Cloud) ?? "global";
        if (!Clouds.TryGetValue(cloudName, out var cloud))
        {
            throw new InvalidInputException($"--cloud '{cloudName}' is not one of global, usGov, usGovDoD, china");
        }

        var endpoints = CloudEndpoints.For(cloud);
        Uri? baseUrl = null;
        if (parseResult.GetValue(GraphBaseUrl) is { } text)
        {
            if (!Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidInputException($"--graph-base-url '{text}' is not an absolute http(s) URL");
            }
        }

        var options = new MicrosoftGraphOptions { Cloud = cloud, BaseUrl = baseUrl };
        string root = (baseUrl?.ToString() ?? endpoints.GraphBaseUrl).TrimEnd('/');
        string? token = parseResult.GetValue(AccessToken) ?? Environment.GetEnvironmentVariable("C2AUTHDIAG_ACCESS_TOKEN");
        if (!string.IsNullOrWhiteSpace(token))
        {
            var http = new HttpClient();
            return (new GraphServiceClient(http, new StaticTokenAuthenticationProvider(token.Trim(), new Uri(root).Host), root + "/v1.0"), options);
        }

        if (baseUrl is not null && baseUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidInputException("--graph-base-url over plain http needs --access-token (Azure.Identity sends tokens over https only)");
        }

        var credential = Credential(parseResult, endpoints, console);
        return (new GraphServiceClient(credential, [endpoints.GraphBaseUrl + "/.default"], root + "/v1.0"), options);
    }

    private TokenCredential Credential(ParseResult parseResult, CloudEndpoints endpoints, CliConsole console)
    {
        string? tenant = parseResult.GetValue(Tenant);
        string? clientId = parseResult.GetValue(ClientId);
        var authority = new Uri(endpoints.AuthorityHost);
        string method = (parseResult.GetValue(Auth) ?? "devicecode").ToLowerInvariant();
        switch (method)
        {
            case "devicecode":
                return new DeviceCodeCredential(new DeviceCodeCredentialOptions
                {
                    TenantId = tenant,
                    ClientId = clientId ?? DeviceCodeCredentialDefaults,
                    AuthorityHost = authority,
                    DeviceCodeCallback = (code, _) =>
                    {
                        console.Error.WriteLine(ConsoleText.OneLine(code.Message));
                        return Task.CompletedTask;
                    },
                });
            case "interactive":
                return new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions { TenantId = tenant, ClientId = clientId ?? DeviceCodeCredentialDefaults, AuthorityHost = authority });
            case "clientsecret":
                string secret = Environment.GetEnvironmentVariable("C2AUTHDIAG_CLIENT_SECRET")
                    ?? throw new InvalidInputException("--auth clientsecret reads the secret from the C2AUTHDIAG_CLIENT_SECRET environment variable (never from the command line); it is not set");
                return new ClientSecretCredential(Required(tenant, "--tenant"), Required(clientId, "--client-id"), secret, new ClientSecretCredentialOptions { AuthorityHost = authority });
            case "certificate":
                string path = Required(parseResult.GetValue(Certificate), "--certificate");
                if (!File.Exists(path))
                {
                    throw new InvalidInputException($"--certificate '{path}': no such file");
                }

                return new ClientCertificateCredential(Required(tenant, "--tenant"), Required(clientId, "--client-id"), path, new ClientCertificateCredentialOptions { AuthorityHost = authority });
            case "managedidentity":
                return clientId is null ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned) : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            case "azurecli":
                return new AzureCliCredential(new AzureCliCredentialOptions { TenantId = tenant, AuthorityHost = authority });
            default:
                throw new InvalidInputException($"--auth '{method}' is not one of devicecode, interactive, clientsecret, certificate, managedidentity, azurecli");
        }
    }

    /// <summary>Microsoft Graph Command Line Tools, the public client Microsoft documents for device-code and interactive sign-in.</summary>
    private const string DeviceCodeCredentialDefaults = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

    private static string Required(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidInputException($"this --auth method needs {option}") : value;
}
