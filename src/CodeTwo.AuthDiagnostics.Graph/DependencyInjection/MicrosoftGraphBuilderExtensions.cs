using CodeTwo.AuthDiagnostics;

using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Graph;
using CodeTwo.AuthDiagnostics.Graph.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

// Extension methods live in the DI namespace, as Microsoft.Extensions.* packages do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Microsoft Graph adapter of CodeTwo.AuthDiagnostics.</summary>
/// <remarks>
/// Every overload takes <see cref="MicrosoftGraphOptions.LegacyProtocols"/> and <see cref="MicrosoftGraphOptions.TargetResourceAppId"/>,
/// when the Graph options leave them <see langword="null"/>, from <see cref="AuthDiagnosticsOptions"/> (what
/// <c>AddAuthDiagnostics</c> configures), so Microsoft's What-If evaluations ask about the protocols and resource the
/// diagnosis looks for. Every overload registers <see cref="MicrosoftGraphOptions"/> with <c>ValidateOnStart</c>: options out of range stop
/// the host at start-up with an <see cref="OptionsValidationException"/> whose failures name each property, its allowed
/// range and its value (without a host: when <see cref="IStartupValidator"/> runs or <c>IOptions&lt;MicrosoftGraphOptions&gt;</c>
/// is first resolved).
/// </remarks>
public static class MicrosoftGraphBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="GraphSnapshotSource"/> as <see cref="ISnapshotSource"/>, <see cref="GraphExecutor"/> as
    /// <see cref="IGraphExecutor"/> (singletons sharing one throttling state; with them the <see cref="PlanRunner"/> that <c>AddAuthDiagnostics</c> registers resolves),
    /// on the host's <paramref name="client"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddAuthDiagnostics</c>.</param>
    /// <param name="client">The host's Graph client.</param>
    /// <returns>The builder.</returns>
    public static AuthDiagnosticsBuilder AddMicrosoftGraph(this AuthDiagnosticsBuilder builder, GraphServiceClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return builder.AddMicrosoftGraphCore(_ => client, configure: null);
    }

    /// <summary>
    /// Registers <see cref="GraphSnapshotSource"/> as <see cref="ISnapshotSource"/>, <see cref="GraphExecutor"/> as
    /// <see cref="IGraphExecutor"/> (singletons sharing one throttling state; with them the <see cref="PlanRunner"/> that <c>AddAuthDiagnostics</c> registers resolves),
    /// on the host's <paramref name="client"/>, with options.
    /// </summary>
    /// <param name="builder">The builder from <c>AddAuthDiagnostics</c>.</param>
    /// <param name="client">The host's Graph client.</param>
    /// <param name="configure">Configures <see cref="MicrosoftGraphOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddAuthDiagnostics().AddMicrosoftGraph(new GraphServiceClient(credential), o =&gt; o.Cloud = CloudEnvironment.UsGov);
    /// </code>
    /// </example>
    public static AuthDiagnosticsBuilder AddMicrosoftGraph(this AuthDiagnosticsBuilder builder, GraphServiceClient client, Action<MicrosoftGraphOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddMicrosoftGraphCore(_ => client, configure);
    }

    /// <summary>
    /// Registers <see cref="GraphSnapshotSource"/> as <see cref="ISnapshotSource"/>, <see cref="GraphExecutor"/> as
    /// <see cref="IGraphExecutor"/> (singletons sharing one throttling state; with them the <see cref="PlanRunner"/> that <c>AddAuthDiagnostics</c> registers resolves),
    /// on the client that <paramref name="clientFactory"/> returns (called once, when first needed).
    /// </summary>
    /// <param name="builder">The builder from <c>AddAuthDiagnostics</c>.</param>
    /// <param name="clientFactory">Returns the host's Graph client, for example <c>sp =&gt; sp.GetRequiredService&lt;GraphServiceClient&gt;()</c>.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddSingleton(new GraphServiceClient(new DefaultAzureCredential()));
    /// services.AddAuthDiagnostics().AddMicrosoftGraph(sp =&gt; sp.GetRequiredService&lt;GraphServiceClient&gt;());
    /// </code>
    /// </example>
    public static AuthDiagnosticsBuilder AddMicrosoftGraph(this AuthDiagnosticsBuilder builder, Func<IServiceProvider, GraphServiceClient> clientFactory) =>
        builder.AddMicrosoftGraphCore(clientFactory, configure: null);

    /// <summary>
    /// Registers <see cref="GraphSnapshotSource"/> as <see cref="ISnapshotSource"/>, <see cref="GraphExecutor"/> as
    /// <see cref="IGraphExecutor"/> (singletons sharing one throttling state; with them the <see cref="PlanRunner"/> that <c>AddAuthDiagnostics</c> registers resolves),
    /// on the client that <paramref name="clientFactory"/> returns (called once, when first needed), with options.
    /// </summary>
    /// <param name="builder">The builder from <c>AddAuthDiagnostics</c>.</param>
    /// <param name="clientFactory">Returns the host's Graph client.</param>
    /// <param name="configure">Configures <see cref="MicrosoftGraphOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static AuthDiagnosticsBuilder AddMicrosoftGraph(this AuthDiagnosticsBuilder builder, Func<IServiceProvider, GraphServiceClient> clientFactory, Action<MicrosoftGraphOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddMicrosoftGraphCore(clientFactory, configure);
    }

    private static AuthDiagnosticsBuilder AddMicrosoftGraphCore(this AuthDiagnosticsBuilder builder, Func<IServiceProvider, GraphServiceClient> clientFactory, Action<MicrosoftGraphOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(clientFactory);
        var services = builder.Services;
        var options = services.AddOptions<MicrosoftGraphOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // The capture asks Microsoft about what the diagnosis will look for: the host's declared protocols (the What-If
        // client types) and target resource, unless the Graph options name their own.
        options.PostConfigure<IOptions<AuthDiagnosticsOptions>>(static (graph, core) =>
        {
            graph.LegacyProtocols ??= core.Value.LegacyProtocols;
            graph.TargetResourceAppId ??= core.Value.TargetResourceAppId;
        });

        // One set of rules (FluentValidation), checked when the host starts rather than at the first capture.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MicrosoftGraphOptions>, MicrosoftGraphOptionsValidation>());
        options.ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GraphTransport(
            (clientFactory(sp) ?? throw new InvalidOperationException("The GraphServiceClient factory returned null.")).RequestAdapter,
            sp.GetRequiredService<IOptions<MicrosoftGraphOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            (ILogger?)sp.GetService<ILoggerFactory>()?.CreateLogger("CodeTwo.AuthDiagnostics.Graph") ?? NullLogger.Instance));
        services.TryAddSingleton(sp => new GraphSnapshotSource(sp.GetRequiredService<GraphTransport>(), sp.GetRequiredService<IOptions<MicrosoftGraphOptions>>().Value));
        services.TryAddSingleton(sp => new GraphExecutor(sp.GetRequiredService<GraphTransport>()));
        services.TryAddSingleton<ISnapshotSource>(sp => sp.GetRequiredService<GraphSnapshotSource>());
        services.TryAddSingleton<IGraphExecutor>(sp => sp.GetRequiredService<GraphExecutor>());
        return builder;
    }
}
