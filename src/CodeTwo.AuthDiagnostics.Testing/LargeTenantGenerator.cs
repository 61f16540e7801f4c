using System.Globalization;
using System.Text;
using CodeTwo.AuthDiagnostics.Testing.Internal;

namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>
/// Generates a large, realistic tenant deterministically from a seed: the "large tenant" fixture of performance and
/// paging tests and of the benchmarks. Generation is linear in the number of users and policies.
/// </summary>
/// <remarks>
/// <para>
/// The tenant: Microsoft 365 E5 (Entra ID P1 and P2), security defaults off, authentication methods policy
/// <c>migrationComplete</c>, <c>mfaServicePolicy</c> captured with app passwords allowed, domains <c>contoso.com</c>
/// (managed, default), <c>corp.contoso.com</c> (federated) and <c>contoso.onmicrosoft.com</c>, and a pool of
/// <see cref="GroupPoolSize"/> groups.
/// </para>
/// <para>
/// Users (exactly as many as asked): two break-glass Global Administrators (<c>breakglass01@contoso.onmicrosoft.com</c>,
/// <c>breakglass02@…</c>) and the service account <c>svc-backup@contoso.com</c> come first; the others are about 5%
/// B2B guests, 3% disabled accounts, a third of the members synced from on-premises (some on the federated domain), 2%
/// administrators holding one or two directory roles; per-user MFA about 72% disabled, 8% enabled, 20% enforced;
/// about 10% without any MFA-capable method; every member in "All Staff", one department group and up to four more.
/// </para>
/// <para>
/// Policies (exactly as many as asked): about 75% enabled, 15% report-only, 10% disabled; scoped to all users (minus the
/// break-glass accounts), groups, admin roles, guests or named users; targeting All, Office365, specific apps or the
/// security-info registration user action; client app types all, legacy only, or modern only; granting mfa, block,
/// compliant or hybrid-joined devices, an authentication strength or terms of use; some with locations, platforms,
/// risk, device-filter or other sign-in conditions. Names follow the usual <c>CA001-Persona-Target-Grant</c> convention.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// GeneratedTenant tenant = LargeTenantGenerator.Generate(users: 10_000, policies: 200);
/// TenantSnapshot snapshot = tenant.Snapshot;          // 10,000 users, 200 Conditional Access policies
/// byte[] json = tenant.Utf8Json;                      // canonical JSON, identical for the same seed
///
/// // Or start from the builder and add the user under test:
/// TenantSnapshot custom = LargeTenantGenerator.CreateBuilder(users: 1_000, policies: 50, seed: 7)
///     .WithUser("backup@contoso.com", u => u.PerUserMfa(PerUserMfaState.Enforced))
///     .Build();
/// </code>
/// </example>
public static class LargeTenantGenerator
{
    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 42;

    /// <summary>How many groups the generated tenant has.</summary>
    public const int GroupPoolSize = 200;

    /// <summary>UPNs of the users every generated tenant starts with (when it has that many users).</summary>
    public static readonly IReadOnlyList<string> WellKnownUsers = ["breakglass01@contoso.onmicrosoft.com", "breakglass02@contoso.onmicrosoft.com", "svc-backup@contoso.com"];

    private static readonly string[] FirstNames =
    [
        "adele", "alex", "allan", "amelia", "ana", "anders", "beatriz", "ben", "bianca", "carlos", "chen", "chloe", "christie", "daniel", "debra",
        "diego", "elena", "emily", "emma", "enrico", "fatima", "felix", "grace", "hana", "hannah", "henrietta", "hiro", "isaiah", "ivan", "jakob",
        "james", "johanna", "joni", "jordan", "julia", "kai", "karim", "katarzyna", "lee", "leila", "liam", "lidia", "lucas", "lynne", "maria",
        "mark", "mateo", "megan", "mei", "miriam", "mohammed", "nadia", "nestor", "noah", "nora", "olga", "omar", "patti", "pedro", "pradeep",
        "priya", "quinn", "rafael", "raj", "rosa", "ryan", "sakura", "sam", "sara", "sebastian", "sofia", "stefan", "tariq", "thomas", "tomasz",
        "valentina", "victor", "wei", "yara", "yusuf", "zoe",
    ];

    private static readonly string[] LastNames =
    [
        "abbott", "adams", "ahmed", "almeida", "andersen", "bauer", "becker", "bernard", "brown", "carvalho", "chen", "clark", "costa", "dubois", "evans",
        "fischer", "garcia", "gonzalez", "greene", "hansen", "hoffmann", "ito", "jansen", "johnson", "kim", "king", "kowalski", "kumar", "larsen", "lee",
        "lopez", "martin", "meyer", "miller", "moreau", "muller", "nakamura", "nguyen", "novak", "okafor", "olsen", "park", "patel", "perez", "peters",
        "petrov", "rossi", "russo", "santos", "schmidt", "schneider", "silva", "singh", "smith", "sousa", "suzuki", "tanaka", "taylor", "thomas",
        "varga", "wagner", "walker", "wang", "weber", "white", "wilson", "wong", "yamamoto", "young", "zhang",
    ];

    private static readonly string[] PartnerDomains = ["fabrikam.com", "northwindtraders.com", "adventure-works.com", "wingtiptoys.com", "tailspintoys.com", "litwareinc.com"];

    private static readonly string[] Departments =
    [
        "Sales", "Marketing", "Finance", "Human Resources", "Legal", "Engineering", "Research", "Support", "Operations", "IT",
        "Procurement", "Logistics", "Manufacturing", "Quality", "Security", "Facilities", "Communications", "Product", "Design", "Executive",
    ];

    private static readonly string[] Cities =
    [
        "Seattle", "New York", "Chicago", "Toronto", "Mexico City", "Sao Paulo", "London", "Dublin", "Paris", "Berlin",
        "Munich", "Warsaw", "Wroclaw", "Madrid", "Milan", "Amsterdam", "Stockholm", "Oslo", "Zurich", "Vienna",
        "Dubai", "Mumbai", "Bangalore", "Singapore", "Tokyo", "Seoul", "Shanghai", "Sydney", "Melbourne", "Johannesburg",
    ];

    private static readonly string[] Projects =
    [
        "Phoenix", "Atlas", "Orion", "Pegasus", "Hydra", "Nova", "Zephyr", "Aurora", "Titan", "Mercury",
        "Apollo", "Gemini", "Vega", "Lynx", "Falcon", "Kestrel", "Cobalt", "Onyx", "Quartz", "Sapphire",
    ];

    private static readonly string[] AdminRoles =
    [
        KnownRoles.ExchangeAdministrator, KnownRoles.SharePointAdministrator, KnownRoles.UserAdministrator, KnownRoles.HelpdeskAdministrator,
        KnownRoles.SecurityAdministrator, KnownRoles.TeamsAdministrator, KnownRoles.IntuneAdministrator, KnownRoles.BillingAdministrator,
        KnownRoles.GlobalReader, KnownRoles.ConditionalAccessAdministrator, KnownRoles.ApplicationAdministrator, KnownRoles.GlobalAdministrator,
    ];

    private static readonly string[] CustomApps =
    [
        "5b8e0cc4-59c6-4f5e-8b6a-0e4f39a7d1c2", "a1f6b3d2-7c4e-4d8a-9b1f-3e2c6d5a4b70", "d47c2e91-8f3b-4a6d-b5c0-1e9f7a2d3c48",
        "0e3a9c7b-2d4f-4e6a-8c1b-5f7d9e2a4c36", "c9b2d4e6-1a3f-4c5e-9d7b-2e4a6c8f0b13",
    ];

    private static readonly string[] SpecificApps = [KnownApps.ExchangeOnline, KnownApps.SharePointOnline, KnownApps.MicrosoftTeams, KnownApps.AzureServiceManagement, KnownApps.MicrosoftGraph, .. CustomApps];

    private static readonly string[] NamedLocations = ["9d3b5f7a-1c2e-4a6b-8d0f-2e4c6a8b0d1f", "3f5a7c9e-2b4d-4f6a-8c0e-1a3c5e7a9b2d"];

    /// <summary>
    /// The generated tenant as a <see cref="SnapshotBuilder"/>, so a test can add or change users and policies before building.
    /// </summary>
    /// <param name="users">How many users (0 or more).</param>
    /// <param name="policies">How many Conditional Access policies (0 or more).</param>
    /// <param name="seed">The seed: the same arguments always give the same tenant.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="users"/> or <paramref name="policies"/> is negative.</exception>
    public static SnapshotBuilder CreateBuilder(int users, int policies, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(users);
        ArgumentOutOfRangeException.ThrowIfNegative(policies);

        var random = new DeterministicRandom(seed);
        var builder = new SnapshotBuilder()
            .WithTenantId(new Guid(DeterministicIds.Guid("largeTenant", seed.ToString(CultureInfo.InvariantCulture))))
            .WithEntraIdP2()
            .WithSecurityDefaults(enabled: false)
            .WithAuthenticationMethodsPolicy(PolicyMigrationState.MigrationComplete)
            .WithMfaServicePolicy(allowAppPasswords: true)
            .WithDomain("corp.contoso.com", DomainAuthenticationType.Federated);
        builder.SelectedMembershipProperties = true;

        var groups = GroupNames();
        foreach (string group in groups)
        {
            builder.WithGroup(group);
        }

        var memberUpns = AddUsers(builder, random, users, groups);
        AddPolicies(builder, random, policies, groups, memberUpns, users);
        return builder;
    }

    /// <summary>Generates the tenant: the snapshot, and its canonical JSON (written on first use).</summary>
    /// <param name="users">How many users (0 or more).</param>
    /// <param name="policies">How many Conditional Access policies (0 or more).</param>
    /// <param name="seed">The seed: the same arguments always give byte-identical JSON.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="users"/> or <paramref name="policies"/> is negative.</exception>
    public static GeneratedTenant Generate(int users, int policies, int seed = DefaultSeed) =>
        new(CreateBuilder(users, policies, seed).Build(), seed);

    private static List<string> GroupNames()
    {
        var names = new List<string>(GroupPoolSize)
        {
            "All Staff", "Break Glass Accounts", "Service Accounts", "Backup Operators", "CA - Exclusions", "CA - Pilot Users",
            "MFA Registration Exempt", "Privileged Access Workstations", "Contractors", "Frontline Workers",
        };
        names.AddRange(Departments.Select(d => "Dept - " + d));
        names.AddRange(Cities.Select(c => "Site - " + c));
        int index = 0;
        while (names.Count < GroupPoolSize)
        {
            string project = Projects[index % Projects.Length];
            int wave = (index / Projects.Length) + 1;
            names.Add(string.Create(CultureInfo.InvariantCulture, $"Project {project} - Team {wave}"));
            index++;
        }

        return names;
    }

    private static List<string> AddUsers(SnapshotBuilder builder, DeterministicRandom random, int count, List<string> groups)
    {
        var members = new List<string>(count);
        var usedUpns = new HashSet<string>(count, StringComparer.OrdinalIgnoreCase);
        var assignable = groups.Skip(4).ToArray();

        for (int i = 0; i < count; i++)
        {
            if (i < WellKnownUsers.Count)
            {
                string upn = WellKnownUsers[i];
                usedUpns.Add(upn);
                if (i < 2)
                {
                    builder.WithUser(upn, u => u
                        .DisplayName(string.Create(CultureInfo.InvariantCulture, $"Break Glass {i + 1:00}"))
                        .PerUserMfa(PerUserMfaState.Disabled)
                        .Methods(AuthenticationMethodKind.Password, AuthenticationMethodKind.Fido2)
                        .MemberOf("Break Glass Accounts")
                        .WithRole(KnownRoles.GlobalAdministrator));
                }
                else
                {
                    builder.WithUser(upn, u => u
                        .DisplayName("CodeTwo Backup")
                        .PerUserMfa(PerUserMfaState.Enforced)
                        .MemberOf("All Staff", "Service Accounts", "Backup Operators"));
                    members.Add(upn);
                }

                continue;
            }

            string first = random.Pick(FirstNames);
            string last = random.Pick(LastNames);
            bool guest = random.Chance(0.05);
            string display = Title(first) + " " + Title(last);

            if (guest)
            {
                string partner = random.Pick(PartnerDomains);
                string upn = Unique(usedUpns, first + "." + last + "_" + partner, "#EXT#@contoso.onmicrosoft.com");
                var methods = random.Chance(0.5)
                    ? new[] { AuthenticationMethodKind.Phone, AuthenticationMethodKind.MicrosoftAuthenticator }
                    : [AuthenticationMethodKind.MicrosoftAuthenticator];
                string? group = random.Chance(0.4) ? random.Pick(assignable) : null;
                bool disabled = random.Chance(0.03);
                builder.WithUser(upn, u =>
                {
                    u.Guest().DisplayName(display + " (" + Title(partner[..partner.IndexOf('.', StringComparison.Ordinal)]) + ")").Methods(methods);
                    if (group is not null)
                    {
                        u.MemberOf(group);
                    }

                    if (disabled)
                    {
                        u.Disabled();
                    }
                });
                continue;
            }

            bool synced = random.Chance(0.35);
            string domain = synced && random.Chance(0.15) ? "corp.contoso.com" : "contoso.com";
            string memberUpn = Unique(usedUpns, first + "." + last, "@" + domain);
            double mfa = random.NextDouble();
            var state = mfa < 0.72 ? PerUserMfaState.Disabled : mfa < 0.80 ? PerUserMfaState.Enabled : PerUserMfaState.Enforced;
            var memberMethods = MemberMethods(random);
            bool disabledMember = random.Chance(0.03);
            string department = "Dept - " + random.Pick(Departments);
            var extraGroups = random.PickDistinct(assignable, random.Between(0, 4));
            var roles = random.Chance(0.02) ? random.PickDistinct(AdminRoles, random.Chance(0.25) ? 2 : 1) : [];

            builder.WithUser(memberUpn, u =>
            {
                u.DisplayName(display).PerUserMfa(state).Methods(memberMethods).MemberOf("All Staff", department).MemberOf([.. extraGroups]);
                if (synced)
                {
                    u.Synced();
                }

                if (disabledMember)
                {
                    u.Disabled();
                }

                foreach (string role in roles)
                {
                    u.WithRole(role);
                }
            });
            members.Add(memberUpn);
        }

        return members;
    }

    private static AuthenticationMethodKind[] MemberMethods(DeterministicRandom random)
    {
        double roll = random.NextDouble();
        if (roll < 0.06)
        {
            return [AuthenticationMethodKind.Password];
        }

        if (roll < 0.10)
        {
            return [AuthenticationMethodKind.Password, AuthenticationMethodKind.Email];
        }

        var methods = new List<AuthenticationMethodKind>(5) { AuthenticationMethodKind.Password, AuthenticationMethodKind.MicrosoftAuthenticator };
        if (random.Chance(0.45))
        {
            methods.Add(AuthenticationMethodKind.Phone);
        }

        if (random.Chance(0.10))
        {
            methods.Add(AuthenticationMethodKind.WindowsHelloForBusiness);
        }

        if (random.Chance(0.05))
        {
            methods.Add(AuthenticationMethodKind.Fido2);
        }

        if (random.Chance(0.05))
        {
            methods.Add(AuthenticationMethodKind.SoftwareOath);
        }

        return [.. methods];
    }

    private static void AddPolicies(SnapshotBuilder builder, DeterministicRandom random, int count, List<string> groups, List<string> memberUpns, int userCount)
    {
        bool haveBreakGlass = userCount >= 2;
        var scopedGroups = groups.Skip(4).ToArray();
        for (int i = 0; i < count; i++)
        {
            // Draw every choice first, in a fixed order, so the sequence never depends on the configure callback.
            double stateRoll = random.NextDouble();
            double personaRoll = random.NextDouble();
            var personaGroups = random.PickDistinct(scopedGroups, random.Between(1, 3));
            var personaRoles = random.PickDistinct(AdminRoles, random.Between(2, 5));
            var personaUsers = memberUpns.Count == 0 ? [] : random.PickDistinct(memberUpns, random.Between(1, 5));
            bool excludeExceptionsGroup = random.Chance(0.4);
            double appRoll = random.NextDouble();
            var apps = random.PickDistinct(SpecificApps, random.Between(1, 3));
            bool excludeApp = random.Chance(0.1);
            string excludedApp = random.Pick(CustomApps);
            double clientRoll = random.NextDouble();
            double grantRoll = random.NextDouble();
            bool locations = random.Chance(0.15);
            string? namedLocation = random.Chance(0.3) ? random.Pick(NamedLocations) : null;
            bool platforms = random.Chance(0.10);
            bool signInRisk = random.Chance(0.04);
            bool userRisk = random.Chance(0.03);
            bool deviceFilter = random.Chance(0.03);
            bool insider = random.Chance(0.01);
            bool flows = random.Chance(0.01);
            bool appFilter = random.Chance(0.01);
            bool frequency = random.Chance(0.05);

            string persona;
            Action<ConditionalAccessPolicyBuilder> scope;
            if (personaRoll < 0.35)
            {
                persona = "AllUsers";
                scope = p =>
                {
                    p.IncludeUsers(KnownUsers.All);
                    if (excludeExceptionsGroup)
                    {
                        p.ExcludeGroups("CA - Exclusions");
                    }
                };
            }
            else if (personaRoll < 0.65)
            {
                persona = "Groups";
                scope = p => p.IncludeGroups([.. personaGroups]);
            }
            else if (personaRoll < 0.80)
            {
                persona = "Admins";
                scope = p => p.IncludeRoles([.. personaRoles]);
            }
            else if (personaRoll < 0.88)
            {
                persona = "Guests";
                scope = p =>
                {
                    if (excludeExceptionsGroup)
                    {
                        p.IncludeUsers(KnownUsers.GuestsOrExternalUsers);
                    }
                    else
                    {
                        p.IncludeGuestsOrExternalUsers();
                    }
                };
            }
            else if (personaRoll < 0.95 && personaUsers.Count > 0)
            {
                persona = "NamedUsers";
                scope = p => p.IncludeUsers([.. personaUsers]);
            }
            else
            {
                persona = "ServiceAccounts";
                scope = p => p.IncludeGroups("Service Accounts");
            }

            string target;
            Action<ConditionalAccessPolicyBuilder> targetApps;
            if (appRoll < 0.40)
            {
                target = "AllApps";
                targetApps = p =>
                {
                    p.IncludeApplications(KnownApps.All);
                    if (excludeApp)
                    {
                        p.ExcludeApplications(excludedApp);
                    }
                };
            }
            else if (appRoll < 0.65)
            {
                target = "O365";
                targetApps = p =>
                {
                    p.IncludeApplications(KnownApps.Office365);
                    if (excludeApp)
                    {
                        p.ExcludeApplications(KnownApps.MicrosoftTeams);
                    }
                };
            }
            else if (appRoll < 0.90)
            {
                target = "SelectedApps";
                targetApps = p => p.IncludeApplications([.. apps]);
            }
            else
            {
                target = "RegisterSecurityInfo";
                targetApps = p => p.IncludeUserActions(KnownUserActions.RegisterSecurityInfo);
            }

            ClientAppType[] clients = target == "RegisterSecurityInfo" || clientRoll < 0.45
                ? [ClientAppType.All]
                : clientRoll < 0.65 ? [ClientAppType.ExchangeActiveSync, ClientAppType.Other]
                : clientRoll < 0.90 ? [ClientAppType.Browser, ClientAppType.MobileAppsAndDesktopClients]
                : [ClientAppType.Other];
            bool legacyOnly = clients[^1] == ClientAppType.Other && clients[0] != ClientAppType.All;

            string grant;
            Action<ConditionalAccessPolicyBuilder> grantControls;
            if (legacyOnly || target == "RegisterSecurityInfo")
            {
                if (grantRoll < 0.85)
                {
                    (grant, grantControls) = ("Block", p => p.Block());
                }
                else
                {
                    (grant, grantControls) = ("RequireMFA", p => p.RequireMfa());
                }
            }
            else if (grantRoll < 0.45)
            {
                (grant, grantControls) = ("RequireMFA", p => p.RequireMfa());
            }
            else if (grantRoll < 0.57)
            {
                (grant, grantControls) = ("RequireCompliantDevice", p => p.RequireCompliantDevice());
            }
            else if (grantRoll < 0.67)
            {
                (grant, grantControls) = ("MFAOrCompliant", p => p.RequireMfa().RequireCompliantDevice().RequireOneOf());
            }
            else if (grantRoll < 0.76)
            {
                (grant, grantControls) = ("CompliantOrHybridJoined", p => p.RequireCompliantDevice().RequireDomainJoinedDevice());
            }
            else if (grantRoll < 0.89)
            {
                (grant, grantControls) = ("Block", p => p.Block());
            }
            else if (grantRoll < 0.97)
            {
                (grant, grantControls) = ("PhishingResistantMFA", p => p.RequireAuthenticationStrength(KnownAuthenticationStrengths.PhishingResistantMfa));
            }
            else
            {
                (grant, grantControls) = ("TermsOfUse", p => p.RequireMfa().RequireTermsOfUse("Contoso Acceptable Use Policy").RequireAll());
            }

            string name = string.Create(CultureInfo.InvariantCulture, $"CA{i + 1:000}-{persona}-{target}-{grant}");
            builder.WithConditionalAccessPolicy(name, p =>
            {
                if (stateRoll >= 0.90)
                {
                    p.Disabled();
                }
                else if (stateRoll >= 0.75)
                {
                    p.ReportOnly();
                }

                scope(p);
                if (haveBreakGlass)
                {
                    p.ExcludeUsers(WellKnownUsers[0], WellKnownUsers[1]);
                }

                targetApps(p);
                p.ClientAppTypes(clients);
                grantControls(p);

                if (locations)
                {
                    if (namedLocation is not null)
                    {
                        p.IncludeLocations(KnownLocations.All).ExcludeLocations(namedLocation);
                    }
                    else
                    {
                        p.OutsideTrustedLocations();
                    }
                }

                if (platforms)
                {
                    p.IncludePlatforms(DevicePlatform.All).ExcludePlatforms(DevicePlatform.Windows, DevicePlatform.MacOS);
                }

                if (signInRisk)
                {
                    p.SignInRiskLevels(RiskLevel.High, RiskLevel.Medium);
                }

                if (userRisk)
                {
                    p.UserRiskLevels(RiskLevel.High);
                }

                if (deviceFilter)
                {
                    p.DeviceFilter("device.trustType -eq \"ServerAD\" -or device.isCompliant -eq True");
                }

                if (insider)
                {
                    p.InsiderRiskLevels(InsiderRiskLevels.Elevated);
                }

                if (flows)
                {
                    p.AuthenticationFlows(AuthenticationFlowTransferMethods.DeviceCodeFlow);
                }

                if (appFilter)
                {
                    p.ApplicationFilter("CustomSecurityAttribute.Engineering_Project -eq \"Baker\"");
                }

                if (frequency)
                {
                    p.SignInFrequency(12);
                }
            });
        }
    }

    private static string Unique(HashSet<string> used, string local, string suffix)
    {
        string candidate = local + suffix;
        for (int n = 2; !used.Add(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{local}{n}{suffix}");
        }

        return candidate;
    }

    private static string Title(string word)
    {
        var builder = new StringBuilder(word.Length);
        bool start = true;
        foreach (char c in word)
        {
            builder.Append(start ? char.ToUpperInvariant(c) : c);
            start = c is ' ' or '-';
        }

        return builder.ToString();
    }
}

/// <summary>A tenant made by <see cref="LargeTenantGenerator.Generate"/>: the snapshot and its canonical JSON. Thread-safe.</summary>
public sealed class GeneratedTenant
{
    private readonly Lazy<byte[]> utf8Json;
    private readonly Lazy<string> json;

    internal GeneratedTenant(TenantSnapshot snapshot, int seed)
    {
        Snapshot = snapshot;
        Seed = seed;
        utf8Json = new Lazy<byte[]>(() => SnapshotWriter.ToUtf8Bytes(snapshot));
        json = new Lazy<string>(() => Encoding.UTF8.GetString(utf8Json.Value));
    }

    /// <summary>The snapshot.</summary>
    public TenantSnapshot Snapshot { get; }

    /// <summary>
    /// The snapshot as canonical UTF-8 JSON (what <see cref="SnapshotWriter"/> writes), written on first use and then
    /// shared: do not change the array.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "Benchmarks read the bytes directly; copying tens of megabytes would distort them.")]
    public byte[] Utf8Json => utf8Json.Value;

    /// <summary>The snapshot as a canonical JSON string (decoded from <see cref="Utf8Json"/> on first use).</summary>
    public string Json => json.Value;

    /// <summary>The seed the tenant was generated from.</summary>
    public int Seed { get; }
}
