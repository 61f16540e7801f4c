using System.Text.Json;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// APW090: a section that a blocker check needs for this user was not captured or failed, or holds a value this
/// version cannot interpret. Needed: the user's <c>authenticationRequirements</c>, <c>securityDefaults</c>,
/// <c>conditionalAccessPolicies</c> (unless the licences show no Entra ID P1/P2), and <c>transitiveMemberOf</c>
/// when an enabled policy scopes users by groups or roles.
/// </summary>
internal sealed class DataCoverageRule : CatalogRule
{
    private static readonly DiagnosticDescriptor Missing = DiagnosticCatalog.DataNotCaptured;

    public override string Id => "data-coverage";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [Missing];

    public override void Evaluate(RuleContext context)
    {
        var entry = context.User!;
        var tenant = context.Snapshot.Sections;
        Check(context, tenant.SecurityDefaults, "securityDefaults", static _ => JsonPointer.TenantSection("securityDefaults"), "whether security defaults block legacy sign-ins");
        if (context.Index.ConditionalAccessNeeded)
        {
            Check(
                context,
                tenant.ConditionalAccessPolicies,
                "conditionalAccessPolicies",
                static _ => JsonPointer.TenantSection("conditionalAccessPolicies"),
                context.Index.PremiumLicence is null
                    ? "whether Conditional Access policies block app-password sign-ins (the licences were not captured either, so Entra ID P1/P2 cannot be ruled out)"
                    : "whether Conditional Access policies block app-password sign-ins (the tenant has Entra ID P1/P2)");
        }

        Check(context, entry.Sections.AuthenticationRequirements, "authenticationRequirements", static e => JsonPointer.User(e.Index, "sections", "authenticationRequirements"), "the per-user MFA state");
        if (tenant.ConditionalAccessPolicies.IsCaptured && context.Index.EnabledPolicyScopesByGroupsOrRoles)
        {
            Check(context, entry.Sections.TransitiveMemberOf, "transitiveMemberOf", static e => JsonPointer.User(e.Index, "sections", "transitiveMemberOf"), "which group- or role-scoped Conditional Access policies apply");
        }

        if (entry.Sections.AuthenticationRequirements.Value is { PerUserMfaState: PerUserMfaState.Unknown } requirements)
        {
            context.Report(
                DiagnosticCodes.DataNotCaptured,
                () => new FindingText(
                    $"The per-user MFA state of {entry.User.UserPrincipalName} has a value this version does not know",
                    $"The perUserMfaState of {entry.User.UserPrincipalName} is '{requirements.PerUserMfaStateValue}', which this version of the library cannot interpret, so it cannot tell whether App password is offered. Check the user's state on the per-user MFA page, or update the library.",
                    [new Evidence(JsonPointer.User(entry.Index, "sections", "authenticationRequirements", "value", "perUserMfaState"), EvidenceValues.String(requirements.PerUserMfaStateValue), "\"disabled\", \"enabled\" or \"enforced\"")]));
        }

        // Graph's default user projection carries neither accountEnabled nor userType: a user read without $select
        // lacks them, and a missing property counts like a missing section (catalog v1.1 §6.11), never a guess.
        if (entry.User.AccountEnabled is null)
        {
            ReportMissingProperty(context, entry, "accountEnabled", "true or false", "a disabled account cannot be ruled out");
        }

        if (entry.User.UserType is null)
        {
            ReportMissingProperty(context, entry, "userType", "\"Member\" or \"Guest\"", "a guest account (which cannot use app passwords) cannot be ruled out");
        }
    }

    /// <summary>The <c>$select</c> the capture uses for user objects; it brings every property the checks read.</summary>
    internal const string UserSelect = "$select=id,userPrincipalName,displayName,accountEnabled,userType,onPremisesSyncEnabled,signInSessionsValidFromDateTime";

    private static void ReportMissingProperty(RuleContext context, Snapshots.UserEntry entry, string property, string expected, string consequence)
    {
        string upn = entry.User.UserPrincipalName;
        context.Report(
            DiagnosticCodes.DataNotCaptured,
            () => new FindingText(
                $"The {property} of {upn} was not captured",
                $"The user object of {upn} has no {property} (Graph returns it only when asked for with $select), so {consequence}. Capture the user again with GET /v1.0/users/{{id}}?{UserSelect}.",
                [new Evidence(JsonPointer.User(entry.Index, "user", property), null, $"{expected}, read with {UserSelect}")]));
    }

    /// <summary>Reports <paramref name="section"/> when it was not captured; its pointer is built only then.</summary>
    private static void Check<T>(RuleContext context, Section<T> section, string name, Func<Snapshots.UserEntry, string> pointer, string purpose)
        where T : class
    {
        if (section.IsCaptured)
        {
            return;
        }

        string path = pointer(context.User!);

        string[] permissions = section.Error is { RequiredPermissions.IsDefaultOrEmpty: false } failure
            ? failure.RequiredPermissions.ToArray()
            : [SectionPermissions.For(name)];
        string needs = string.Join(", ", permissions);
        Evidence evidence;
        string title;
        string detail;
        if (section.Status == SectionStatus.Failed)
        {
            // The error object as the snapshot holds it (the members the diagnosis reads).
            var error = section.Error!;
            var summary = new FailedSection(error.HttpStatus, error.Code, error.RequiredPermissions.IsDefaultOrEmpty ? null : error.RequiredPermissions.ToArray());
            evidence = new Evidence(path + "/error", JsonSerializer.Serialize(summary, SnapshotJsonContext.Default.FailedSection), $"captured ({needs})");
            title = $"Section {name} could not be read (HTTP {error.HttpStatus})";
            detail = $"reading the section {name} failed with HTTP {error.HttpStatus}{(error.Code is null ? string.Empty : " " + error.Code)}; it needs {needs}";
        }
        else
        {
            bool absent = ReferenceEquals(section, Section<T>.Absent);
            evidence = new Evidence(path, absent ? null : "{\"status\":\"notCaptured\"}", $"captured ({needs})");
            title = $"Section {name} was not captured";
            detail = $"the section {name} was not captured" + (section.Reason is { } reason ? $" ({reason.TrimEnd('.', ' ')})" : string.Empty) + $"; reading it needs {needs}";
        }

        context.ReportMissingData(
            DiagnosticCodes.DataNotCaptured,
            () => new FindingText(
                title,
                $"For {context.UserName}, the snapshot cannot tell {purpose}: {detail}. Grant the permission and capture the snapshot again.",
                [evidence]),
            permissions);
    }
}

/// <summary>The evidence value of a failed section: the members of its <c>error</c> object that the diagnosis reads.</summary>
internal sealed record FailedSection(int HttpStatus, string? Code, string[]? RequiredPermissions);
