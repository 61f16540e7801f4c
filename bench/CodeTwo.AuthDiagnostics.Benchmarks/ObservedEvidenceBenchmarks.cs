using System.Globalization;
using System.Text.Json.Nodes;

using BenchmarkDotNet.Attributes;

using CodeTwo.AuthDiagnostics.Testing;

namespace CodeTwo.AuthDiagnostics.Benchmarks;

/// <summary>
/// Issue #18 (catalog v1.2): <c>Assess</c> and <c>Diagnose</c> of the same users with and without the observed evidence:
/// 50 sign-ins each over the 7 days (browser and legacy clients; the newest legacy ones succeed, some older ones failed),
/// and What-If answers (the <c>other</c>, <c>exchangeActiveSync</c> and <c>registerSecurityInformation</c> evaluations,
/// each with a result for every policy of the tenant) that agree with the configuration, as Microsoft's answers mostly
/// do: "applies" for the policies the configuration reading applies, "does not apply" (<c>users</c>) for the others. The
/// generated tenant (2,000 users; 10 or 200 Conditional Access policies) is the same on both sides; only the 300
/// measured users gain the two sections. Reported per user (<c>OperationsPerInvoke</c>). Target: with ≤ 1.2× without.
/// The environment variable <c>OBSERVED_SECTIONS</c> (<c>signins</c>, <c>whatif</c>; default both) adds only one of them,
/// to see what each costs.
/// </summary>
[MemoryDiagnoser]
public class ObservedEvidenceBenchmarks
{
    public const int Users = 300;
    public const int TenantUsers = 2_000;
    public const int SignInsPerUser = 50;

    private static readonly string[] ClientApps = ["Browser", "Browser", "Mobile Apps and Desktop clients", "Authenticated SMTP", "IMAP4", "Other clients"];
    private static readonly int[] ErrorCodes = [0, 0, 0, 50126, 50076, 50053];

    private TenantSnapshot snapshot = null!;
    private DiagnosticEngine engine = null!;
    private UserRef[] users = null!;

    /// <summary>Conditional Access policies in the generated tenant.</summary>
    [Params(10, 200)]
    public int Policies { get; set; }

    /// <summary>Whether the measured users carry the <c>signIns</c> and <c>conditionalAccessEvaluation</c> sections.</summary>
    [Params(false, true)]
    public bool Observed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var generated = LargeTenantGenerator.Generate(TenantUsers, Policies);
        int count = generated.Snapshot.Users.Count;
        int[] measured = Enumerable.Range(0, Users).Select(i => i * count / Users).ToArray();
        users = measured.Select(i => UserRef.Parse(generated.Snapshot.Users[i].User.UserPrincipalName)).ToArray();
        snapshot = Observed ? WithObservedEvidence(generated, measured) : generated.Snapshot;
        engine = new DiagnosticEngine();

        // Warms the index, and checks that the two answers agree on these inputs.
        foreach (var user in users)
        {
            var diagnosis = engine.Diagnose(snapshot, user);
            var assessment = engine.Assess(snapshot, user);
            if (assessment.Verdict != diagnosis.Verdict)
            {
                throw new InvalidOperationException($"Assess and Diagnose disagree on {user}.");
            }
        }

        var codes = users.SelectMany(u => engine.Assess(snapshot, u).Codes).GroupBy(c => c).OrderBy(g => g.Key, StringComparer.Ordinal);
        Console.WriteLine($"// {Policies} policies, observed {Observed}: codes over {Users} users: {string.Join(", ", codes.Select(g => $"{g.Key} {g.Count()}"))}");
    }

    [Benchmark(OperationsPerInvoke = Users, Description = "Assess")]
    public int Assess()
    {
        int unusable = 0;
        foreach (var user in users)
        {
            unusable += engine.Assess(snapshot, user).Verdict == Verdict.Unusable ? 1 : 0;
        }

        return unusable;
    }

    [Benchmark(OperationsPerInvoke = Users, Description = "Diagnose")]
    public int Diagnose()
    {
        int findings = 0;
        foreach (var user in users)
        {
            findings += engine.Diagnose(snapshot, user).Findings.Count;
        }

        return findings;
    }

    /// <summary>The generated tenant with 50 sign-ins and What-If answers for each measured user (deterministic).</summary>
    private static TenantSnapshot WithObservedEvidence(GeneratedTenant generated, int[] measured)
    {
        var plain = new DiagnosticEngine();
        var root = JsonNode.Parse(generated.Utf8Json)!.AsObject();
        var capturedAt = DateTimeOffset.Parse(root["capturedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var policyIds = root["sections"]!["conditionalAccessPolicies"]!["value"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToArray();
        var random = new Random(18);
        var usersArray = root["users"]!.AsArray();
        foreach (int index in measured)
        {
            var entry = usersArray[index]!.AsObject();
            string id = entry["user"]!["id"]!.GetValue<string>();

            // What the configuration says applies to this user: Microsoft's answers agree with it.
            var findings = plain.Diagnose(generated.Snapshot, UserRef.Parse(id)).Findings;
            var legacy = findings.Where(f => f.PolicyId is not null && f.Code is DiagnosticCodes.LegacyAuthBlockedByConditionalAccess or DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients or DiagnosticCodes.ReportOnlyPolicyWouldBlock)
                .Select(f => f.PolicyId!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var registration = findings.Where(f => f.PolicyId is not null && f.Code == DiagnosticCodes.SecurityInfoRegistrationBlocked)
                .Select(f => f.PolicyId!).ToHashSet(StringComparer.OrdinalIgnoreCase);

            var signIns = new JsonArray();
            for (int i = 0; i < SignInsPerUser; i++)
            {
                // Newest first, every 3 hours or so: browser sign-ins, and legacy ones that succeed lately and failed before.
                string client = ClientApps[random.Next(ClientApps.Length)];
                int code = i < SignInsPerUser / 2 ? 0 : ErrorCodes[random.Next(ErrorCodes.Length)];
                signIns.Add(new JsonObject
                {
                    ["id"] = $"{id[..8]}-{i:0000}",
                    ["createdDateTime"] = (capturedAt - TimeSpan.FromMinutes(197 * (i + 1))).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["userId"] = id,
                    ["clientAppUsed"] = client,
                    ["ipAddress"] = "203.0.113.9",
                    ["status"] = new JsonObject { ["errorCode"] = code, ["failureReason"] = code == 0 ? "Other." : "Failed.", ["additionalDetails"] = null },
                    ["appliedConditionalAccessPolicies"] = new JsonArray(),
                    ["location"] = new JsonObject { ["city"] = "Redmond", ["countryOrRegion"] = "US" },
                });
            }

            string mode = Environment.GetEnvironmentVariable("OBSERVED_SECTIONS") ?? "both";
            if (mode != "whatif")
            {
                entry["sections"]!["signIns"] = new JsonObject { ["status"] = "captured", ["value"] = signIns };
            }

            if (mode == "signins")
            {
                continue;
            }

            entry["sections"]!["conditionalAccessEvaluation"] = new JsonObject
            {
                ["status"] = "captured",
                ["value"] = new JsonArray(
                    Evaluation(id, "#microsoft.graph.applicationContext", "other", policyIds, legacy),
                    Evaluation(id, "#microsoft.graph.applicationContext", "exchangeActiveSync", policyIds, legacy),
                    Evaluation(id, "#microsoft.graph.userActionContext", "browser", policyIds, registration)),
            };
        }

        return TenantSnapshot.Parse(root.ToJsonString());
    }

    private static JsonObject Evaluation(string userId, string context, string clientAppType, string[] policyIds, HashSet<string> applying)
    {
        var signInContext = new JsonObject { ["@odata.type"] = context };
        if (context.EndsWith("applicationContext", StringComparison.Ordinal))
        {
            signInContext["includeApplications"] = new JsonArray("00000002-0000-0ff1-ce00-000000000000");
        }
        else
        {
            signInContext["userAction"] = "registerSecurityInformation";
        }

        var results = new JsonArray();
        foreach (string policyId in policyIds)
        {
            bool applies = applying.Contains(policyId);
            results.Add(new JsonObject
            {
                ["id"] = policyId,
                ["displayName"] = "Policy " + policyId[..8],
                ["state"] = "enabled",
                ["policyApplies"] = applies,
                ["analysisReasons"] = applies ? "notSet" : "users",
            });
        }

        return new JsonObject
        {
            ["request"] = new JsonObject
            {
                ["signInIdentity"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.userSignIn", ["userId"] = userId },
                ["signInContext"] = signInContext,
                ["signInConditions"] = new JsonObject { ["clientAppType"] = clientAppType },
                ["appliedPoliciesOnly"] = false,
            },
            ["value"] = results,
        };
    }
}
