using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;

namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>
/// The ranges of <see cref="MicrosoftGraphOptions"/>, one rule per property. Every message names the property, its
/// allowed range and the value found. Used at start-up through <see cref="MicrosoftGraphOptionsValidation"/> (dependency
/// injection) and by <see cref="ThrowIfInvalid"/> when a source or executor is built without it.
/// </summary>
internal sealed class MicrosoftGraphOptionsValidator : AbstractValidator<MicrosoftGraphOptions>
{
    private MicrosoftGraphOptionsValidator()
    {
        RuleFor(o => o.MaxConcurrency)
            .InclusiveBetween(1, 64)
            .WithMessage((_, value) => Message("MaxConcurrency must be between 1 and 64", value));
        RuleFor(o => o.MaxAttempts)
            .InclusiveBetween(1, 20)
            .WithMessage((_, value) => Message("MaxAttempts must be between 1 and 20", value));
        RuleFor(o => o.InitialRetryDelay)
            .Must((o, delay) => delay >= TimeSpan.Zero && (o.MaxRetryDelay < TimeSpan.Zero || delay <= o.MaxRetryDelay))
            .WithMessage((o, value) => Message(string.Create(CultureInfo.InvariantCulture, $"InitialRetryDelay must be between {TimeSpan.Zero} and MaxRetryDelay ({o.MaxRetryDelay})"), value));
        RuleFor(o => o.MaxRetryDelay)
            .GreaterThanOrEqualTo(TimeSpan.Zero)
            .WithMessage((_, value) => Message("MaxRetryDelay must be zero or more", value));
        RuleFor(o => o.RequestTimeout)
            .Must(timeout => timeout > TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan)
            .WithMessage((_, value) => Message("RequestTimeout must be positive or Timeout.InfiniteTimeSpan", value));
        RuleFor(o => o.BaseUrl)
            .Must(url => url is null || (url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
            .WithMessage((_, value) => Message("BaseUrl must be an absolute http or https URL", $"'{value?.OriginalString}'"));
        RuleFor(o => o.PageSize)
            .InclusiveBetween(1, 999)
            .WithMessage((_, value) => Message("PageSize must be between 1 and 999 (Graph rejects a larger $top)", value));
        RuleFor(o => o.UserSections)
            .Must(sections => (sections & ~UserSectionSelection.All) == 0)
            .WithMessage((_, value) => Message("UserSections must combine only the named flags (" + FlagNames + ")", (int)value));
        RuleFor(o => o.TenantUserSections)
            .Must(sections => sections is null || (sections & ~UserSectionSelection.All) == 0)
            .WithMessage((_, value) => Message("TenantUserSections must be null or combine only the named flags (" + FlagNames + ")", (int?)value));
        RuleFor(o => o.LegacyProtocols)
            .Must(protocols => protocols is null || (protocols & ~AllProtocols) == 0)
            .WithMessage((_, value) => Message("LegacyProtocols must be null or combine only the named LegacyProtocols flags", (int?)value));
        RuleFor(o => o.TargetResourceAppId)
            .Must(appId => appId is null || Guid.TryParse(appId, out _))
            .WithMessage((_, value) => Message("TargetResourceAppId must be null or an app id (a GUID such as 00000002-0000-0ff1-ce00-000000000000)", $"'{value}'"));
    }

    private static readonly string FlagNames = string.Join(", ", Enum.GetNames<UserSectionSelection>().Where(n => n is not (nameof(UserSectionSelection.None) or nameof(UserSectionSelection.All))));

    private static readonly LegacyProtocols AllProtocols = Enum.GetValues<LegacyProtocols>().Aggregate(LegacyProtocols.None, (all, p) => all | p);

    /// <summary>The one instance (the rules hold no state).</summary>
    public static MicrosoftGraphOptionsValidator Instance { get; } = new();

    /// <summary>
    /// For a source or executor built without dependency injection: throws <see cref="ArgumentOutOfRangeException"/>
    /// (or <see cref="ArgumentException"/> for <see cref="MicrosoftGraphOptions.BaseUrl"/>) naming the first property
    /// out of range, with every failure's message, the ones <c>ValidateOnStart</c> reports.
    /// </summary>
    /// <param name="options">The options.</param>
    public static void ThrowIfInvalid(MicrosoftGraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidationResult result = Instance.Validate(options);
        if (result.IsValid)
        {
            return;
        }

        var first = result.Errors[0];
        string message = string.Join("; ", result.Errors.Select(e => e.ErrorMessage));
        throw first.PropertyName == nameof(MicrosoftGraphOptions.BaseUrl)
            ? new ArgumentException(message, first.PropertyName)
            : new ArgumentOutOfRangeException(first.PropertyName, first.AttemptedValue, message);
    }

    private static string Message(string rule, object? value) =>
        string.Create(CultureInfo.InvariantCulture, $"MicrosoftGraphOptions.{rule}; it is {value}.");
}

/// <summary>
/// Lets the options system run <see cref="MicrosoftGraphOptionsValidator"/>: registered by <c>AddMicrosoftGraph</c>
/// with <c>ValidateOnStart</c>, so a host with options out of range fails at start-up with an
/// <see cref="OptionsValidationException"/> whose failures are the validator's messages.
/// </summary>
internal sealed class MicrosoftGraphOptionsValidation : IValidateOptions<MicrosoftGraphOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MicrosoftGraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = MicrosoftGraphOptionsValidator.Instance.Validate(options);
        return result.IsValid ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(result.Errors.Select(e => e.ErrorMessage));
    }
}
