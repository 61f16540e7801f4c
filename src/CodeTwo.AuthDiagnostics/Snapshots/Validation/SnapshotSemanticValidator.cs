using CodeTwo.AuthDiagnostics.Snapshots.Exchange;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using FluentValidation;
using FluentValidation.Results;

namespace CodeTwo.AuthDiagnostics.Snapshots.Validation;

/// <summary>
/// The contract's semantic rules, checked once the document is structurally sound: unique ids, GUID user ids,
/// consistent section errors. Property names are JSONPaths, so every failure says where it is.
/// </summary>
internal sealed class SnapshotSemanticValidator : AbstractValidator<TenantSnapshot>
{
    private static readonly SnapshotSemanticValidator Instance = new();

    private SnapshotSemanticValidator()
    {
        // The rules run in the order they are declared, and each walks its part of the snapshot in order, so the
        // failures come out in document order: tenant sections, then each user (all of its problems together), then
        // missingUsers.
        RuleFor(s => s.Sections).Custom((sections, context) =>
        {
            CheckError(context, "$.sections.securityDefaults", sections.SecurityDefaults.Error);
            CheckError(context, "$.sections.conditionalAccessPolicies", sections.ConditionalAccessPolicies.Error);
            if (sections.ConditionalAccessPolicies.Value is { } policies)
            {
                Unique(context, policies, p => p.Id, p => $"$.sections.conditionalAccessPolicies.value[{p.Index}].id", "Conditional Access policy ids");
            }

            CheckError(context, "$.sections.authenticationMethodsPolicy", sections.AuthenticationMethodsPolicy.Error);
            CheckError(context, "$.sections.mfaServicePolicy", sections.MfaServicePolicy.Error);
            CheckError(context, "$.sections.domains", sections.Domains.Error);
            if (sections.Domains.Value is { } domains)
            {
                Unique(context, domains, d => d.Id, d => $"$.sections.domains.value[{d.Index}].id", "domain names");
            }

            CheckError(context, "$.sections.subscribedSkus", sections.SubscribedSkus.Error);
            CheckError(context, "$.sections.exchangeOnline", sections.ExchangeOnline.Error);
            if (sections.ExchangeOnline.Value is { } exchange)
            {
                CheckExchangeOnline(context, exchange, "$.sections.exchangeOnline.value");
            }
        });

        RuleFor(s => s.Users).Custom(CheckUsers);

        RuleFor(s => s.MissingUsers).Custom((missing, context) =>
        {
            var snapshot = context.InstanceToValidate;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < missing.Count; i++)
            {
                string path = $"$.missingUsers[{i}]";
                if (string.IsNullOrWhiteSpace(missing[i]))
                {
                    context.AddFailure(Failure(path, JsonReadContext.Describe(missing[i]), "expected the UPN or id of a user that was asked for"));
                }
                else if (!seen.Add(missing[i]))
                {
                    context.AddFailure(Failure(path, $"duplicate \"{missing[i]}\"", "each missing user is listed once"));
                }
                else if (snapshot.FindUser(missing[i]) is { } present)
                {
                    context.AddFailure(Failure(path, $"\"{missing[i]}\", which is also $.users[{present.Index}]", "a user is either in users or in missingUsers"));
                }
            }
        });
    }

    public static void Validate(TenantSnapshot snapshot, JsonReadContext context)
    {
        var result = Instance.Validate(snapshot);
        foreach (var failure in result.Errors)
        {
            context.AddError(failure.PropertyName, failure.CustomState as string ?? "invalid", failure.ErrorMessage);
        }
    }

    /// <summary>
    /// Checks a standalone <c>exchangeOnline</c> value (a file that <c>exchange-script</c> wrote) with the same rules as
    /// inside a snapshot; paths are rooted at the value (<c>$</c>).
    /// </summary>
    public static void ValidateExchangeOnline(ExchangeOnlineSettings settings, JsonReadContext context)
    {
        var result = ExchangeOnlineValidator.Instance.Validate(settings);
        foreach (var failure in result.Errors)
        {
            context.AddError(failure.PropertyName, failure.CustomState as string ?? "invalid", failure.ErrorMessage);
        }
    }

    /// <summary>Authentication policy names are unique (Exchange compares them case-insensitively), and so are mailbox keys.</summary>
    private static void CheckExchangeOnline<T>(ValidationContext<T> context, ExchangeOnlineSettings settings, string root)
    {
        Unique(context, settings.AuthenticationPolicies, p => p.Name, p => $"{root}.authenticationPolicies[{p.Index}].name", "authentication policy names");
        Unique(context, settings.Users, u => u.UserId, u => MemberPath(root + ".users", u.UserId), "the user object ids in users");
    }

    private static string MemberPath(string parent, string name)
    {
        var text = new System.Text.StringBuilder(parent);
        JsonReadContext.AppendName(text, name);
        return text.ToString();
    }

    /// <summary>Each user's problems in the order of its members (id, userPrincipalName, sections), users in document order.</summary>
    private static void CheckUsers(IReadOnlyList<UserEntry> users, ValidationContext<TenantSnapshot> context)
    {
        var firstById = new Dictionary<string, UserEntry>(users.Count, StringComparer.OrdinalIgnoreCase);
        var firstByName = new Dictionary<string, UserEntry>(users.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in users)
        {
            string path = $"$.users[{entry.Index}].user";
            if (!Guid.TryParseExact(entry.User.Id, "D", out _))
            {
                context.AddFailure(Failure($"{path}.id", JsonReadContext.Describe(entry.User.Id), "expected the user's object id, a GUID"));
            }

            if (entry.User.Id.Length > 0 && !firstById.TryAdd(entry.User.Id, entry))
            {
                context.AddFailure(Failure($"{path}.id", $"duplicate \"{entry.User.Id}\" (first at $.users[{firstById[entry.User.Id].Index}].user.id)", "user ids must be unique"));
            }

            if (!entry.User.UserPrincipalName.Contains('@', StringComparison.Ordinal))
            {
                context.AddFailure(Failure($"{path}.userPrincipalName", JsonReadContext.Describe(entry.User.UserPrincipalName), "expected a user principal name such as backup@contoso.com"));
            }

            if (entry.User.UserPrincipalName.Length > 0 && !firstByName.TryAdd(entry.User.UserPrincipalName, entry))
            {
                context.AddFailure(Failure($"{path}.userPrincipalName", $"duplicate \"{entry.User.UserPrincipalName}\" (first at $.users[{firstByName[entry.User.UserPrincipalName].Index}].user.userPrincipalName)", "user principal names must be unique"));
            }

            string sections = $"$.users[{entry.Index}].sections";
            CheckError(context, $"{sections}.authenticationRequirements", entry.Sections.AuthenticationRequirements.Error);
            CheckError(context, $"{sections}.authenticationMethods", entry.Sections.AuthenticationMethods.Error);
            CheckError(context, $"{sections}.transitiveMemberOf", entry.Sections.TransitiveMemberOf.Error);
            CheckError(context, $"{sections}.conditionalAccessEvaluation", entry.Sections.ConditionalAccessEvaluation.Error);
            CheckError(context, $"{sections}.signIns", entry.Sections.SignIns.Error);
        }
    }

    private static void Unique<TRoot, T>(ValidationContext<TRoot> context, IReadOnlyList<T> items, Func<T, string> key, Func<T, string> path, string what)
    {
        var first = new Dictionary<string, T>(items.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            string value = key(item);
            if (value.Length == 0)
            {
                continue;
            }

            if (!first.TryAdd(value, item))
            {
                context.AddFailure(Failure(path(item), $"duplicate \"{value}\" (first at {path(first[value])})", $"{what} must be unique"));
            }
        }
    }

    private static void CheckError<T>(ValidationContext<T> context, string sectionPath, SectionError? error)
    {
        if (error is null)
        {
            return;
        }

        if (error.HttpStatus is < 100 or > 599)
        {
            context.AddFailure(Failure($"{sectionPath}.error.httpStatus", $"number {error.HttpStatus}", "expected an HTTP status code from 100 to 599"));
        }

        for (int i = 0; i < error.RequiredPermissions.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(error.RequiredPermissions[i]))
            {
                context.AddFailure(Failure($"{sectionPath}.error.requiredPermissions[{i}]", JsonReadContext.Describe(error.RequiredPermissions[i]), "expected a Graph permission name such as Policy.Read.All"));
            }
        }
    }

    private static ValidationFailure Failure(string path, string found, string expected) => new(path, expected) { CustomState = found };

    /// <summary>The rules of a standalone <c>exchangeOnline</c> value, rooted at <c>$</c>.</summary>
    private sealed class ExchangeOnlineValidator : AbstractValidator<ExchangeOnlineSettings>
    {
        public static readonly ExchangeOnlineValidator Instance = new();

        private ExchangeOnlineValidator() =>
            RuleFor(s => s.AuthenticationPolicies).Custom((_, context) => CheckExchangeOnline(context, context.InstanceToValidate, "$"));
    }
}
