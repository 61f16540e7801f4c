using System.Runtime.CompilerServices;
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Rules.Catalog;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// Runs the rule set over snapshots. Built once (rules and options are frozen then), immutable, thread-safe and
/// reusable across snapshots and threads. A snapshot is indexed once per engine; one diagnosis is linear in the
/// number of Conditional Access policies and the user's memberships.
/// </summary>
/// <example>
/// <code>
/// var engine = new DiagnosticEngine();
/// Diagnosis diagnosis = engine.Diagnose(snapshot, UserRef.Parse("backup@contoso.com"));
/// Console.WriteLine(diagnosis.Verdict);
/// </code>
/// </example>
internal sealed class DiagnosticEngine
{
    private readonly Rule[] factRules;
    private readonly Rule[] outcomeRules;
    private readonly Dictionary<string, DiagnosticDescriptor> descriptors;
    private readonly ConditionalWeakTable<TenantSnapshot, SnapshotIndex> indexes = new();
    private readonly CodeTable codeTable;
    private readonly ConditionalWeakTable<TenantSnapshot, SnapshotIndex>.CreateValueCallback createIndex;

    /// <summary>Creates an engine with the built-in catalog and the host's options.</summary>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">Two rules describe the same code, or an option is invalid.</exception>
    public DiagnosticEngine(AuthDiagnosticsOptions? options = null)
    {
        options ??= new AuthDiagnosticsOptions();
        Settings = new DiagnosticsSettings(options);
        var rules = BuiltInRules.Create().Concat(options.Rules.AddedRules).ToArray();
        descriptors = DiagnosticCatalog.All.ToDictionary(d => d.Code, StringComparer.Ordinal);
        foreach (var rule in options.Rules.AddedRules)
        {
            foreach (var descriptor in rule.Descriptors)
            {
                if (!descriptors.TryAdd(descriptor.Code, descriptor))
                {
                    throw new ArgumentException($"Code {descriptor.Code} is described twice (rule {rule.Id}).", nameof(options));
                }
            }
        }

        factRules = rules.Where(r => r.Stage == RuleStage.Facts).Select(r => new Rule(r)).ToArray();
        outcomeRules = rules.Where(r => r.Stage == RuleStage.Outcome).Select(r => new Rule(r)).ToArray();
        Catalog = descriptors.Values.OrderBy(d => d.Code, StringComparer.Ordinal).ToArray();
        codeTable = new CodeTable(Catalog, Settings);
        createIndex = s => new SnapshotIndex(s, Settings);
    }

    /// <summary>The frozen settings.</summary>
    public DiagnosticsSettings Settings { get; }

    /// <summary>Every code this engine can report, in code order.</summary>
    public IReadOnlyList<DiagnosticDescriptor> Catalog { get; }

    /// <summary>The tenant-wide index of <paramref name="snapshot"/> (built on first use, then shared).</summary>
    /// <param name="snapshot">The snapshot.</param>
    public SnapshotIndex Index(TenantSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return indexes.GetValue(snapshot, createIndex);
    }

    /// <summary>Diagnoses one user. Never throws for a tenant state: rule failures become findings.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="user">The user (UPN or object id).</param>
    public Diagnosis Diagnose(TenantSnapshot snapshot, UserRef user)
    {
        var entry = Find(snapshot, user);
        return Diagnose(Index(snapshot), entry, user.Value!);
    }

    /// <summary>
    /// Assesses one user: the verdict and the codes of <see cref="Diagnose(TenantSnapshot, UserRef)"/>, without text,
    /// evidence or plan (the same decision pass, reporting bits only). Allocates nothing beyond the result (once the
    /// snapshot is indexed).
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="user">The user (UPN or object id).</param>
    public Assessment Assess(TenantSnapshot snapshot, UserRef user)
    {
        var entry = Find(snapshot, user);
        return Assess(Index(snapshot), entry, user.Value!);
    }

    /// <summary>Assesses every user of the snapshot, in document order, then every missing user.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public IEnumerable<Assessment> AssessAll(TenantSnapshot snapshot, CancellationToken cancellationToken = default) =>
        AssessAll(snapshot, null, cancellationToken);

    /// <summary>As <see cref="AssessAll(TenantSnapshot, CancellationToken)"/>, on at most <paramref name="workers"/> threads (the service passes the host's MaxDegreeOfParallelism; benchmarks compare).</summary>
    internal IEnumerable<Assessment> AssessAll(TenantSnapshot snapshot, int? workers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return TenantAssessment.Run(this, Index(snapshot), workers, cancellationToken);
    }

    internal Assessment Assess(SnapshotIndex index, UserEntry? entry, string requested)
    {
        var context = new RuleContext(codeTable, index, entry, requested, Settings, SimulatedChanges.None, findings: null);
        Run(factRules, ref context, RuleStage.Facts);
        var facts = context.Codes;
        var verdict = facts.Verdict;
        ulong roots = facts.RootCauses(verdict);
        context.EnterOutcome(verdict, facts);
        Run(outcomeRules, ref context, RuleStage.Outcome);
        return new Assessment(requested, entry?.User.Id, entry?.User.UserPrincipalName, verdict, codeTable, context.Codes.Fired, roots);
    }

    /// <summary>The facts stage alone, assessed after <paramref name="changes"/> (the counterfactual): the codes and so the verdict.</summary>
    private CodeSet Facts(SnapshotIndex index, UserEntry entry, string requested, SimulatedChanges changes)
    {
        var context = new RuleContext(codeTable, index, entry, requested, Settings, changes, findings: null);
        Run(factRules, ref context, RuleStage.Facts);
        return context.Codes;
    }

    private static UserEntry? Find(TenantSnapshot snapshot, UserRef user)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(user);
        var entry = snapshot.FindUser(user.Key);
        return entry is not null && IsMissing(snapshot, user) ? null : entry;
    }

    /// <summary>Whether the snapshot lists <paramref name="user"/> as asked for and not found (as the host spelled it, or by its canonical id).</summary>
    private static bool IsMissing(TenantSnapshot snapshot, UserRef user) =>
        snapshot.MissingUsers.Count > 0
        && (snapshot.MissingUsers.Contains(user.Value, StringComparer.OrdinalIgnoreCase)
            || (!ReferenceEquals(user.Key, user.Value) && snapshot.MissingUsers.Contains(user.Key, StringComparer.OrdinalIgnoreCase)));

    /// <summary>Diagnoses every user of the snapshot, lazily, in document order, then every missing user.</summary>
    /// <param name="snapshot">The snapshot.</param>
    public IEnumerable<Diagnosis> DiagnoseAll(TenantSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var index = Index(snapshot);
        foreach (var entry in snapshot.Users)
        {
            yield return Diagnose(index, entry, entry.User.UserPrincipalName);
        }

        foreach (string missing in snapshot.MissingUsers)
        {
            yield return Diagnose(index, null, missing);
        }
    }

    /// <summary>
    /// The findings <see cref="Diagnose(TenantSnapshot, UserRef)"/> reports for the user of entry
    /// <paramref name="entryIndex"/> (or a user missing from the snapshot when negative), in the same order, root causes
    /// and acceptances marked, words built on first read, but without the plan and the counterfactual: what tenant-wide
    /// reports aggregate (issue #19).
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="entryIndex">The user's index in <see cref="TenantSnapshot.Users"/>, or -1 for a missing user.</param>
    /// <param name="requested">The user as asked for.</param>
    internal Finding[] FindingsOf(TenantSnapshot snapshot, int entryIndex, string requested)
    {
        var index = Index(snapshot);
        var entry = entryIndex >= 0 ? snapshot.Users[entryIndex] : null;
        var findings = new List<Finding>();
        var context = new RuleContext(codeTable, index, entry, requested, Settings, SimulatedChanges.None, findings);
        Run(factRules, ref context, RuleStage.Facts);
        var accepting = index.Acceptances.Any ? new Accepting(index.Acceptances, entry, requested) : null;
        accepting?.Mark(findings, 0);
        var facts = CodeSet.Of(findings, codeTable);
        var verdict = facts.Verdict;
        MarkRootCauses(findings, verdict);
        int factCount = findings.Count;
        context.EnterOutcome(verdict, facts);
        Run(outcomeRules, ref context, RuleStage.Outcome);
        accepting?.Mark(findings, factCount);
        return Order(findings);
    }

    private Diagnosis Diagnose(SnapshotIndex index, UserEntry? entry, string requested)
    {
        var findings = new List<Finding>();
        var context = new RuleContext(codeTable, index, entry, requested, Settings, SimulatedChanges.None, findings);
        Run(factRules, ref context, RuleStage.Facts);
        var acceptances = index.Acceptances;
        var accepting = acceptances.Any ? new Accepting(acceptances, entry, requested) : null;
        accepting?.Mark(findings, 0);
        var facts = CodeSet.Of(findings, codeTable);
        var verdict = facts.Verdict;
        MarkRootCauses(findings, verdict);
        var plan = PlanBuilder.Build(index, entry, requested, findings, verdict, Settings, facts, codeTable);

        int factCount = findings.Count;
        context.EnterOutcome(verdict, facts);
        Run(outcomeRules, ref context, RuleStage.Outcome);
        accepting?.Mark(findings, factCount); // advice about the outcome is shown accepted too; it never drives the verdict
        var all = Order(findings);
        plan = new RemediationPlan(plan) { Advisories = all.Where(f => f.Kind == FindingKind.Advisory && f.Acceptance is null).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToArray() };

        var snapshot = index.Snapshot;
        return new Diagnosis
        {
            ExpiredAcceptances = accepting?.Expired() ?? [],
            UnusedAcceptances = accepting?.Unused() ?? [],
            RequestedUser = requested,
            UserId = entry?.User.Id,
            UserPrincipalName = entry?.User.UserPrincipalName,
            TenantId = snapshot.TenantId,
            CapturedAt = snapshot.CapturedAt,
            Cloud = snapshot.Cloud,
            Verdict = verdict,
            Findings = all,
            Counterfactual = Counterfactuals(index, entry, requested, plan, verdict, findings),
            Plan = plan,
        };
    }

    /// <summary>
    /// Runs <paramref name="rules"/> over the context: each decides its codes once. A rule that throws is APW099, the
    /// same in every mode: of the facts stage a warning about data (the verdict cannot be 'available'), of the outcome
    /// stage advice that is missing (info; the verdict does not depend on it). Its words name the rule and the error.
    /// </summary>
    private static void Run(Rule[] rules, ref RuleContext context, RuleStage stage)
    {
        // One protected region for the whole pass (entered again only after a rule failed), not one per rule: the pass
        // runs for every user of a tenant, and a try per call costs more than the calls of the rules that do nothing.
        int next = 0;
        while (next < rules.Length)
        {
            try
            {
                for (; next < rules.Length; next++)
                {
                    var (rule, builtIn, needsUser) = rules[next];
                    if (needsUser && context.User is null)
                    {
                        continue;
                    }

                    if (builtIn is not null)
                    {
                        builtIn.Evaluate(ref context); // a virtual call: cheaper than an interface call at a site that sees every rule
                    }
                    else
                    {
                        rule.Evaluate(ref context);
                    }
                }
            }
            catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
            {
                ReportFailure(ref context, rules[next].Interface, e, stage);
                next++;
            }
        }
    }

    /// <summary>Reports the failure of <paramref name="rule"/> as APW099 (see <see cref="Run"/>).</summary>
    private static void ReportFailure(ref RuleContext context, IDiagnosticRule rule, Exception e, RuleStage stage)
    {
        var failure = (rule, e, context.UserName);
        if (stage == RuleStage.Facts)
        {
            context.Report(DiagnosticCodes.RuleFailed, failure, static s => new FindingText(
                $"Rule {s.rule.Id} failed",
                $"{Failure(s.rule, s.e)} Its checks did not run for {s.UserName}, so the verdict cannot be 'available'.",
                FailureEvidence(s.rule)));
        }
        else
        {
            // Outcome rules only add advice about the verdict and the plan; a failed one leaves the verdict as it is.
            context.ReportGraded(
                DiagnosticCodes.RuleFailed,
                failure,
                static s => new FindingText($"Rule {s.rule.Id} failed", $"{Failure(s.rule, s.e)} Its advice for {s.UserName} is missing; the verdict does not depend on it.", FailureEvidence(s.rule)),
                Severity.Info,
                FindingKind.Data);
        }
    }

    /// <summary>A rule as the pass calls it: read once, so the pass makes one call per rule.</summary>
    private readonly record struct Rule(IDiagnosticRule Interface, CatalogRule? BuiltIn, bool NeedsUser)
    {
        public Rule(IDiagnosticRule rule)
            : this(rule, rule as CatalogRule, rule.NeedsUser)
        {
        }
    }

    private static string Failure(IDiagnosticRule rule, Exception e) =>
        $"The rule {rule.Id} ({string.Join(", ", rule.Descriptors.Select(d => d.Code))}) failed with {e.GetType().Name}: {e.Message}.";

    private static Evidence[] FailureEvidence(IDiagnosticRule rule) => [new Evidence("/", null, $"rule {rule.Id} completes")];

    /// <summary>Marks the findings that decide <paramref name="verdict"/> (by <see cref="CodeSet.Decides"/>; an accepted one decides nothing).</summary>
    private static void MarkRootCauses(List<Finding> findings, Verdict verdict)
    {
        foreach (var finding in findings)
        {
            // The findings are the engine's own, not yet published: marked in place.
            finding.RootCause = finding.Acceptance is null && CodeSet.Decides(verdict, finding.Code, finding.Severity, finding.Kind);
        }
    }

    /// <summary>
    /// Root causes first, then by severity, code, policy id and title (ties keep the order of reporting). A title is read
    /// only to break a tie of everything before it, so ordering builds few findings' words.
    /// </summary>
    private static Finding[] Order(IReadOnlyList<Finding> findings)
    {
        var positions = new int[findings.Count];
        for (int i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        Array.Sort(positions, (x, y) =>
        {
            Finding a = findings[x], b = findings[y];
            int c = b.RootCause.CompareTo(a.RootCause);
            if (c == 0)
            {
                c = ((int)b.Severity).CompareTo((int)a.Severity);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Code, b.Code);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.PolicyId ?? string.Empty, b.PolicyId ?? string.Empty);
            }

            // Findings backed by the sign-in log or What-If (catalog v1.2) keep the order of reporting among themselves (the
            // log's protocol groups, the evaluation's policies): ordering them by title would build words nobody reads.
            if (c == 0 && !(a.ConfidenceFromEvidence && b.ConfidenceFromEvidence))
            {
                c = string.CompareOrdinal(a.Title, b.Title);
            }

            return c != 0 ? c : x.CompareTo(y);
        });

        var ordered = new Finding[positions.Length];
        for (int i = 0; i < positions.Length; i++)
        {
            ordered[i] = findings[positions[i]];
        }

        return ordered;
    }

    private Counterfactual Counterfactuals(SnapshotIndex index, UserEntry? entry, string requested, RemediationPlan plan, Verdict verdict, IReadOnlyList<Finding> findings)
    {
        var changes = plan.Steps.Where(s => (s.Kind == PlanStepKind.Graph ? s.Request : s.SimulatedEffect) is not null).ToArray();
        if (entry is null || changes.Length == 0)
        {
            var remaining = codeTable.Names(CodeSet.Of(findings, codeTable).Remaining);
            return new Counterfactual
            {
                ReachesAvailable = verdict == Verdict.Available,
                ResultingVerdict = verdict,
                Remaining = remaining,
                Summary = verdict == Verdict.Available
                    ? "Already available: nothing needs to change."
                    : $"No change the plan can make reaches 'available'; in the way: {string.Join(", ", remaining)}.",
            };
        }

        // Every change that fixes a blocker is needed: without it that blocker stays. Changes that fix no code (revoking
        // sessions) matter only if the fixing ones are not enough, so they are applied on top only then. The changes are
        // applied as typed effects over the index (no copy of the snapshot, no JSON): the same decision pass, assessing, at
        // most twice.
        var fixing = changes.Where(c => c.Fixes.Count > 0).ToArray();
        var rest = changes.Where(c => c.Fixes.Count == 0).ToArray();
        var simulated = SimulatedChanges.None.Then(fixing);
        var outcome = Facts(index, entry, requested, simulated);
        IReadOnlyList<PlanStep> needed = fixing;
        if (outcome.Verdict != Verdict.Available && rest.Length > 0)
        {
            outcome = Facts(index, entry, requested, simulated.Then(rest));
            needed = changes;
        }

        var fullVerdict = outcome.Verdict;
        var remainingCodes = codeTable.Names(outcome.Remaining);
        // The words list every needed step's title: built when first read.
        return new Counterfactual(() => new CounterfactualText(
            needed.Select(c => c.Title).ToArray(),
            fullVerdict == Verdict.Available
                ? "Available once: " + string.Join("; ", needed.Select(c => LowerFirst(c.Title))) + "."
                : $"After all planned changes the verdict is still '{fullVerdict.ToString().ToLowerInvariant()}'; in the way: {string.Join(", ", remainingCodes)}."))
        {
            ReachesAvailable = fullVerdict == Verdict.Available,
            ResultingVerdict = fullVerdict,
            Changes = needed.Select(c => c.Id).ToArray(),
            Remaining = remainingCodes,
        };
    }

    /// <summary>
    /// Marks the findings the host's acceptances in force cover (for this user: any, or this one), and remembers which
    /// acceptances covered something, to report those that covered nothing and those that had expired.
    /// </summary>
    private sealed class Accepting
    {
        private readonly Acceptances acceptances;
        private readonly bool[] forUser;
        private readonly bool[] used;
        private readonly string? userId;
        private readonly string? userPrincipalName;
        private readonly string requested;

        public Accepting(Acceptances acceptances, UserEntry? entry, string requested)
        {
            this.acceptances = acceptances;
            userId = entry?.User.Id;
            userPrincipalName = entry?.User.UserPrincipalName;
            this.requested = requested;
            forUser = acceptances.InForce.Select(a => a.Covers(userId, userPrincipalName, requested)).ToArray();
            used = new bool[forUser.Length];
        }

        /// <summary>Marks <c>findings[from..]</c>; the first acceptance (in the options' order) that covers a finding is its <see cref="Finding.Acceptance"/>.</summary>
        public void Mark(List<Finding> findings, int from)
        {
            var inForce = acceptances.InForce;
            for (int i = from; i < findings.Count; i++)
            {
                var finding = findings[i];
                for (int a = 0; a < inForce.Length; a++)
                {
                    if (forUser[a] && inForce[a].Covers(finding))
                    {
                        // The findings are the engine's own, not yet published: marked in place.
                        finding.Acceptance ??= inForce[a];
                        used[a] = true;
                    }
                }
            }
        }

        /// <summary>The expired acceptances for this user.</summary>
        public AcceptedRisk[] Expired() => acceptances.Expired.Where(a => a.Covers(userId, userPrincipalName, requested)).ToArray();

        /// <summary>The acceptances in force for this user that covered no finding.</summary>
        public AcceptedRisk[] Unused() => acceptances.InForce.Where((a, i) => forUser[i] && !used[i]).ToArray();
    }

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
