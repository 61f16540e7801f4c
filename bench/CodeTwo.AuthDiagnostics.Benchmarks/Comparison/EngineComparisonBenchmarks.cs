using BenchmarkDotNet.Attributes;

using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Testing;
using RulesEngine.Models;

namespace CodeTwo.AuthDiagnostics.Benchmarks.Comparison;

/// <summary>
/// Issue #11: the project's engine beside Microsoft RulesEngine 6.0.1 running the nine app-password checks as lambda
/// expressions, on the same generated tenants (2,000 users; 10 or 200 Conditional Access policies) and the same
/// 300 users. Every benchmark is reported per user (<c>OperationsPerInvoke</c>).
/// </summary>
/// <remarks>
/// The comparison favours RulesEngine: its inputs are converted from the snapshot once, in <see cref="Setup"/>, its
/// expressions are compiled there, and its rule parameters are built there too, so only <c>ExecuteAllRulesAsync</c>
/// is measured. <c>Diagnose</c> reads the snapshot itself and does more than nine pass/fails: evidence per finding,
/// root causes, the plan and the counterfactual.
/// </remarks>
[MemoryDiagnoser]
public class EngineComparisonBenchmarks
{
    /// <summary>How many users each invocation evaluates.</summary>
    public const int Users = 300;
    public const int TenantUsers = 2_000;

    private TenantSnapshot snapshot = null!;
    private DiagnosticEngine engine = null!;
    private UserRef[] users = null!;
    private global::RulesEngine.RulesEngine rulesEngine = null!;
    private RuleParameter[][] ruleParameters = null!;

    /// <summary>Conditional Access policies in the generated tenant.</summary>
    [Params(10, 200)]
    public int Policies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        snapshot = LargeTenantGenerator.Generate(TenantUsers, Policies).Snapshot;
        int count = snapshot.Users.Count;
        var upns = Enumerable.Range(0, Users).Select(i => snapshot.Users[i * count / Users].User.UserPrincipalName).ToArray();
        users = upns.Select(UserRef.Parse).ToArray();

        engine = new DiagnosticEngine();
        engine.Diagnose(snapshot, users[0]); // builds the engine's index of the snapshot

        var tenant = ComparisonInputs.Tenant(snapshot);
        var inputs = upns.Select(upn => ComparisonInputs.User(snapshot, upn)).ToArray();
        ruleParameters = inputs.Select(user => RulesEngineChecks.Parameters(user, tenant)).ToArray();
        rulesEngine = RulesEngineChecks.Create();

        // Warms RulesEngine (its expressions compile on first use) and checks that both sides read the same facts.
        int allPassed = 0;
        int available = 0;
        var failures = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int caAgreements = 0;
        for (int i = 0; i < Users; i++)
        {
            var results = rulesEngine.ExecuteAllRulesAsync(RulesEngineChecks.WorkflowName, ruleParameters[i]).AsTask().GetAwaiter().GetResult();
            var broken = results.Find(r => !string.IsNullOrEmpty(r.ExceptionMessage));
            if (results.Count != 9 || broken is not null)
            {
                throw new InvalidOperationException($"RulesEngine did not run the nine checks for {upns[i]}: {results.Count} results, {broken?.ExceptionMessage}");
            }

            bool mfaEnforced = results.Single(r => r.Rule.RuleName == RulesEngineChecks.PerUserMfaEnforced).IsSuccess;
            var diagnosis = engine.Diagnose(snapshot, users[i]);
            bool perUserMfaFinding = diagnosis.Findings.Any(f => f.Code is DiagnosticCodes.PerUserMfaDisabled or DiagnosticCodes.PerUserMfaEnabledNotEnforced);
            if (mfaEnforced == perUserMfaFinding)
            {
                throw new InvalidOperationException(
                    $"The two engines disagree on {upns[i]}: RulesEngine's per-user MFA check {(mfaEnforced ? "passed" : "failed")}, " +
                    $"Diagnose {(perUserMfaFinding ? "reported" : "did not report")} APW011/APW012.");
            }

            var assessment = engine.Assess(snapshot, users[i]);
            if (assessment.Verdict != diagnosis.Verdict || !assessment.Codes.SequenceEqual(diagnosis.Findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal)))
            {
                throw new InvalidOperationException($"Assess and Diagnose disagree on {upns[i]}: {assessment} against {diagnosis.Verdict}.");
            }

            allPassed += results.TrueForAll(r => r.IsSuccess) ? 1 : 0;
            available += diagnosis.Verdict == Verdict.Available ? 1 : 0;
            foreach (var failed in results.Where(r => !r.IsSuccess))
            {
                failures[failed.Rule.RuleName] = failures.GetValueOrDefault(failed.Rule.RuleName) + 1;
            }

            // For information only (not enforced): checks 7 and 8 against the engine's APW020/APW021.
            bool caBlocks = !results.Single(r => r.Rule.RuleName == RulesEngineChecks.NoBlockingPolicy).IsSuccess
                || !results.Single(r => r.Rule.RuleName == RulesEngineChecks.NoUnsatisfiableGrantPolicy).IsSuccess;
            bool caFinding = diagnosis.Findings.Any(f => f.Code is DiagnosticCodes.LegacyAuthBlockedByConditionalAccess or DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients);
            caAgreements += caBlocks == caFinding ? 1 : 0;
        }

        Console.WriteLine($"// {Policies} policies: RulesEngine passes all nine checks for {allPassed} of {Users} users; Diagnose says available for {available}.");
        Console.WriteLine($"// {Policies} policies: failures per check: {string.Join(", ", failures.Select(f => $"{f.Key} {f.Value}"))}.");
        Console.WriteLine($"// {Policies} policies: checks 7/8 agree with APW020/APW021 for {caAgreements} of {Users} users.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Users, Description = "RulesEngine: 9 checks")]
    public async Task<int> RulesEngineChecks9()
    {
        int passed = 0;
        foreach (var parameters in ruleParameters)
        {
            var results = await rulesEngine.ExecuteAllRulesAsync(RulesEngineChecks.WorkflowName, parameters);
            passed += results.TrueForAll(r => r.IsSuccess) ? 1 : 0;
        }

        return passed;
    }

    [Benchmark(OperationsPerInvoke = Users, Description = "Diagnose")]
    public int Diagnose()
    {
        int available = 0;
        foreach (var user in users)
        {
            available += engine.Diagnose(snapshot, user).Verdict == Verdict.Available ? 1 : 0;
        }

        return available;
    }

    [Benchmark(OperationsPerInvoke = Users, Description = "Diagnose, every word read")]
    public int DiagnoseAndRead()
    {
        int length = 0;
        foreach (var user in users)
        {
            length += Words.Read(engine.Diagnose(snapshot, user));
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = Users, Description = "Assess")]
    public int Assess()
    {
        int available = 0;
        foreach (var user in users)
        {
            available += engine.Assess(snapshot, user).Verdict == Verdict.Available ? 1 : 0;
        }

        return available;
    }
}
