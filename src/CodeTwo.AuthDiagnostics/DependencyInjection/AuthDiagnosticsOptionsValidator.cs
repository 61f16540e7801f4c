using CodeTwo.AuthDiagnostics.Rules;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// The rules <see cref="AuthDiagnosticsOptions"/> must satisfy, checked when the host starts (<c>ValidateOnStart</c>) and
/// whenever the options are first read: a failure is an <see cref="OptionsValidationException"/> naming each property.
/// </summary>
internal sealed class AuthDiagnosticsOptionsValidator : AbstractValidator<AuthDiagnosticsOptions>, IValidateOptions<AuthDiagnosticsOptions>
{
    private static readonly LegacyProtocols Known = LegacyProtocolRetirements.All.Aggregate(LegacyProtocols.None, (all, row) => all | row.Protocol);

    public AuthDiagnosticsOptionsValidator()
    {
        RuleFor(o => o.TargetResourceAppId)
            .NotEmpty()
            .WithMessage("TargetResourceAppId must name the resource the legacy client signs in to (for example KnownApps.ExchangeOnline).");
        RuleFor(o => o.PropagationWait)
            .InclusiveBetween(TimeSpan.Zero, TimeSpan.FromDays(1))
            .WithMessage(o => $"PropagationWait must be between 0 and 24 hours; it is {o.PropagationWait}.");
        RuleFor(o => o.LegacyProtocols)
            .Must(p => (p & ~Known) == 0)
            .WithMessage(o => $"LegacyProtocols holds a value that is not a known protocol ({(int)(o.LegacyProtocols & ~Known)}); use the named LegacyProtocols flags.");
        RuleFor(o => o.Rules.DisabledCodes)
            .Must(codes => codes.All(c => !string.IsNullOrWhiteSpace(c)))
            .WithMessage("Rules.Disable was given an empty code.");
    }

    public ValidateOptionsResult Validate(string? name, AuthDiagnosticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = Validate(options);
        return result.IsValid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(result.Errors.Select(e => $"AuthDiagnosticsOptions.{e.PropertyName}: {e.ErrorMessage}"));
    }
}
