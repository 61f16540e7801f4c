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
    private static readonly Coverage SecurityDefaults = new("securityDefaults", static _ => JsonPointer.TenantSection("securityDefaults"), "whether security defaults block legacy sign-ins");
    private static readonly Coverage PoliciesUnlicensed = new("conditionalAccessPolicies", static _ => JsonPointer.TenantSection("conditionalAccessPolicies"), "whether Conditional Access policies block app-password sign-ins (the licences were not captured either, so Entra ID P1/P2 cannot be ruled out)");
    private static readonly Coverage PoliciesLicensed = new("conditionalAccessPolicies", static _ => JsonPointer.TenantSection("conditionalAccessPolicies"), "whether Conditional Access policies block app-password sign-ins (the tenant has Entra ID P1/P2)");
    private static readonly Coverage Requirements = new("authenticationRequirements", static e => JsonPointer.User(e.Index, "sections", "authenticationRequirements"), "the per-user MFA state");
    private static readonly Coverage MemberOf = new("transitiveMemberOf", static e => JsonPointer.User(e.Index, "sections", "transitiveMemberOf"), "which group- or role-scoped Conditional Access policies apply");

    public override string Id => "data-coverage";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.DataNotCaptured];

    public override void Evaluate(ref RuleContext context)
    {
        var entry = context.User!;
        var index = context.Index;
        var tenant = context.Snapshot.Sections;
        Check(ref context, tenant.SecurityDefaults, SecurityDefaults);
        if (index.ConditionalAccessNeeded)
        {
            Check(ref context, tenant.ConditionalAccessPolicies, index.PremiumLicence is null ? PoliciesUnlicensed : PoliciesLicensed);
        }

        // A plan that enforces per-user MFA writes the state: then it is known, whatever was captured.
        bool enforced = context.Changes.PerUserMfaEnforced;
        if (!enforced)
        {
            Check(ref context, entry.Sections.AuthenticationRequirements, Requirements);
        }

        if (tenant.ConditionalAccessPolicies.IsCaptured && index.EnabledPolicyScopesByGroupsOrRoles)
        {
            Check(ref context, entry.Sections.TransitiveMemberOf, MemberOf);
        }

        if (!enforced && entry.Sections.AuthenticationRequirements.Value is { PerUserMfaState: PerUserMfaState.Unknown } requirements)
        {
            context.Report(DiagnosticCodes.DataNotCaptured, (entry, requirements), static s => new FindingText(
                $"The per-user MFA state of {s.entry.User.UserPrincipalName} has a value this version does not know",
                $"The perUserMfaState of {s.entry.User.UserPrincipalName} is '{s.requirements.PerUserMfaStateValue}', which this version of the library cannot interpret, so it cannot tell whether App password is offered. Check the user's state on the per-user MFA page, or update the library.",
                [new Evidence(JsonPointer.User(s.entry.Index, "sections", "authenticationRequirements", "value", "perUserMfaState"), EvidenceValues.String(s.requirements.PerUserMfaStateValue), "\"disabled\", \"enabled\" or \"enforced\"")]));
        }

        // Graph's default user projection carries neither accountEnabled nor userType: a user read without $select
        // lacks them, and a missing property counts like a missing section (catalog v1.1 §6.11), never a guess.
        if (entry.User.AccountEnabled is null)
        {
            context.Report(DiagnosticCodes.DataNotCaptured, (entry, "accountEnabled", "true or false", "a disabled account cannot be ruled out"), MissingProperty);
        }

        if (entry.User.UserType is null)
        {
            context.Report(DiagnosticCodes.DataNotCaptured, (entry, "userType", "\"Member\" or \"Guest\"", "a guest account (which cannot use app passwords) cannot be ruled out"), MissingProperty);
        }
    }

    /// <summary>The <c>$select</c> the capture uses for user objects; it brings every property the checks read.</summary>
    internal const string UserSelect = "$select=id,userPrincipalName,displayName,accountEnabled,userType,onPremisesSyncEnabled,signInSessionsValidFromDateTime";

    private static FindingText MissingProperty((Snapshots.UserEntry Entry, string Property, string Expected, string Consequence) s)
    {
        string upn = s.Entry.User.UserPrincipalName;
        return new FindingText(
            $"The {s.Property} of {upn} was not captured",
            $"The user object of {upn} has no {s.Property} (Graph returns it only when asked for with $select), so {s.Consequence}. Capture the user again with GET /v1.0/users/{{id}}?{UserSelect}.",
            [new Evidence(JsonPointer.User(s.Entry.Index, "user", s.Property), null, $"{s.Expected}, read with {UserSelect}")]);
    }

    /// <summary>Reports <paramref name="section"/> when it was not captured; its pointer, words and permissions are built only for a diagnosis.</summary>
    private static void Check<T>(ref RuleContext context, Section<T> section, Coverage what)
        where T : class
    {
        if (section.IsCaptured)
        {
            return;
        }

        context.ReportMissingData(DiagnosticCodes.DataNotCaptured, (section, what, context.User!, context.UserName), static s => NotCaptured(s.section, s.what, s.Item3, s.UserName), static s => Permissions(s.section, s.what));
    }

    private static string[] Permissions<T>(Section<T> section, Coverage what)
        where T : class =>
        section.Error is { RequiredPermissions.IsDefaultOrEmpty: false } failure
            ? failure.RequiredPermissions.ToArray()
            : [SectionPermissions.For(what.Name)];

    private static FindingText NotCaptured<T>(Section<T> section, Coverage what, Snapshots.UserEntry entry, string userName)
        where T : class
    {
        string name = what.Name;
        string path = what.Pointer(entry);
        string needs = string.Join(", ", Permissions(section, what));
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

        return new FindingText(
            title,
            $"For {userName}, the snapshot cannot tell {what.Purpose}: {detail}. Grant the permission and capture the snapshot again.",
            [evidence]);
    }

    /// <summary>A section a check needs: its name, where it is for a user, and what the diagnosis cannot tell without it.</summary>
    private sealed record Coverage(string Name, Func<Snapshots.UserEntry, string> Pointer, string Purpose);
}

/// <summary>The evidence value of a failed section: the members of its <c>error</c> object that the diagnosis reads.</summary>
internal sealed record FailedSection(int HttpStatus, string? Code, string[]? RequiredPermissions);
