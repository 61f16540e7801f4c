using CodeTwo.AuthDiagnostics.Rules;
using Microsoft.Extensions.Options;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// Lets the options system run <see cref="AuthDiagnosticsOptionsValidator"/>: registered by <c>AddAuthDiagnostics</c>
/// with <c>ValidateOnStart</c>, so options out of range fail at start-up with an <see cref="OptionsValidationException"/>
/// naming each property.
/// </summary>
internal sealed class AuthDiagnosticsOptionsValidation : IValidateOptions<AuthDiagnosticsOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthDiagnosticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = AuthDiagnosticsOptionsValidator.Instance.Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
