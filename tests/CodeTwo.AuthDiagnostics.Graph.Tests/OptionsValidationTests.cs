using System.Globalization;
using CodeTwo.AuthDiagnostics.Graph.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>
/// MicrosoftGraphOptions are checked by one set of rules: at start-up through dependency injection (ValidateOnStart,
/// OptionsValidationException) and by the constructors without it (ArgumentException), with the same messages.
/// </summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, string, string> BadValues => new()
    {
        { "MaxConcurrency", "0", "MicrosoftGraphOptions.MaxConcurrency must be between 1 and 64; it is 0." },
        { "MaxConcurrency", "65", "MicrosoftGraphOptions.MaxConcurrency must be between 1 and 64; it is 65." },
        { "MaxAttempts", "0", "MicrosoftGraphOptions.MaxAttempts must be between 1 and 20; it is 0." },
        { "MaxAttempts", "21", "MicrosoftGraphOptions.MaxAttempts must be between 1 and 20; it is 21." },
        { "InitialRetryDelay", "-00:00:01", "MicrosoftGraphOptions.InitialRetryDelay must be between 00:00:00 and MaxRetryDelay (00:01:00); it is -00:00:01." },
        { "InitialRetryDelay", "00:02:00", "MicrosoftGraphOptions.InitialRetryDelay must be between 00:00:00 and MaxRetryDelay (00:01:00); it is 00:02:00." },
        { "MaxRetryDelay", "-00:00:01", "MicrosoftGraphOptions.MaxRetryDelay must be zero or more; it is -00:00:01." },
        { "RequestTimeout", "00:00:00", "MicrosoftGraphOptions.RequestTimeout must be positive or Timeout.InfiniteTimeSpan; it is 00:00:00." },
        { "RequestTimeout", "-00:00:05", "MicrosoftGraphOptions.RequestTimeout must be positive or Timeout.InfiniteTimeSpan; it is -00:00:05." },
        { "BaseUrl", "/relative", "MicrosoftGraphOptions.BaseUrl must be an absolute http or https URL; it is '/relative'." },
        { "BaseUrl", "ftp://example.com/graph", "MicrosoftGraphOptions.BaseUrl must be an absolute http or https URL; it is 'ftp://example.com/graph'." },
        { "PageSize", "0", "MicrosoftGraphOptions.PageSize must be between 1 and 999 (Graph rejects a larger $top); it is 0." },
        { "PageSize", "1000", "MicrosoftGraphOptions.PageSize must be between 1 and 999 (Graph rejects a larger $top); it is 1000." },
        { "UserSections", "32", "MicrosoftGraphOptions.UserSections must combine only the named flags (AuthenticationRequirements, AuthenticationMethods, TransitiveMemberOf, SignIns, ConditionalAccessEvaluation); it is 32." },
        { "TenantUserSections", "64", "MicrosoftGraphOptions.TenantUserSections must be null or combine only the named flags (AuthenticationRequirements, AuthenticationMethods, TransitiveMemberOf, SignIns, ConditionalAccessEvaluation); it is 64." },
        { "LegacyProtocols", "256", "MicrosoftGraphOptions.LegacyProtocols must be null or combine only the named LegacyProtocols flags; it is 256." },
        { "TargetResourceAppId", "exchange", "MicrosoftGraphOptions.TargetResourceAppId must be null or an app id (a GUID such as 00000002-0000-0ff1-ce00-000000000000); it is 'exchange'." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_stops_the_host_at_start_up_with_a_message_naming_the_property_and_its_range(string property, string value, string message)
    {
        using var client = Client();
        var services = new ServiceCollection();
        services.AddAuthDiagnostics().AddMicrosoftGraph(client, o => Set(o, property, value));
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();
        var resolve = () => provider.GetRequiredService<IOptions<MicrosoftGraphOptions>>().Value;

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(message);
        resolve.Should().Throw<OptionsValidationException>().Which.Message.Should().Be(message);
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Without_dependency_injection_the_constructors_refuse_a_bad_value_with_the_same_message(string property, string value, string message)
    {
        using var client = Client();
        var options = new MicrosoftGraphOptions();
        Set(options, property, value);

        var source = () => new GraphSnapshotSource(client, options);
        var executor = () => new GraphExecutor(client, options);

        source.Should().Throw<ArgumentException>().Which.Should().Match<ArgumentException>(e => e.Message.StartsWith(message, StringComparison.Ordinal) && e.ParamName == property);
        executor.Should().Throw<ArgumentException>().Which.Message.Should().StartWith(message);
        if (property != "BaseUrl")
        {
            source.Should().Throw<ArgumentOutOfRangeException>("a value out of its range");
        }
    }

    [Fact]
    public void Every_failure_is_reported_at_once()
    {
        using var client = Client();
        var services = new ServiceCollection();
        services.AddAuthDiagnostics().AddMicrosoftGraph(_ => client, o => { o.MaxAttempts = 0; o.PageSize = 0; });
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(
            "MicrosoftGraphOptions.MaxAttempts must be between 1 and 20; it is 0.",
            "MicrosoftGraphOptions.PageSize must be between 1 and 999 (Graph rejects a larger $top); it is 0.");
        FluentActions.Invoking(() => new GraphSnapshotSource(client, new MicrosoftGraphOptions { MaxAttempts = 0, PageSize = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>().Which.Should().Match<ArgumentOutOfRangeException>(e =>
                e.ParamName == "MaxAttempts" && e.Message.StartsWith("MicrosoftGraphOptions.MaxAttempts must be between 1 and 20; it is 0.; MicrosoftGraphOptions.PageSize must be", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_and_the_edges_of_every_range_are_valid()
    {
        using var client = Client();
        var services = new ServiceCollection();
        services.AddAuthDiagnostics().AddMicrosoftGraph(client);
        services.AddOptions<MicrosoftGraphOptions>().Configure(o => { o.MaxConcurrency = 64; o.MaxAttempts = 20; o.PageSize = 1; o.InitialRetryDelay = o.MaxRetryDelay; o.RequestTimeout = Timeout.InfiniteTimeSpan; o.BaseUrl = new Uri("http://127.0.0.1:5000"); o.UserSections = UserSectionSelection.None; });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        provider.GetRequiredService<IOptions<MicrosoftGraphOptions>>().Value.PageSize.Should().Be(1);
        FluentActions.Invoking(() => new GraphSnapshotSource(client, new MicrosoftGraphOptions { MaxConcurrency = 1, MaxAttempts = 1, PageSize = 999, InitialRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero }))
            .Should().NotThrow();
    }

    [Fact]
    public void The_validator_is_registered_once_however_often_the_adapter_is_added()
    {
        using var client = Client();
        var services = new ServiceCollection();
        services.AddAuthDiagnostics().AddMicrosoftGraph(client);
        services.AddAuthDiagnostics().AddMicrosoftGraph(client);

        services.Count(d => d.ServiceType == typeof(IValidateOptions<MicrosoftGraphOptions>)).Should().Be(1);
    }

    private static GraphServiceClient Client() => new(new HttpClient(), new FixedTokenAuthenticationProvider("t"));

    private static void Set(MicrosoftGraphOptions options, string property, string value)
    {
        switch (property)
        {
            case "MaxConcurrency": options.MaxConcurrency = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "MaxAttempts": options.MaxAttempts = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "InitialRetryDelay": options.InitialRetryDelay = TimeSpan.Parse(value, CultureInfo.InvariantCulture); break;
            case "MaxRetryDelay": options.MaxRetryDelay = TimeSpan.Parse(value, CultureInfo.InvariantCulture); break;
            case "RequestTimeout": options.RequestTimeout = TimeSpan.Parse(value, CultureInfo.InvariantCulture); break;
            case "BaseUrl": options.BaseUrl = new Uri(value, UriKind.RelativeOrAbsolute); break;
            case "PageSize": options.PageSize = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "UserSections": options.UserSections = (UserSectionSelection)int.Parse(value, CultureInfo.InvariantCulture); break;
            case "TenantUserSections": options.TenantUserSections = (UserSectionSelection)int.Parse(value, CultureInfo.InvariantCulture); break;
            case "LegacyProtocols": options.LegacyProtocols = (LegacyProtocols)int.Parse(value, CultureInfo.InvariantCulture); break;
            case "TargetResourceAppId": options.TargetResourceAppId = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(property), property, "not an option this test knows");
        }
    }
}
