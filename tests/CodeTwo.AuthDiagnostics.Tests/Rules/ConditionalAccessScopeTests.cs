using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using static CodeTwo.AuthDiagnostics.Tests.TestSupport.Baseline;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>
/// The catalog's Conditional Access scope rules, one row each: users (ids, literals, groups, role template ids, guests,
/// exclusions), the target resource, legacy client coverage and the policy state. Every row starts from an enabled
/// "block, all clients, all apps, all users" policy and changes one thing; the user belongs to group
/// <see cref="GroupHit"/> and holds the Global Administrator role.
/// </summary>
public sealed class ConditionalAccessScopeTests
{
    private const string None = "none";
    private const string GroupHit = "1f0c2e55-2f5a-4d7c-9a55-3d4f8c1b7a01";
    private const string GroupMiss = "1f0c2e55-2f5a-4d7c-9a55-3d4f8c1b7a02";
    private const string RoleObjectId = "6c7a0d4e-8b1f-4e3a-9c2d-5b8e1f0a9d03";
    private const string GlobalAdministratorTemplate = "62e90394-69f5-4237-9190-012177145e10";
    private const string ExchangeAdministratorTemplate = "29232cdf-9323-42fd-ade2-1d097af3e4de";
    private const string OtherUser = "0d5e4f3a-2b1c-4d0e-8f9a-7b6c5d4e3f2a";

    private static readonly CaPolicy Policy = new() { DisplayName = "Scope probe" };

    private static readonly Action<JsonObject> Guest = root => root.SetUserProperty("userType", "Guest");

    private static readonly Dictionary<string, Row> Rows = new()
    {
        // Users
        ["includeUsers All"] = new(Policy),
        ["includeUsers the user's id"] = new(Policy with { IncludeUsers = [UserId] }),
        ["includeUsers another id"] = new(Policy with { IncludeUsers = [OtherUser] }, Expected: None),
        ["includeUsers None"] = new(Policy with { IncludeUsers = ["None"] }, Expected: None),
        ["includeGroups hit"] = new(Policy with { IncludeUsers = [], IncludeGroups = [GroupHit] }),
        ["includeGroups miss"] = new(Policy with { IncludeUsers = [], IncludeGroups = [GroupMiss] }, Expected: None),
        ["includeRoles hit (role template id)"] = new(Policy with { IncludeUsers = [], IncludeRoles = [GlobalAdministratorTemplate] }),
        ["includeRoles miss (another template)"] = new(Policy with { IncludeUsers = [], IncludeRoles = [ExchangeAdministratorTemplate] }, Expected: None),
        ["includeRoles names the role object id, not its template"] = new(Policy with { IncludeUsers = [], IncludeRoles = [RoleObjectId] }, Expected: None),
        ["guest via GuestsOrExternalUsers literal"] = new(Policy with { IncludeUsers = ["GuestsOrExternalUsers"] }, Guest),
        ["member and GuestsOrExternalUsers literal"] = new(Policy with { IncludeUsers = ["GuestsOrExternalUsers"] }, Expected: None),
        ["guest via includeGuestsOrExternalUsers object"] = new(Policy with { IncludeUsers = [], IncludeGuestsObject = true }, Guest),
        ["member and includeGuestsOrExternalUsers object"] = new(Policy with { IncludeUsers = [], IncludeGuestsObject = true }, Expected: None),

        // Exclusions win
        ["excludeUsers the user's id"] = new(Policy with { ExcludeUsers = [UserId] }, Expected: None),
        ["excludeUsers another id"] = new(Policy with { ExcludeUsers = [OtherUser] }),
        ["included by id and excluded by id"] = new(Policy with { IncludeUsers = [UserId], ExcludeUsers = [UserId] }, Expected: None),
        ["excludeGroups hit"] = new(Policy with { ExcludeGroups = [GroupHit] }, Expected: None),
        ["included by group, excluded by id"] = new(Policy with { IncludeUsers = [], IncludeGroups = [GroupHit], ExcludeUsers = [UserId] }, Expected: None),
        ["excludeGroups miss"] = new(Policy with { ExcludeGroups = [GroupMiss] }),
        ["excludeRoles hit (role template id)"] = new(Policy with { ExcludeRoles = [GlobalAdministratorTemplate] }, Expected: None),
        ["excludeRoles miss"] = new(Policy with { ExcludeRoles = [ExchangeAdministratorTemplate] }),
        ["guest excluded via GuestsOrExternalUsers literal"] = new(Policy with { ExcludeUsers = ["GuestsOrExternalUsers"] }, Guest, Expected: None),
        ["guest excluded via excludeGuestsOrExternalUsers object"] = new(Policy with { ExcludeGuestsObject = true }, Guest, Expected: None),
        ["member and excludeGuestsOrExternalUsers object"] = new(Policy with { ExcludeGuestsObject = true }),

        // Target resource
        ["includeApplications Office365"] = new(Policy with { IncludeApplications = ["Office365"] }),
        ["includeApplications Exchange Online"] = new(Policy with { IncludeApplications = [KnownApps.ExchangeOnline] }),
        ["includeApplications another app"] = new(Policy with { IncludeApplications = [KnownApps.SharePointOnline] }, Expected: None),
        ["includeApplications None"] = new(Policy with { IncludeApplications = ["None"] }, Expected: None),
        ["excludeApplications Office365"] = new(Policy with { ExcludeApplications = ["Office365"] }, Expected: None),
        ["excludeApplications the target"] = new(Policy with { ExcludeApplications = [KnownApps.ExchangeOnline] }, Expected: None),
        ["excludeApplications another app"] = new(Policy with { ExcludeApplications = [KnownApps.SharePointOnline] }),
        ["user action only"] = new(Policy with { IncludeApplications = [], IncludeUserActions = ["urn:user:registersecurityinfo"] }, Expected: DiagnosticCodes.SecurityInfoRegistrationBlocked),
        ["authentication context only"] = new(Policy with { IncludeApplications = [] }, Expected: None),
        ["target SharePoint: its app id"] = new(Policy with { IncludeApplications = [KnownApps.SharePointOnline] }, Options: SharePoint),
        ["target SharePoint: Office365"] = new(Policy with { IncludeApplications = ["Office365"] }, Options: SharePoint),
        ["target SharePoint: Exchange Online only"] = new(Policy with { IncludeApplications = [KnownApps.ExchangeOnline] }, Options: SharePoint, Expected: None),
        ["target SharePoint: All minus SharePoint"] = new(Policy with { ExcludeApplications = [KnownApps.SharePointOnline] }, Options: SharePoint, Expected: None),

        // Legacy client coverage
        ["clientAppTypes missing"] = new(Policy with { ClientAppTypes = null }),
        ["clientAppTypes empty"] = new(Policy with { ClientAppTypes = [] }),
        ["clientAppTypes all"] = new(Policy with { ClientAppTypes = ["all"] }),
        ["clientAppTypes other"] = new(Policy with { ClientAppTypes = ["other"] }),
        ["clientAppTypes browser only"] = new(Policy with { ClientAppTypes = ["browser"] }, Expected: None),
        ["clientAppTypes mobileAppsAndDesktopClients only"] = new(Policy with { ClientAppTypes = ["mobileAppsAndDesktopClients"] }, Expected: None),
        ["clientAppTypes browser and modern clients"] = new(Policy with { ClientAppTypes = ["browser", "mobileAppsAndDesktopClients"] }, Expected: None),
        ["clientAppTypes exchangeActiveSync only, EAS not declared"] = new(Policy with { ClientAppTypes = ["exchangeActiveSync"] }, Expected: DiagnosticCodes.ConditionalAccessPolicyMayApply),
        ["clientAppTypes exchangeActiveSync only, EAS declared"] = new(Policy with { ClientAppTypes = ["exchangeActiveSync"] }, Options: o => o.LegacyProtocols = LegacyProtocols.ExchangeActiveSync),
        ["clientAppTypes easSupported only"] = new(Policy with { ClientAppTypes = ["easSupported"] }, Expected: DiagnosticCodes.ConditionalAccessPolicyMayApply),
        ["clientAppTypes exchangeActiveSync and other"] = new(Policy with { ClientAppTypes = ["exchangeActiveSync", "other"] }),

        // State
        ["state enabled"] = new(Policy with { State = "enabled" }),
        ["state disabled"] = new(Policy with { State = "disabled" }, Expected: None),
        ["state report-only"] = new(Policy with { State = "enabledForReportingButNotEnforced" }, Expected: DiagnosticCodes.ReportOnlyPolicyWouldBlock),
    };

    private static readonly string[] PolicyCodes =
    [
        DiagnosticCodes.MfaOnlyFromConditionalAccess,
        DiagnosticCodes.LegacyAuthBlockedByConditionalAccess,
        DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients,
        DiagnosticCodes.ReportOnlyPolicyWouldBlock,
        DiagnosticCodes.ConditionalAccessPolicyMayApply,
        DiagnosticCodes.SecurityInfoRegistrationBlocked,
    ];

    public static TheoryData<string> Cases => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Policy_scope(string row)
    {
        var (policy, user, options, expected) = Rows[row];
        var fixture = WithPolicies(policy).With(root =>
        {
            root.MemberOf(0, Edit.Group(GroupHit, "Backup Operators"), Edit.Role(RoleObjectId, GlobalAdministratorTemplate, "Global Administrator"));
            user?.Invoke(root);
        });
        var settings = new AuthDiagnosticsOptions();
        options?.Invoke(settings);

        var diagnosis = Diagnose.User(fixture, options: settings);

        var policyFindings = diagnosis.Findings.Where(f => PolicyCodes.Contains(f.Code)).ToArray();
        if (expected == None)
        {
            policyFindings.Should().BeEmpty($"'{row}' puts the user or the resource out of scope");
            diagnosis.Verdict.Should().Be(user is null ? Verdict.Available : Verdict.Unavailable, "nothing but the guest flag is left");
            return;
        }

        policyFindings.Should().ContainSingle($"'{row}' is in scope").Which.Should().Match<Finding>(f => f.Code == expected && f.PolicyId == CaPolicy.DefaultId);
    }

    [Fact]
    public void Group_scoped_policy_with_unknown_membership_is_not_applied_but_reported_as_missing_data()
    {
        var fixture = WithPolicies(Policy with { IncludeUsers = [], IncludeGroups = [GroupHit] }).With(root => root.UserNotCaptured("transitiveMemberOf"));

        var diagnosis = Diagnose.User(fixture);

        diagnosis.ShouldNotFire(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
        diagnosis.Single(DiagnosticCodes.DataNotCaptured).Evidence[0].Path.Should().Be("/users/0/sections/transitiveMemberOf");
    }

    private static void SharePoint(AuthDiagnosticsOptions options) => options.TargetResourceAppId = KnownApps.SharePointOnline;

    private sealed record Row(CaPolicy Policy, Action<JsonObject>? User = null, Action<AuthDiagnosticsOptions>? Options = null, string Expected = DiagnosticCodes.LegacyAuthBlockedByConditionalAccess);
}
