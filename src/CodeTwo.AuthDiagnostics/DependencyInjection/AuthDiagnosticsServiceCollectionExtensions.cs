using CodeTwo.AuthDiagnostics;

using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Snapshots;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// Extension methods live in the DI namespace, as Microsoft.Extensions.* packages do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CodeTwo.AuthDiagnostics.</summary>
public static class AuthDiagnosticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one entry point, <see cref="IAuthDiagnostics"/> (a singleton), its options (validated at start-up:
    /// a bad value fails with an <see cref="Options.OptionsValidationException"/> naming it), <see cref="PlanRunner"/>
    /// (resolvable once an <see cref="IGraphExecutor"/> is registered, for example by <c>AddMicrosoftGraph</c>), and
    /// <see cref="TimeProvider.System"/> unless the host registered its own <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; optional.</param>
    /// <returns>A builder for further registrations (for example the Microsoft Graph adapter).</returns>
    /// <example>
    /// <code>
    /// services.AddAuthDiagnostics(options =&gt; options.LegacyProtocols = LegacyProtocols.Imap);
    /// IAuthDiagnostics diagnostics = provider.GetRequiredService&lt;IAuthDiagnostics&gt;();
    /// </code>
    /// </example>
    public static AuthDiagnosticsBuilder AddAuthDiagnostics(this IServiceCollection services, Action<AuthDiagnosticsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AuthDiagnosticsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthDiagnosticsOptions>, AuthDiagnosticsOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuthDiagnostics>(sp => new AuthDiagnosticsService(
            sp.GetRequiredService<IOptions<AuthDiagnosticsOptions>>(),
            sp.GetService<ILogger<AuthDiagnosticsService>>()));
        services.TryAddSingleton(sp => new PlanRunner(
            sp.GetService<IGraphExecutor>() ?? throw new InvalidOperationException(
                "PlanRunner sends the plan through an IGraphExecutor, and none is registered: call AddMicrosoftGraph(...) on the builder AddAuthDiagnostics returns, or register your own IGraphExecutor."),
            sp.GetRequiredService<IAuthDiagnostics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ISnapshotSource>(),
            sp.GetService<ILogger<PlanRunner>>()));
        return new AuthDiagnosticsBuilder(services);
    }
}
