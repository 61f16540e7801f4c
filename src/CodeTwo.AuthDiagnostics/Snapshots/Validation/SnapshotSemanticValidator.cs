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
        RuleFor(s => s.Users).Custom(UniqueUsers);

        RuleForEach(s => s.Users).Custom((entry, context) =>
        {
            string path = $"$.users[{entry.Index}].user";
            if (!Guid.TryParseExact(entry.User.Id, "D", out _))
            {
                context.AddFailure(Failure($"{path}.id", JsonReadContext.Describe(entry.User.Id), "expected the user's object id, a GUID"));
            }

            if (!entry.User.UserPrincipalName.Contains('@', StringComparison.Ordinal))
            {
                context.AddFailure(Failure($"{path}.userPrincipalName", JsonReadContext.Describe(entry.User.UserPrincipalName), "expected a user principal name such as backup@contoso.com"));
            }

            string sections = $"$.users[{entry.Index}].sections";
            CheckError(context, $"{sections}.authenticationRequirements", entry.Sections.AuthenticationRequirements.Error);
            CheckError(context, $"{sections}.authenticationMethods", entry.Sections.AuthenticationMethods.Error);
            CheckError(context, $"{sections}.transitiveMemberOf", entry.Sections.TransitiveMemberOf.Error);
        });

        RuleFor(s => s.Sections).Custom((sections, context) =>
        {
            CheckError(context, "$.sections.securityDefaults", sections.SecurityDefaults.Error);
            CheckError(context, "$.sections.conditionalAccessPolicies", sections.ConditionalAccessPolicies.Error);
            CheckError(context, "$.sections.authenticationMethodsPolicy", sections.AuthenticationMethodsPolicy.Error);
            CheckError(context, "$.sections.mfaServicePolicy", sections.MfaServicePolicy.Error);
            CheckError(context, "$.sections.domains", sections.Domains.Error);
            CheckError(context, "$.sections.subscribedSkus", sections.SubscribedSkus.Error);

            if (sections.ConditionalAccessPolicies.Value is { } policies)
            {
                Unique(context, policies, p => p.Id, p => $"$.sections.conditionalAccessPolicies.value[{p.Index}].id", "Conditional Access policy ids");
            }

            if (sections.Domains.Value is { } domains)
            {
                Unique(context, domains, d => d.Id, d => $"$.sections.domains.value[{d.Index}].id", "domain names");
            }
        });

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

    private static void UniqueUsers(IReadOnlyList<UserEntry> users, ValidationContext<TenantSnapshot> context)
    {
        Unique(context, users, u => u.User.Id, u => $"$.users[{u.Index}].user.id", "user ids");
        Unique(context, users, u => u.User.UserPrincipalName, u => $"$.users[{u.Index}].user.userPrincipalName", "user principal names");
    }

    private static void Unique<T>(ValidationContext<TenantSnapshot> context, IReadOnlyList<T> items, Func<T, string> key, Func<T, string> path, string what)
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
}
