using Microsoft.Extensions.DependencyInjection;

namespace CodeTwo.AuthDiagnostics;

/// <summary>Returned by <c>AddAuthDiagnostics</c>; adapter packages add their registrations through it.</summary>
public sealed class AuthDiagnosticsBuilder
{
    internal AuthDiagnosticsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }
}
