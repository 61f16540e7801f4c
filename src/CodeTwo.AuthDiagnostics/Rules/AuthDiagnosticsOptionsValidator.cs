using FluentValidation;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// The ranges of <see cref="AuthDiagnosticsOptions"/>, one rule per property. Used at start-up through the options
/// system (<c>AddAuthDiagnostics</c> registers it with <c>ValidateOnStart</c>) and, through <see cref="ThrowIfInvalid"/>,
/// whenever an engine is built from options.
/// </summary>
internal sealed class AuthDiagnosticsOptionsValidator : AbstractValidator<AuthDiagnosticsOptions>
{
    private static readonly LegacyProtocols Known = LegacyProtocolRetirements.All.Aggregate(LegacyProtocols.None, (all, row) => all | row.Protocol);

    private AuthDiagnosticsOptionsValidator()
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
    }

    /// <summary>The one instance (the rules hold no state).</summary>
    public static AuthDiagnosticsOptionsValidator Instance { get; } = new();

    /// <summary>Every failure as the options system reports it: <c>AuthDiagnosticsOptions.Property: message</c>.</summary>
    /// <param name="options">The options.</param>
    public IReadOnlyList<string> Failures(AuthDiagnosticsOptions options) =>
        Validate(options).Errors.Select(e => $"AuthDiagnosticsOptions.{e.PropertyName}: {e.ErrorMessage}").ToArray();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first property out of range, with every failure's message.</summary>
    /// <param name="options">The options.</param>
    public static void ThrowIfInvalid(AuthDiagnosticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = Instance.Validate(options);
        if (!result.IsValid)
        {
            var first = result.Errors[0];
            throw new ArgumentOutOfRangeException(first.PropertyName, first.AttemptedValue, string.Join("; ", result.Errors.Select(e => e.ErrorMessage)));
        }
    }
}
