using CodeTwo.AuthDiagnostics;
using CodeTwo.AuthDiagnostics.Diagnostics;
using CodeTwo.AuthDiagnostics.Rules;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Extension methods live in the DI namespace, as Microsoft.Extensions.* packages do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CodeTwo.AuthDiagnostics.</summary>
public static class AuthDiagnosticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAuthDiagnostics"/> (a singleton), its options, and <see cref="TimeProvider.System"/> unless the
    /// host registered its own <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; optional.</param>
    /// <returns>A builder for further registrations (for example the Microsoft Graph adapter).</returns>
    /// <example>
    /// <code>
    /// services.AddAuthDiagnostics(options =&gt; options.LegacyProtocols = LegacyProtocols.Imap);
    /// var diagnostics = provider.GetRequiredService&lt;IAuthDiagnostics&gt;();
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

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuthDiagnosticsService>();
        services.TryAddSingleton<IAuthDiagnostics>(sp => sp.GetRequiredService<AuthDiagnosticsService>());
        return new AuthDiagnosticsBuilder(services);
    }
}
