using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Testing;

namespace CodeTwo.AuthDiagnostics.Tests.TestSupport;

/// <summary>
/// Random tenants from the Testing package's builders, deterministic per seed: a handful of users (members, guests,
/// disabled, synced; every per-user MFA state, unknown ones included; groups, roles, roles without template id; sections
/// missing or failed) and up to ten Conditional Access policies mixing every scope, state, target, client type, grant
/// and condition the catalog reads; security defaults, the tenant switch, licences, federated domains and Exchange
/// Online settings in every state; capture dates either side of the SMTP AUTH change. A failing seed regenerates its tenant.
/// </summary>
public static class RandomTenants
{
    private static readonly string[] Groups = ["Sales", "Finance", "Service Accounts"];
    private static readonly string[] Roles = [KnownRoles.GlobalAdministrator, KnownRoles.ExchangeAdministrator];
    private static readonly DateTimeOffset[] Dates =
    [
        new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero),
        new(2027, 1, 15, 8, 0, 0, TimeSpan.Zero),
        new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero),
    ];

    /// <summary>Host options a random tenant is diagnosed with (protocols, disabled and re-graded codes).</summary>
    public static IReadOnlyList<AuthDiagnosticsOptions> Options { get; } = CreateOptions();

    /// <summary>The tenant of <paramref name="seed"/> and the users to diagnose (every user, a missing one, an unknown one).</summary>
    public static (TenantSnapshot Snapshot, string[] Users) Create(int seed)
    {
        var random = new Random(seed);
        var builder = new SnapshotBuilder().WithCapturedAt(Pick(random, Dates));
        foreach (string group in Groups)
        {
            builder.WithGroup(group);
        }

        switch (random.Next(5))
        {
            case 0: builder.WithSecurityDefaults(true); break;
            case 1: builder.WithSectionNotCaptured(TenantSectionName.SecurityDefaults); break;
            case 2: builder.WithSectionFailed(TenantSectionName.SecurityDefaults, 403, requiredPermissions: "Policy.Read.All"); break;
            default: builder.WithSecurityDefaults(false); break;
        }

        switch (random.Next(4))
        {
            case 0: builder.WithMfaServicePolicy(false); break;
            case 1: break; // the builder's default: not captured
            default: builder.WithMfaServicePolicy(true); break;
        }

        switch (random.Next(6))
        {
            case 0: builder.WithoutEntraIdPremium(); break;
            case 1: builder.WithSectionNotCaptured(TenantSectionName.SubscribedSkus); break;
            case 2: builder.WithEntraIdP1(ServicePlanProvisioningStatus.Disabled); break;
            default: builder.WithEntraIdP1(); break;
        }

        if (random.Next(3) == 0)
        {
            builder.WithAuthenticationMethodsPolicy(PolicyMigrationState.MigrationComplete);
        }

        if (random.Next(3) == 0)
        {
            builder.WithDomain("fabrikam.com", DomainAuthenticationType.Federated);
        }

        int userCount = random.Next(1, 5);
        var upns = new List<string>();
        for (int i = 0; i < userCount; i++)
        {
            string upn = $"user{i}@{(random.Next(4) == 0 ? "fabrikam.com" : "contoso.com")}";
            upns.Add(upn);
            builder.WithUser(upn, u => User(random, u));
        }

        int policyCount = random.Next(0, 11);
        switch (random.Next(8))
        {
            case 0: builder.WithSectionNotCaptured(TenantSectionName.ConditionalAccessPolicies); break;
            case 1: builder.WithSectionFailed(TenantSectionName.ConditionalAccessPolicies, 403, requiredPermissions: "Policy.Read.All"); break;
            default:
                for (int i = 0; i < policyCount; i++)
                {
                    builder.WithConditionalAccessPolicy($"CA{i:00}", p => Policy(random, p, upns));
                }

                break;
        }

        if (random.Next(3) == 0)
        {
            builder.WithExchangeOnline(e => Exchange(random, e, upns));
        }

        if (random.Next(4) == 0)
        {
            builder.WithMissingUser("gone@contoso.com");
        }

        var snapshot = builder.Build();
        if (random.Next(4) == 0)
        {
            // Graph's default projection has no userType (a user read without $select); and it leaves roleTemplateId out without RoleManagement.Read.Directory: a role of unknown kind.
            var root = JsonNode.Parse(builder.BuildJson())!.AsObject();
            foreach (var user in root["users"]!.AsArray())
            {
                if (random.Next(8) == 0)
                {
                    user!["user"]!.AsObject().Remove("userType");
                }

                if (user!["sections"]?["transitiveMemberOf"]?["value"] is JsonArray members)
                {
                    foreach (var member in members)
                    {
                        if (member is JsonObject role && role.ContainsKey("roleTemplateId") && random.Next(2) == 0)
                        {
                            role.Remove("roleTemplateId");
                        }
                    }
                }
            }

            snapshot = TenantSnapshot.Parse(root.ToJsonString());
        }

        return (snapshot, [.. upns, "gone@contoso.com", "nobody@contoso.com"]);
    }

    /// <summary>The policies' ids, so that the sign-in log and What-If can name them, and one the snapshot never holds.</summary>
    private static readonly string[] ObservedPolicyIds = [.. PolicyIds, "0000ca00-0000-4000-8000-000000000099"];

    private static readonly string[] ClientApps = ["Authenticated SMTP", "IMAP4", "POP3", "Exchange ActiveSync", "Other clients", "Browser", "MAPI over HTTP"];

    private static readonly int[] ErrorCodes = [0, 0, 53003, 530035, 50076, 50079, 50126, 50053];

    private static readonly string[] Reasons = ["notSet", "users", "application", "clientApps", "location", "notEnoughInformation", "users,location", "policyNotEnabled"];

    /// <summary>Catalog v1.2: the sign-in log and Microsoft's What-If answers, sometimes failed.</summary>
    private static void Observed(Random random, UserBuilder user)
    {
        switch (random.Next(10))
        {
            case 0: user.SectionFailed(UserSectionName.SignIns, 403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", requiredPermissions: ["AuditLog.Read.All", "Directory.Read.All"]); break;
            case 1: user.SectionFailed(UserSectionName.ConditionalAccessEvaluation, 403, "Authorization_RequestDenied", requiredPermissions: "Policy.Read.ConditionalAccess"); break;
            case 2 or 3 or 4:
                for (int n = random.Next(1, 4); n > 0; n--)
                {
                    string policy = Pick(random, ObservedPolicyIds);
                    bool named = random.Next(3) != 0;
                    string result = random.Next(4) == 0 ? "success" : "failure";
                    user.SignIn(TimeSpan.FromHours(random.Next(-2, 24 * 8)), Pick(random, ClientApps), Pick(random, ErrorCodes), s =>
                    {
                        if (named)
                        {
                            s.AppliedPolicy(policy, null, result);
                        }
                    });
                }

                break;
            default: break;
        }

        if (random.Next(3) == 0)
        {
            var answers = ObservedPolicyIds.Where(_ => random.Next(3) == 0).Select(id => (id, random.Next(2) == 0, Pick(random, Reasons))).ToArray();
            var type = Pick(random, new[] { ClientAppType.Other, ClientAppType.ExchangeActiveSync, ClientAppType.Browser });
            user.WhatIf(type, w =>
            {
                foreach (var (id, applies, reasons) in answers)
                {
                    w.Result(id, applies, applies ? "notSet" : reasons);
                }
            });
            if (random.Next(2) == 0)
            {
                var registration = ObservedPolicyIds.Where(_ => random.Next(3) == 0).Select(id => (id, random.Next(2) == 0)).ToArray();
                user.WhatIfRegisterSecurityInfo(w =>
                {
                    foreach (var (id, applies) in registration)
                    {
                        w.Result(id, applies, applies ? "notSet" : "users");
                    }
                });
            }
        }
    }

    private static void User(Random random, UserBuilder user)
    {
        Observed(random, user);

        switch (random.Next(12))
        {
            case 0: user.SectionNotCaptured(UserSectionName.AuthenticationRequirements); break;
            case 1: user.PerUserMfaRaw("someNewState"); break;
            case 2 or 3: user.PerUserMfa(PerUserMfaState.Enabled); break;
            case 4 or 5 or 6: user.PerUserMfa(PerUserMfaState.Enforced); break;
            default: user.PerUserMfa(PerUserMfaState.Disabled); break;
        }

        switch (random.Next(10))
        {
            case 0: user.Disabled(); break;
            case 1: user.AccountEnabled(null); break;
            case 2: user.Guest(); break;
            default: break;
        }

        if (random.Next(4) == 0)
        {
            user.Synced();
        }

        switch (random.Next(5))
        {
            case 0: user.NoMfaMethods(); break;
            case 1: user.SectionNotCaptured(UserSectionName.AuthenticationMethods); break;
            default: break;
        }

        if (random.Next(6) == 0)
        {
            user.SectionFailed(UserSectionName.TransitiveMemberOf, 403, requiredPermissions: "GroupMember.Read.All");
        }
        else
        {
            var groups = Groups.Where(_ => random.Next(2) == 0).ToArray();
            if (groups.Length > 0)
            {
                user.MemberOf(groups);
            }

            if (random.Next(4) == 0)
            {
                user.WithRole(Pick(random, Roles));
            }
        }
    }

    private static void Policy(Random random, ConditionalAccessPolicyBuilder p, List<string> upns)
    {
        switch (random.Next(10))
        {
            case 0: p.ReportOnly(); break;
            case 1: p.Disabled(); break;
            case 2: p.StateRaw("enabledForSomethingNew"); break;
            default: p.Enabled(); break;
        }

        // Scope: users, groups, roles, guests, All, None; then exclusions.
        switch (random.Next(7))
        {
            case 0: p.IncludeUsers(KnownUsers.All); break;
            case 1: p.IncludeUsers(Pick(random, upns)); break;
            case 2: p.IncludeGroups(Pick(random, Groups)); break;
            case 3: p.IncludeRoles(Pick(random, Roles)); break;
            case 4: p.IncludeGuestsOrExternalUsers(); break;
            case 5: p.IncludeUsers(KnownUsers.None); break;
            default: p.IncludeUsers(KnownUsers.All); break;
        }

        switch (random.Next(8))
        {
            case 0: p.ExcludeUsers(Pick(random, upns)); break;
            case 1: p.ExcludeGroups(Pick(random, Groups)); break;
            case 2: p.ExcludeRoles(Pick(random, Roles)); break;
            case 3: p.ExcludeGuestsOrExternalUsers(); break;
            default: break;
        }

        switch (random.Next(6))
        {
            case 0: p.IncludeApplications("Office365"); break;
            case 1: p.IncludeApplications(KnownApps.ExchangeOnline); break;
            case 2: p.IncludeApplications("00000003-0000-0ff1-ce00-000000000000"); break;
            case 3: p.IncludeUserActions(KnownUserActions.RegisterSecurityInfo); break;
            default: p.IncludeApplications("All"); break;
        }

        if (random.Next(8) == 0)
        {
            p.ExcludeApplications("Office365");
        }

        switch (random.Next(6))
        {
            case 0: p.ClientAppTypes(ClientAppType.ExchangeActiveSync); break;
            case 1: p.ClientAppTypes(ClientAppType.Browser, ClientAppType.MobileAppsAndDesktopClients); break;
            case 2: p.ClientAppTypes(ClientAppType.ExchangeActiveSync, ClientAppType.Other); break;
            case 3: p.ClientAppTypes(ClientAppType.All); break;
            default: break; // none: all client types
        }

        switch (random.Next(7))
        {
            case 0: p.Block(); break;
            case 1: p.RequireCompliantDevice(); break;
            case 2: p.RequireAuthenticationStrength(KnownAuthenticationStrengths.Multifactor); break;
            case 3: p.RequireMfa().RequireTermsOfUse("Terms"); break;
            case 4: p.NoGrantControls(); break;
            default: p.RequireMfa(); break;
        }

        switch (random.Next(10))
        {
            case 0: p.OutsideTrustedLocations(); break;
            case 1: p.SignInRiskLevels(RiskLevel.High); break;
            case 2: p.AuthenticationFlows(AuthenticationFlowTransferMethods.DeviceCodeFlow); break;
            default: break;
        }
    }

    private static void Exchange(Random random, ExchangeOnlineBuilder exchange, List<string> upns)
    {
        exchange.SmtpClientAuthenticationDisabled(random.Next(2) == 0);
        exchange.AuthenticationPolicy("Block Basic", allowBasicAuthSmtp: false);
        exchange.AuthenticationPolicy("Allow SMTP", allowBasicAuthSmtp: true);
        switch (random.Next(4))
        {
            case 0: exchange.DefaultAuthenticationPolicy("Block Basic"); break;
            case 1: exchange.DefaultAuthenticationPolicy("Not Captured Policy"); break;
            default: break;
        }

        foreach (string upn in upns.Where(_ => random.Next(2) == 0))
        {
            bool? disabled = random.Next(3) switch { 0 => true, 1 => false, _ => null };
            string? policy = random.Next(4) switch { 0 => "Allow SMTP", 1 => "Block Basic", 2 => "Missing Policy", _ => null };
            exchange.Mailbox(upn, disabled, policy);
        }
    }

    private static IReadOnlyList<AuthDiagnosticsOptions> CreateOptions()
    {
        var regraded = new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.SmtpAuth };
        regraded.Rules.SetSeverity(DiagnosticCodes.SecurityDefaultsEnabled, Severity.Warning);
        regraded.Rules.SetSeverity(DiagnosticCodes.NoMfaMethodRegistered, Severity.Blocker);
        regraded.Rules.Disable(DiagnosticCodes.ReportOnlyPolicyWouldBlock);
        var silenced = new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.Imap | LegacyProtocols.SmtpAuth };
        silenced.Rules.Disable(DiagnosticCodes.DataNotCaptured);
        silenced.Rules.Disable(DiagnosticCodes.PerUserMfaDisabled);
        silenced.Rules.SetSeverity(DiagnosticCodes.TenantAppPasswordSettingUnknown, Severity.Blocker);
        return
        [
            new AuthDiagnosticsOptions(),
            new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.SmtpAuth },
            new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.Imap },
            new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.ExchangeActiveSync | LegacyProtocols.SmtpAuth },
            new AuthDiagnosticsOptions { TargetResourceAppId = "00000003-0000-0ff1-ce00-000000000000" },
            regraded,
            silenced,
            AcceptingBlockers(),
            AcceptingWarnings(),
        ];
    }

    /// <summary>
    /// Accepted risks over the random tenants' blockers: by code; by code and user (UPN in another case, object id); by
    /// code and policy (the ids of the generated policies CA00 … CA09, and one no tenant has); some in force on every
    /// capture date, some only on the earlier ones (2026-11-24 is the last day of one), some expired on all.
    /// </summary>
    private static AuthDiagnosticsOptions AcceptingBlockers()
    {
        var options = new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.SmtpAuth };
        var risks = options.AcceptedRisks;
        risks.Add(Accept(DiagnosticCodes.SecurityDefaultsEnabled, 2030, 1, 1));
        risks.Add(Accept(DiagnosticCodes.PerUserMfaDisabled, 2026, 11, 24) with { User = "user0@contoso.com" });
        risks.Add(Accept(DiagnosticCodes.PerUserMfaEnabledNotEnforced, 2030, 1, 1) with { User = UserId("user1@contoso.com") });
        risks.Add(Accept(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, 2030, 1, 1) with { PolicyId = PolicyIds[1] });
        risks.Add(Accept(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, 2030, 1, 1) with { PolicyId = PolicyIds[2].ToUpperInvariant() });
        risks.Add(Accept(DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients, 2030, 1, 1) with { PolicyId = PolicyIds[3], User = "user2@contoso.com" });
        risks.Add(Accept(DiagnosticCodes.DataNotCaptured, 2030, 1, 1) with { PolicyId = PolicyIds[4] });
        risks.Add(Accept(DiagnosticCodes.DataNotCaptured, 2030, 1, 1) with { PolicyId = PolicyIds[5] });
        risks.Add(Accept(DiagnosticCodes.SmtpAuthDisabledForMailbox, 2026, 1, 1));
        risks.Add(Accept(DiagnosticCodes.AppPasswordsDisabledForTenant, 2030, 1, 1) with { User = "USER2@CONTOSO.COM" });
        risks.Add(Accept(DiagnosticCodes.AccountDisabled, 2030, 1, 1) with { User = "user3@contoso.com" });
        risks.Add(Accept(DiagnosticCodes.FederatedDomain, 2030, 1, 1) with { User = "user1@fabrikam.com" });
        risks.Add(Accept(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, 2030, 1, 1) with { PolicyId = "0b2282f9-2862-4178-88b5-d79340b36cb8" });
        return options;
    }

    /// <summary>Accepted risks over codes the host re-grades to blockers, over data findings, and over advice.</summary>
    private static AuthDiagnosticsOptions AcceptingWarnings()
    {
        var options = new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.Imap };
        options.Rules.SetSeverity(DiagnosticCodes.ConditionalAccessPolicyMayApply, Severity.Blocker);
        options.Rules.SetSeverity(DiagnosticCodes.SecurityInfoRegistrationBlocked, Severity.Blocker);
        options.Rules.SetSeverity(DiagnosticCodes.ReportOnlyPolicyWouldBlock, Severity.Blocker);
        options.Rules.SetSeverity(DiagnosticCodes.MfaOnlyFromConditionalAccess, Severity.Blocker);
        var risks = options.AcceptedRisks;
        risks.Add(Accept(DiagnosticCodes.ConditionalAccessPolicyMayApply, 2030, 1, 1) with { PolicyId = PolicyIds[0] });
        risks.Add(Accept(DiagnosticCodes.ConditionalAccessPolicyMayApply, 2030, 1, 1) with { PolicyId = PolicyIds[6] });
        risks.Add(Accept(DiagnosticCodes.SecurityInfoRegistrationBlocked, 2030, 1, 1) with { PolicyId = PolicyIds[7] });
        risks.Add(Accept(DiagnosticCodes.ReportOnlyPolicyWouldBlock, 2030, 1, 1) with { User = "user1@contoso.com" });
        risks.Add(Accept(DiagnosticCodes.MfaOnlyFromConditionalAccess, 2030, 1, 1) with { PolicyId = PolicyIds[8] });
        risks.Add(Accept(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, 2025, 12, 31));
        risks.Add(Accept(DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients, 2020, 1, 1) with { PolicyId = PolicyIds[9] });
        risks.Add(Accept(DiagnosticCodes.DataNotCaptured, 2030, 1, 1) with { User = "user1@contoso.com" });
        risks.Add(Accept(DiagnosticCodes.GuestAccount, 2030, 1, 1));
        risks.Add(Accept(DiagnosticCodes.LegacyProtocolRetired, 2027, 1, 15));
        risks.Add(Accept(DiagnosticCodes.NoMfaMethodRegistered, 2030, 1, 1) with { User = "user0@contoso.com" });
        risks.Add(Accept(DiagnosticCodes.ModernAuthenticationRecommended, 2030, 1, 1));
        risks.Add(Accept(DiagnosticCodes.PerUserMfaMixedWithConditionalAccess, 2030, 1, 1) with { User = "user2@contoso.com" });
        return options;
    }

    private static AcceptedRisk Accept(string code, int year, int month, int day) =>
        new(code, "Random tenants: accepted for the property", "tests@contoso.com", new DateOnly(year, month, day));

    /// <summary>The ids the builder derives for the policies CA00 … CA09 (the same in every random tenant).</summary>
    private static string[] PolicyIds
    {
        get
        {
            var builder = new SnapshotBuilder();
            for (int i = 0; i < 10; i++)
            {
                builder.WithConditionalAccessPolicy($"CA{i:00}");
            }

            return builder.Build().Sections.ConditionalAccessPolicies.Value!.Select(p => p.Id).ToArray();
        }
    }

    /// <summary>The object id the builder derives for <paramref name="upn"/>.</summary>
    private static string UserId(string upn) => new SnapshotBuilder().WithUser(upn).Build().Users[0].User.Id;

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
