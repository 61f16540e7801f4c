using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// The tenant-wide audit as one self-contained HTML dashboard: the totals per verdict (with a chart), the users per
/// root cause, per Conditional Access policy the users it blocks, and a table of every user that sorts, filters by
/// verdict, code and policy, searches, and opens each user's details on demand.
/// </summary>
/// <remarks>
/// <para>
/// Each user is diagnosed and written as it is done (in the order of <see cref="IAuthDiagnostics.AssessAll"/>) into one
/// JSON block embedded in the page (<c>&lt;script type="application/json"&gt;</c>, every <c>&lt;</c>, <c>&gt;</c>,
/// <c>&amp;</c>, U+2028 and U+2029 escaped); the counts are added up on the way and written after it, so memory stays
/// bounded whatever the number of users. The page's script shows the table in pages of 50 rows, so it stays responsive
/// at 100,000 users. Without a script (a mail viewer) the totals and the tables of causes and policies still show.
/// </para>
/// <para>
/// The page makes no network request (inline style, script and icons, system fonts, a Content-Security-Policy that
/// forbids every load), follows the reader's light or dark theme, prints without its controls, and shows every name
/// from the tenant as text. The same snapshot and options always give the same bytes.
/// </para>
/// </remarks>
/// <example>
/// <code>await using var file = File.Create("tenant.html"); await TenantHtml.WriteAsync(diagnostics, snapshot, file, progress: null, cancellationToken);</code>
/// </example>
public static class TenantHtml
{
    /// <summary>Renders the dashboard of every user of <paramref name="snapshot"/> as a string (for small tenants; stream larger ones with <c>WriteAsync</c>).</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static string Render(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, CancellationToken cancellationToken) =>
        TenantReport.Render(Create, diagnostics, snapshot, cancellationToken);

    /// <summary>Writes the dashboard of every user of <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render"/>), user by user.</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">Where the UTF-8 goes; each user's part is committed as soon as it is written.</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, IBufferWriter<byte> output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.Run(Create, diagnostics, snapshot, output, progress, cancellationToken);

    /// <summary>
    /// Writes the dashboard of every user of <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render"/>), streamed in
    /// pieces of about 64 KB as the users are done, then flushes it: memory stays bounded whatever the number of users.
    /// </summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>await using var file = File.Create("tenant.html"); await TenantHtml.WriteAsync(diagnostics, snapshot, file, progress: null, cancellationToken);</code></example>
    public static Task WriteAsync(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Stream output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.RunAsync(Create, diagnostics, snapshot, output, progress, cancellationToken);

    /// <summary>
    /// Writes the dashboard of every user of <paramref name="snapshot"/> to <paramref name="output"/> (exactly the text of <see cref="Render"/>), streamed in pieces of
    /// about 64 KB as the users are done, then flushes it.
    /// </summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>await TenantHtml.WriteAsync(diagnostics, snapshot, Console.Out, progress: null, cancellationToken);</code></example>
    public static Task WriteAsync(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, TextWriter output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.RunAsync(Create, diagnostics, snapshot, output, progress, cancellationToken);

    private static TenantReport Create(IBufferWriter<byte> output, TenantSnapshot snapshot) => new Report(output, snapshot);

    /// <summary>The page's script: the copy buttons, then the table of users.</summary>
    internal static readonly string Script = Html.CopyScript + "\n" + TenantHtmlScript.Table;

    /// <summary>
    /// The page, written as the users come: head and header, then the data block (one compact array per user, codes,
    /// policies and plan steps as indexes into tables written after the users), then the summary and the table's frame.
    /// </summary>
    private sealed class Report : TenantReport
    {
        private static readonly JsonWriterOptions Options = new() { Encoder = Html.ScriptJsonEncoder, Indented = false, SkipValidation = false };

        private readonly Utf8JsonWriter writer;
        private readonly Dictionary<string, (string? Name, string State)> policyNames = new(StringComparer.OrdinalIgnoreCase);
        private readonly Table<string> codes = new(StringComparer.Ordinal);
        private readonly Table<string> policies = new(StringComparer.OrdinalIgnoreCase);
        private readonly Table<string> steps = new(StringComparer.Ordinal);
        private readonly List<(PlanStepKind Kind, Risk Risk, bool Approval)> stepFacts = [];
        private readonly List<int> rootCounts = [];
        private readonly List<int> firedCounts = [];
        private readonly List<int> policyCounts = [];
        private readonly List<int> roots = [];
        private readonly List<int> others = [];
        private readonly List<int> accepted = [];
        private readonly List<int> blocking = [];
        private readonly Guid tenantId;
        private readonly int policiesInSnapshot;

        public Report(IBufferWriter<byte> output, TenantSnapshot snapshot)
            : base(output)
        {
            tenantId = snapshot.TenantId;
            foreach (var policy in snapshot.Sections.ConditionalAccessPolicies.Value ?? [])
            {
                policyNames.TryAdd(policy.Id, (policy.DisplayName, policy.StateValue));
            }

            policiesInSnapshot = policyNames.Count;
            var s = new StringBuilder(8 * 1024);
            s.Head($"App password audit of tenant {snapshot.TenantId:D}", Script)
                .Append("<header>\n<h1>App password audit of tenant <code>").Text(snapshot.TenantId.ToString("D")).Append("</code></h1>\n")
                .Append("<p class=\"muted\">").Text(JsonNames.Of(snapshot.Cloud)).Append(" cloud, snapshot captured ")
                .Append(snapshot.CapturedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC, ")
                .Append(Html.Number(policiesInSnapshot)).Append(policiesInSnapshot == 1 ? " Conditional Access policy" : " Conditional Access policies")
                .Append(".</p>\n</header>\n<script type=\"application/json\" id=\"c2-data\">");
            WriteText(s.ToString());
            writer = new Utf8JsonWriter(output, Options);
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", 1);
            writer.WriteStartArray("users");
        }

        public override void Flush() => writer.Flush();

        public override void Dispose()
        {
            writer.Dispose();
            base.Dispose();
        }

        protected override void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Assessment assessment)
        {
            // The words of findings and steps are never read: codes, policies and step ids are all the table needs.
            var diagnosis = Diagnose(diagnostics, snapshot, assessment);
            roots.Clear();
            others.Clear();
            accepted.Clear();
            blocking.Clear();
            foreach (var f in diagnosis.Findings)
            {
                int code = Code(f.Code);
                var list = f.RootCause ? roots : f.Acceptance is not null ? accepted : others;
                if (!list.Contains(code))
                {
                    list.Add(code);
                }

                if (f.Severity == Severity.Blocker && f.Acceptance is null && f.PolicyId is { } policyId)
                {
                    int policy = Policy(policyId);
                    if (!blocking.Contains(policy))
                    {
                        blocking.Add(policy);
                        policyCounts[policy]++;
                    }
                }
            }

            others.RemoveAll(roots.Contains);
            foreach (int code in roots)
            {
                rootCounts[code]++;
                firedCounts[code]++;
            }

            foreach (int code in others.Concat(accepted).Distinct())
            {
                firedCounts[code]++;
            }

            writer.WriteStartArray();
            writer.WriteStringValue(Html.Visible(diagnosis.UserPrincipalName ?? diagnosis.RequestedUser));
            if (diagnosis.UserId is { } id)
            {
                writer.WriteStringValue(Html.Visible(id));
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteNumberValue((int)diagnosis.Verdict);
            Numbers(roots);
            Numbers(others);
            Numbers(accepted);
            Numbers(blocking);
            writer.WriteStartArray();
            foreach (var step in diagnosis.Plan.Steps)
            {
                writer.WriteNumberValue(Step(step));
            }

            writer.WriteEndArray();
            writer.WriteNumberValue(diagnosis.Counterfactual.ReachesAvailable ? 1 : 0);
            writer.WriteEndArray();
        }

        public override void Complete()
        {
            writer.WriteEndArray();
            writer.WriteStartArray("codes");
            foreach (string code in codes.Values)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(code);
                bool known = DiagnosticCatalog.TryGet(code, out var descriptor);
                writer.WriteStringValue(known ? descriptor!.Name : string.Empty);
                writer.WriteStringValue(known ? descriptor!.Summary : string.Empty);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("policies");
            foreach (string id in policies.Values)
            {
                var (name, state) = PolicyName(id);
                writer.WriteStartArray();
                writer.WriteStringValue(Html.Visible(id));
                writer.WriteStringValue(name);
                writer.WriteStringValue(Html.Visible(state));
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("steps");
            for (int i = 0; i < steps.Values.Count; i++)
            {
                var (kind, risk, approval) = stepFacts[i];
                writer.WriteStartArray();
                writer.WriteStringValue(steps.Values[i]);
                writer.WriteStringValue(JsonNames.Of(kind));
                writer.WriteStringValue(JsonNames.Of(risk));
                writer.WriteNumberValue(approval ? 1 : 0);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();

            var s = new StringBuilder(16 * 1024);
            s.Append("</script>\n<main id=\"main\">\n");
            Summary(s);
            Causes(s);
            Policies(s);
            UsersFrame(s);
            s.Append("</main>\n");
            WriteText(s.Foot(Script).ToString());
        }

        private void Summary(StringBuilder s)
        {
            var totals = Totals().ToArray();
            s.Append("<section aria-labelledby=\"verdicts\">\n<h2 id=\"verdicts\">Verdicts</h2>\n");
            if (Count == 0)
            {
                s.Append("<p>The snapshot holds no user.</p>\n</section>\n");
                return;
            }

            int needWork = Count - totals.Where(t => t.Verdict == Verdict.Available).Sum(t => t.Count);
            s.Append("<p>").Append(Html.Number(Count)).Append(Count == 1 ? " user" : " users").Append(": ")
                .Append(Html.Number(needWork)).Append(needWork == 1 ? " needs" : " need").Append(" a change or more data before App password works.</p>\n<ul class=\"cards\">\n");
            foreach (var (verdict, count) in totals)
            {
                s.Append("<li>").Badge(verdict).Append("<span class=\"count\">").Append(Html.Number(count)).Append("</span><span class=\"muted\">")
                    .Append(Percent(count)).Append(" of the users</span></li>\n");
            }

            s.Append("</ul>\n");
            Chart(s, totals);
            s.Append("</section>\n");
        }

        /// <summary>A horizontal bar chart, one bar per verdict, its words and numbers as text in the picture and in its description.</summary>
        private void Chart(StringBuilder s, (Verdict Verdict, int Count)[] totals)
        {
            const int Width = 640;
            const int Label = 130;
            const int Bar = 26;
            const int Gap = 12;
            const int NumberSpace = 120;
            int height = (totals.Length * (Bar + Gap)) + Gap;
            int max = Math.Max(1, totals.Max(t => t.Count));
            s.Append("<svg class=\"chart\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(height)
                .Append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\"><title id=\"chart-title\">Users per verdict</title><desc id=\"chart-desc\">");
            s.Append(string.Join("; ", totals.Select(t => $"{Html.Word(t.Verdict)}: {Html.Number(t.Count)} ({Percent(t.Count)})"))).Append("</desc>\n");
            int y = Gap;
            foreach (var (verdict, count) in totals)
            {
                double width = (Width - Label - NumberSpace) * (double)count / max;
                string word = Html.Word(verdict);
                s.Append("<text x=\"0\" y=\"").Append(y + 18).Append("\">").Append(word).Append("</text>")
                    .Append("<rect class=\"bar-").Append(word).Append("\" x=\"").Append(Label).Append("\" y=\"").Append(y)
                    .Append("\" width=\"").Append(width.ToString("0.#", CultureInfo.InvariantCulture)).Append("\" height=\"").Append(Bar).Append("\" rx=\"3\"/>")
                    .Append("<text x=\"").Append((Label + width + 8).ToString("0.#", CultureInfo.InvariantCulture)).Append("\" y=\"").Append(y + 18).Append("\">")
                    .Append(Html.Number(count)).Append(" (").Append(Percent(count)).Append(")</text>\n");
                y += Bar + Gap;
            }

            s.Append("</svg>\n");
        }

        private void Causes(StringBuilder s)
        {
            if (Count == 0)
            {
                return;
            }

            s.Append("<section aria-labelledby=\"causes\">\n<h2 id=\"causes\">Users per root cause</h2>\n");
            var rows = Enumerable.Range(0, codes.Values.Count).Where(i => rootCounts[i] > 0)
                .OrderByDescending(i => rootCounts[i]).ThenBy(i => codes.Values[i], StringComparer.Ordinal).ToArray();
            if (rows.Length == 0)
            {
                s.Append("<p>No user has a root cause: nothing captured stands in the way.</p>\n</section>\n");
                return;
            }

            s.Append("<table>\n<thead><tr><th scope=\"col\">Root cause</th><th scope=\"col\">What it means</th><th scope=\"col\" class=\"num\">Users</th><th scope=\"col\"><span class=\"offscreen\">Show</span></th></tr></thead>\n<tbody>\n");
            foreach (int i in rows)
            {
                string code = codes.Values[i];
                bool known = DiagnosticCatalog.TryGet(code, out var descriptor);
                s.Append("<tr><th scope=\"row\"><code>").Text(code).Append("</code> ").Text(known ? descriptor!.Name : string.Empty)
                    .Append("</th><td>").Text(known ? descriptor!.Summary : string.Empty).Append("</td><td class=\"num\">").Append(Html.Number(rootCounts[i]))
                    .Append("</td><td><button type=\"button\" class=\"show\" hidden data-code=\"r").Append(i).Append("\">Show users<span class=\"offscreen\"> with root cause ")
                    .Text(code).Append("</span></button></td></tr>\n");
            }

            s.Append("</tbody>\n</table>\n</section>\n");
        }

        private void Policies(StringBuilder s)
        {
            if (Count == 0)
            {
                return;
            }

            s.Append("<section aria-labelledby=\"policies\">\n<h2 id=\"policies\">Conditional Access policies in the way</h2>\n");
            var rows = Enumerable.Range(0, policies.Values.Count).Where(i => policyCounts[i] > 0)
                .OrderByDescending(i => policyCounts[i]).ThenBy(i => PolicyName(policies.Values[i]).Name ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(i => policies.Values[i], StringComparer.Ordinal).ToArray();
            int idle = policiesInSnapshot - rows.Count(i => policyNames.ContainsKey(policies.Values[i]));
            if (rows.Length == 0)
            {
                s.Append("<p>No Conditional Access policy blocks App password for any user.</p>\n</section>\n");
                return;
            }

            s.Append("<p>").Append(Html.Number(rows.Length)).Append(rows.Length == 1 ? " policy blocks" : " policies block")
                .Append(" App password for at least one user");
            if (idle > 0)
            {
                s.Append("; the other ").Append(Html.Number(idle)).Append(idle == 1 ? " blocks" : " block").Append(" nobody");
            }

            s.Append(".</p>\n<table>\n<thead><tr><th scope=\"col\">Policy</th><th scope=\"col\">State</th><th scope=\"col\" class=\"num\">Users blocked</th><th scope=\"col\"><span class=\"offscreen\">Show</span></th></tr></thead>\n<tbody>\n");
            foreach (int i in rows)
            {
                string id = policies.Values[i];
                var (name, state) = PolicyName(id);
                s.Append("<tr><th scope=\"row\">").Text(name ?? "(no name)").Append("<br><code class=\"muted\">").Text(id).Append("</code></th><td>").Text(state)
                    .Append("</td><td class=\"num\">").Append(Html.Number(policyCounts[i]))
                    .Append("</td><td><button type=\"button\" class=\"show\" hidden data-policy=\"").Append(i).Append("\">Show users<span class=\"offscreen\"> blocked by this policy</span></button></td></tr>\n");
            }

            s.Append("</tbody>\n</table>\n</section>\n");
        }

        private void UsersFrame(StringBuilder s)
        {
            if (Count == 0)
            {
                return;
            }

            var totals = Totals().ToArray();
            s.Append("<section aria-labelledby=\"users\">\n<h2 id=\"users\" tabindex=\"-1\">Users</h2>\n")
                .Append("<noscript><p>The table of users needs JavaScript; the counts above are complete. For one user's evidence and plan: <code>c2authdiag diagnose --snapshot FILE --user UPN --format html</code>.</p></noscript>\n")
                .Append("<div id=\"c2-controls\" class=\"controls\" role=\"search\" aria-label=\"Filter the users\" hidden>\n")
                .Append("<label for=\"c2-verdict\">Verdict<select id=\"c2-verdict\"><option value=\"\">Every verdict</option>");
            foreach (var (verdict, count) in totals)
            {
                s.Append("<option value=\"").Append((int)verdict).Append("\">").Append(Html.Word(verdict)).Append(" (").Append(Html.Number(count)).Append(")</option>");
            }

            s.Append("</select></label>\n<label for=\"c2-code\">Code<select id=\"c2-code\"><option value=\"\">Any code</option>");
            var order = Enumerable.Range(0, codes.Values.Count).OrderBy(i => codes.Values[i], StringComparer.Ordinal).ToArray();
            s.Append("<optgroup label=\"As a root cause\">");
            foreach (int i in order.Where(i => rootCounts[i] > 0))
            {
                CodeOption(s, 'r', i, rootCounts[i]);
            }

            s.Append("</optgroup><optgroup label=\"In any finding\">");
            foreach (int i in order)
            {
                CodeOption(s, 'c', i, firedCounts[i]);
            }

            s.Append("</optgroup></select></label>\n<label for=\"c2-policy\">Blocked by policy<select id=\"c2-policy\"><option value=\"\">Any or none</option>");
            foreach (int i in Enumerable.Range(0, policies.Values.Count).OrderBy(i => PolicyName(policies.Values[i]).Name ?? string.Empty, StringComparer.Ordinal).ThenBy(i => i))
            {
                s.Append("<option value=\"").Append(i).Append("\">").Text(PolicyName(policies.Values[i]).Name ?? policies.Values[i])
                    .Append(" (").Append(Html.Number(policyCounts[i])).Append(")</option>");
            }

            s.Append("</select></label>\n<label for=\"c2-search\">Search<input id=\"c2-search\" type=\"search\" placeholder=\"UPN or object id\" autocomplete=\"off\" spellcheck=\"false\"></label>\n")
                .Append("<button type=\"button\" id=\"c2-reset\">Reset</button>\n</div>\n")
                .Append("<p id=\"c2-status\" role=\"status\" aria-live=\"polite\"></p>\n")
                .Append("<table id=\"c2-table\">\n<caption class=\"offscreen\">Users, one row each; choose a user for the details</caption>\n<thead><tr>")
                .Append("<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" class=\"sort\" data-sort=\"user\">User</button></th>")
                .Append("<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" class=\"sort\" data-sort=\"verdict\">Verdict</button></th>")
                .Append("<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" class=\"sort\" data-sort=\"causes\">Root causes</button></th>")
                .Append("<th scope=\"col\" aria-sort=\"none\" class=\"num\"><button type=\"button\" class=\"sort\" data-sort=\"steps\">Plan steps</button></th>")
                .Append("</tr></thead>\n<tbody id=\"c2-rows\"></tbody>\n</table>\n")
                .Append("<nav id=\"c2-pager\" class=\"pager\" aria-label=\"Pages of users\" hidden><button type=\"button\" id=\"c2-first\">First</button><button type=\"button\" id=\"c2-prev\">Previous</button>")
                .Append("<span id=\"c2-page\"></span><button type=\"button\" id=\"c2-next\">Next</button><button type=\"button\" id=\"c2-last\">Last</button></nav>\n</section>\n")
                .Append("<dialog id=\"c2-details\" aria-labelledby=\"c2-details-title\"><div class=\"dialog-head\"><h2 id=\"c2-details-title\"></h2>")
                .Append("<button type=\"button\" id=\"c2-close\">Close</button></div><div id=\"c2-details-body\"></div></dialog>\n")
                .Append("<template id=\"c2-icons\">");
            foreach (var verdict in Html.VerdictOrder)
            {
                s.Append("<span data-v=\"").Append(Html.Word(verdict)).Append("\">").Append(Html.Icon(verdict)).Append("</span>");
            }

            s.Append("</template>\n");
        }

        private void CodeOption(StringBuilder s, char kind, int i, int count)
        {
            string code = codes.Values[i];
            s.Append("<option value=\"").Append(kind).Append(i).Append("\">").Text(code);
            if (DiagnosticCatalog.TryGet(code, out var descriptor))
            {
                s.Append(' ').Text(descriptor.Name);
            }

            s.Append(" (").Append(Html.Number(count)).Append(")</option>");
        }

        private string Percent(int count) =>
            Count == 0 ? "0 %" : (100.0 * count / Count).ToString("0.#", CultureInfo.InvariantCulture) + " %";

        private (string? Name, string State) PolicyName(string id) =>
            policyNames.TryGetValue(id, out var known) ? (known.Name is null ? null : Html.Visible(known.Name), known.State) : (null, "not in the snapshot");

        private int Code(string code)
        {
            int index = codes.Add(code, out bool added);
            if (added)
            {
                rootCounts.Add(0);
                firedCounts.Add(0);
            }

            return index;
        }

        private int Policy(string id)
        {
            int index = policies.Add(id, out bool added);
            if (added)
            {
                policyCounts.Add(0);
            }

            return index;
        }

        private int Step(PlanStep step)
        {
            int index = steps.Add(step.Id, out bool added);
            if (added)
            {
                stepFacts.Add((step.Kind, step.Risk, step.RequiresApproval));
            }

            return index;
        }

        private void Numbers(List<int> values)
        {
            writer.WriteStartArray();
            foreach (int value in values)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>Values numbered in the order they are first added (bounded by the catalog, the policies, the plan's step ids).</summary>
    private sealed class Table<T>(IEqualityComparer<T> comparer)
        where T : notnull
    {
        private readonly Dictionary<T, int> index = new(comparer);
        private readonly List<T> values = [];

        public IReadOnlyList<T> Values => values;

        public int Add(T value, out bool added)
        {
            if (index.TryGetValue(value, out int i))
            {
                added = false;
                return i;
            }

            index.Add(value, values.Count);
            values.Add(value);
            added = true;
            return values.Count - 1;
        }
    }
}
