using System.Collections.Frozen;
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

    /// <summary>Every code of the built-in catalog (the codes an acceptance may name, with those of rules the host added).</summary>
    private static readonly FrozenSet<string> CatalogCodes = DiagnosticCatalog.All.Select(d => d.Code).ToFrozenSet(StringComparer.Ordinal);

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
        RuleFor(o => o.MaxDegreeOfParallelism)
            .GreaterThanOrEqualTo(1)
            .WithMessage(o => $"MaxDegreeOfParallelism must be at least 1 (1 assesses on the calling thread; the default is Environment.ProcessorCount); it is {o.MaxDegreeOfParallelism}.");
        RuleFor(o => o.AcceptedRisks).Custom((risks, context) => CheckAcceptedRisks(context.InstanceToValidate, risks, context.AddFailure));
    }

    /// <summary>
    /// Each acceptance names a code of the catalog (or of a rule the host added), a reason and who accepted it; a user or
    /// policy it is narrowed to is not blank. Failures name <c>AcceptedRisks[i].Property</c>.
    /// </summary>
    private static void CheckAcceptedRisks(AuthDiagnosticsOptions options, IList<AcceptedRisk> risks, Action<string, string> fail)
    {
        for (int i = 0; i < risks.Count; i++)
        {
            string at = $"AcceptedRisks[{i}]";
            if (risks[i] is not { } risk)
            {
                fail(at, $"{at} is null; every entry is an AcceptedRisk.");
                continue;
            }

            if (!IsCodeForm(risk.Code))
            {
                fail($"{at}.Code", $"{at}.Code must be a catalog code such as APW010; it is '{risk.Code}'.");
            }
            else if (risk.Code is DiagnosticCodes.UserNotFound or DiagnosticCodes.RuleFailed)
            {
                fail($"{at}.Code", $"{at}.Code {risk.Code} cannot be accepted: it says the diagnosis could not be made, not that a risk is taken.");
            }
            else if (!CatalogCodes.Contains(risk.Code) && !options.Rules.AddedRules.Any(r => r.Descriptors.Any(d => d.Code == risk.Code)))
            {
                fail($"{at}.Code", $"{at}.Code {risk.Code} is not a code of the catalog (APW001 to APW099; see DiagnosticCodes).");
            }

            if (string.IsNullOrWhiteSpace(risk.Reason))
            {
                fail($"{at}.Reason", $"{at}.Reason must say why the risk is accepted.");
            }

            if (string.IsNullOrWhiteSpace(risk.AcceptedBy))
            {
                fail($"{at}.AcceptedBy", $"{at}.AcceptedBy must name who accepted the risk.");
            }

            if (risk.User is { } user && string.IsNullOrWhiteSpace(user))
            {
                fail($"{at}.User", $"{at}.User is blank; leave it null to accept the risk for every user.");
            }

            if (risk.PolicyId is { } policy && string.IsNullOrWhiteSpace(policy))
            {
                fail($"{at}.PolicyId", $"{at}.PolicyId is blank; leave it null to accept the risk for every policy.");
            }
        }
    }

    /// <summary>Whether <paramref name="code"/> has the catalog's form: <c>APW</c> and three digits.</summary>
    internal static bool IsCodeForm(string? code) =>
        code is { Length: 6 } && code.StartsWith("APW", StringComparison.Ordinal) && char.IsAsciiDigit(code[3]) && char.IsAsciiDigit(code[4]) && char.IsAsciiDigit(code[5]);

    /// <summary>Whether <paramref name="code"/> is a code of the built-in catalog.</summary>
    internal static bool IsCatalogCode(string code) => CatalogCodes.Contains(code);

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
