using System.Buffers;
using System.Globalization;
using System.Text;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// A diagnosis as one self-contained HTML page, to look at, print, attach to a mail or serve from a host: the verdict
/// first, the root causes and every other finding with its evidence (pointer, actual, expected), confidence and
/// references, accepted risks marked as such, what would change the verdict, then the plan as numbered steps (kind,
/// risk, approval, permissions and role, waits, requests and rollbacks with copy buttons).
/// </summary>
/// <remarks>
/// The page makes no network request: its style, script and icons are inline, it uses the reader's system fonts, and a
/// Content-Security-Policy forbids every load (references are plain links, opened only when followed). Light and dark
/// themes follow the reader's system; a print stylesheet drops the buttons. Everything from the tenant (names, UPNs,
/// policy names) is encoded as text. The same diagnosis always gives the same bytes.
/// </remarks>
/// <example>
/// <code>await DiagnosisHtml.WriteAsync(diagnosis, httpResponse.Body, cancellationToken);</code>
/// </example>
public static class DiagnosisHtml
{
    private static readonly DiagnosisRenderer Renderer = DiagnosisRenderer.FromText(DiagnosisHtmlPage.Render);

    /// <summary>Renders <paramref name="diagnosis"/> as an HTML page.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    public static string Render(Diagnosis diagnosis) => Renderer.Render(diagnosis);

    /// <summary>Writes the page to <paramref name="output"/> as UTF-8: exactly the bytes of <see cref="Render(Diagnosis)"/>.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">Where the UTF-8 goes (an <see cref="ArrayBufferWriter{T}"/>, a <c>PipeWriter</c>, …).</param>
    /// <example><code>var buffer = new ArrayBufferWriter&lt;byte&gt;(); DiagnosisHtml.Write(diagnosis, buffer);</code></example>
    public static void Write(Diagnosis diagnosis, IBufferWriter<byte> output) => Renderer.Write(diagnosis, output);

    /// <summary>Writes the page to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render(Diagnosis)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await using var file = File.Create("diagnosis.html"); await DiagnosisHtml.WriteAsync(diagnosis, file, cancellationToken);</code></example>
    public static Task WriteAsync(Diagnosis diagnosis, Stream output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);

    /// <summary>Writes the page to <paramref name="output"/> (exactly the text of <see cref="Render(Diagnosis)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await DiagnosisHtml.WriteAsync(diagnosis, Console.Out, cancellationToken);</code></example>
    public static Task WriteAsync(Diagnosis diagnosis, TextWriter output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);
}

/// <summary>The page of one diagnosis (the layout of <see cref="DiagnosisDocument"/>, as HTML).</summary>
internal static class DiagnosisHtmlPage
{
    private const string HostEvidencePath = "/";
    private const string Informational = "informational";

    public static string Render(Diagnosis d)
    {
        var s = new StringBuilder(32 * 1024);
        string user = d.UserPrincipalName ?? d.RequestedUser;
        s.Head($"App password diagnosis: {user} ({Html.Word(d.Verdict)})", Html.CopyScript);
        s.Append("<header>\n<h1>App password diagnosis for ").Text(user).Append("</h1>\n");
        s.Append("<p class=\"muted\">Tenant <code>").Text(d.TenantId.ToString("D")).Append("</code> (").Text(JsonNames.Of(d.Cloud))
            .Append(" cloud), snapshot captured ")
            .Append(d.CapturedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC")
            .Append(d.UserId is not null ? string.Empty : ". The user is not in the snapshot").Append(".</p>\n");
        if (d.UserId is { } userId)
        {
            s.Append("<p class=\"muted\">Object id <code>").Text(userId).Append("</code></p>\n");
        }

        s.Append("</header>\n<main id=\"main\">\n");
        s.Append("<section aria-labelledby=\"verdict\">\n<h2 id=\"verdict\">Verdict</h2>\n<div class=\"banner\">").Badge(d.Verdict, large: true)
            .Append("<p>").Text(DiagnosisDocument.VerdictSentence(d.Verdict)).Append("</p></div>\n</section>\n");

        var roots = d.Findings.Where(f => f.RootCause).ToArray();
        var blockers = d.Findings.Where(f => !f.RootCause && f.Acceptance is null && f.Severity == Severity.Blocker).ToArray();
        var others = d.Findings.Where(f => !f.RootCause && f.Acceptance is null && f.Severity != Severity.Blocker).ToArray();
        var accepted = d.Findings.Where(f => f.Acceptance is not null).ToArray();
        Findings(s, "root-causes", "Root causes", roots, ordered: true);
        Findings(s, "also-blocking", "Also blocking", blockers, ordered: false);
        Findings(s, "findings", roots.Length + blockers.Length > 0 ? "Other findings" : "Findings", others, ordered: false);
        Findings(s, "accepted", "Accepted risks", accepted, ordered: false);
        Acceptances(s, "expired", "Expired acceptances (they accept nothing)", d.ExpiredAcceptances);
        Acceptances(s, "unused", "Unused acceptances (in force, but no finding matches)", d.UnusedAcceptances);

        Counterfactual(s, d.Counterfactual);
        Plan(s, d.Plan);

        s.Append("</main>\n");
        return s.Foot(Html.CopyScript).ToString();
    }

    private static void Findings(StringBuilder s, string id, string title, Finding[] findings, bool ordered)
    {
        if (findings.Length == 0)
        {
            return;
        }

        s.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Text(title)
            .Append(" <span class=\"muted\">(").Append(findings.Length).Append(")</span></h2>\n")
            .Append(ordered ? "<ol class=\"plain\">\n" : "<ul class=\"plain\">\n");
        foreach (var f in findings)
        {
            Finding(s, f);
        }

        s.Append(ordered ? "</ol>\n" : "</ul>\n").Append("</section>\n");
    }

    private static void Finding(StringBuilder s, Finding f)
    {
        s.Append("<li class=\"finding").Append(f.Acceptance is null ? string.Empty : " accepted").Append("\">\n<header><h3>")
            .Text(f.Code).Append(' ').Text(f.Name).Append(": ").Text(f.Title).Append("</h3>");
        Tag(s, JsonNames.Of(f.Severity), f.Severity == Severity.Blocker ? "blocker" : null, "severity");
        Tag(s, JsonNames.Of(f.Kind), null, "kind");
        Tag(s, "confidence: " + JsonNames.Of(f.Confidence), null, null);
        if (f.RootCause)
        {
            Tag(s, "root cause", "blocker", null);
        }

        if (f.Acceptance is not null)
        {
            Tag(s, "accepted risk", "accepted", null);
        }

        s.Append("</header>\n<p>").Text(f.Explanation).Append("</p>\n");
        if (f.Acceptance is { } acceptance)
        {
            s.Append("<p><strong>Accepted</strong> ");
            AcceptanceWords(s, acceptance);
            s.Append(". It decides neither the verdict nor the plan.</p>\n");
        }

        if (f.Evidence.Count > 0)
        {
            s.Append("<table class=\"evidence\">\n<caption class=\"offscreen\">Evidence for ").Text(f.Code)
                .Append("</caption>\n<thead><tr><th scope=\"col\">Where (JSON pointer)</th><th scope=\"col\">Actual</th><th scope=\"col\">Expected</th></tr></thead>\n<tbody>\n");
            foreach (var e in f.Evidence)
            {
                s.Append("<tr><td>");
                if (e.Path == HostEvidencePath)
                {
                    s.Append(e.ActualJson is null ? "not in the snapshot" : "host options, not in the snapshot");
                }
                else
                {
                    s.Append("<code>").Text(e.Path).Append("</code>");
                }

                s.Append("</td><td>");
                if (e.ActualJson is null)
                {
                    s.Append("<span class=\"muted\">absent</span>");
                }
                else
                {
                    s.Append("<code>").Text(e.ActualJson).Append("</code>");
                }

                s.Append("</td><td>");
                if (e.Expected == Informational)
                {
                    s.Append("<span class=\"muted\">informational</span>");
                }
                else
                {
                    s.Text(e.Expected);
                }

                s.Append("</td></tr>\n");
            }

            s.Append("</tbody>\n</table>\n");
        }

        s.Append("<dl class=\"facts\">\n<dt>Confidence</dt><dd>").Append(ConfidenceWords(f.Confidence)).Append("</dd>\n");
        if (f.PolicyId is { } policy)
        {
            s.Append("<dt>Policy id</dt><dd><code>").Text(policy).Append("</code></dd>\n");
        }

        if (f.References.Count > 0)
        {
            s.Append("<dt>References</dt><dd><ul class=\"refs\">");
            foreach (string reference in f.References)
            {
                s.Append("<li>").Link(reference).Append("</li>");
            }

            s.Append("</ul></dd>\n");
        }

        s.Append("</dl>\n</li>\n");
    }

    private static string ConfidenceWords(Confidence confidence) => confidence switch
    {
        Confidence.Documented => "documented (a Microsoft page states it)",
        Confidence.Observed => "observed (community reports or inference, or the tenant's sign-in log)",
        Confidence.Evaluated => "evaluated (Microsoft's Conditional Access evaluation, What-If, for this user)",
        _ => Html.Encode(JsonNames.Of(confidence)),
    };

    private static void Tag(StringBuilder s, string text, string? cls, string? label)
    {
        s.Append(" <span class=\"tag").Append(cls is null ? string.Empty : " " + cls).Append("\">");
        if (label is not null)
        {
            s.Append("<span class=\"offscreen\">").Append(label).Append(": </span>");
        }

        s.Text(text).Append("</span>");
    }

    private static void AcceptanceWords(StringBuilder s, AcceptedRisk a) =>
        s.Append("by ").Text(a.AcceptedBy).Append(", until ").Append(a.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(": ").Text(a.Reason);

    private static void Acceptances(StringBuilder s, string id, string title, IReadOnlyList<AcceptedRisk> acceptances)
    {
        if (acceptances.Count == 0)
        {
            return;
        }

        s.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Text(title).Append("</h2>\n<ul>\n");
        foreach (var a in acceptances)
        {
            s.Append("<li><strong>").Text(a.Code).Append("</strong>");
            if (a.User is { } user)
            {
                s.Append(" for ").Text(user);
            }

            if (a.PolicyId is { } policy)
            {
                s.Append(" on policy <code>").Text(policy).Append("</code>");
            }

            s.Append(": ");
            AcceptanceWords(s, a);
            s.Append("</li>\n");
        }

        s.Append("</ul>\n</section>\n");
    }

    private static void Counterfactual(StringBuilder s, Counterfactual c)
    {
        s.Append("<section aria-labelledby=\"counterfactual\">\n<h2 id=\"counterfactual\">What would change the verdict</h2>\n<p>").Text(c.Summary).Append("</p>\n");
        if (c.Descriptions.Count > 0)
        {
            s.Append("<ul>\n");
            foreach (string line in c.Descriptions)
            {
                s.Append("<li>").Text(line).Append("</li>\n");
            }

            s.Append("</ul>\n");
        }

        s.Append("<dl class=\"facts\">\n<dt>After the plan's changes</dt><dd>").Badge(c.ResultingVerdict).Append("</dd>\n");
        if (c.Changes.Count > 0)
        {
            s.Append("<dt>Steps needed</dt><dd>");
            Codes(s, c.Changes);
            s.Append("</dd>\n");
        }

        if (c.Remaining.Count > 0)
        {
            s.Append("<dt>What the plan cannot fix</dt><dd>");
            Codes(s, c.Remaining);
            s.Append("</dd>\n");
        }

        s.Append("</dl>\n</section>\n");
    }

    private static void Codes(StringBuilder s, IEnumerable<string> values)
    {
        bool first = true;
        foreach (string value in values)
        {
            s.Append(first ? string.Empty : ", ").Append("<code>").Text(value).Append("</code>");
            first = false;
        }
    }

    private static void Plan(StringBuilder s, RemediationPlan plan)
    {
        s.Append("<section aria-labelledby=\"plan\">\n<h2 id=\"plan\">Plan</h2>\n");
        if (plan.Steps.Count == 0)
        {
            s.Append("<p>No change is needed or possible through the tenant's settings.</p>\n");
        }
        else
        {
            s.Append("<p>").Append(plan.Steps.Count).Append(plan.Steps.Count == 1 ? " step" : " steps").Append(", in this order");
            int approvals = plan.Steps.Count(p => p.RequiresApproval);
            if (approvals > 0)
            {
                s.Append("; ").Append(approvals).Append(approvals == 1 ? " needs" : " need").Append(" approval");
            }

            s.Append(".</p>\n<ol class=\"plan\">\n");
            foreach (var step in plan.Steps)
            {
                Step(s, step);
            }

            s.Append("</ol>\n");
        }

        if (plan.Advisories.Count > 0)
        {
            s.Append("<p>Advisories that go with the plan: ");
            Codes(s, plan.Advisories);
            s.Append(".</p>\n");
        }

        s.Append("</section>\n");
        if (plan.Alternatives.Count > 0)
        {
            s.Append("<section aria-labelledby=\"alternatives\">\n<h2 id=\"alternatives\">Alternatives</h2>\n<ul>\n");
            foreach (var a in plan.Alternatives)
            {
                s.Append("<li><strong>").Text(a.Title).Append("</strong>: ").Text(a.Description).Append(" (").Link(a.Url).Append(")</li>\n");
            }

            s.Append("</ul>\n</section>\n");
        }
    }

    private static void Step(StringBuilder s, PlanStep step)
    {
        s.Append("<li class=\"step\" id=\"step-").Text(step.Id).Append("\">\n<header><h3>").Text(step.Title).Append("</h3>");
        Tag(s, JsonNames.Of(step.Kind), null, "kind");
        Tag(s, "risk " + JsonNames.Of(step.Risk), step.Risk == Risk.High ? "blocker" : null, null);
        if (step.RequiresApproval)
        {
            Tag(s, "requires approval", "approval", null);
        }

        s.Append("</header>\n<p>").Text(step.Explanation).Append("</p>\n<dl class=\"facts\">\n<dt>Step id</dt><dd><code>").Text(step.Id).Append("</code></dd>\n")
            .Append("<dt>Kind</dt><dd>").Append(KindWords(step.Kind)).Append("</dd>\n")
            .Append("<dt>Risk</dt><dd>").Append(RiskWords(step.Risk)).Append("</dd>\n")
            .Append("<dt>Approval</dt><dd>").Append(step.RequiresApproval ? "required before it runs" : "not required").Append("</dd>\n");
        if (step.RequiredPermissions.Count > 0)
        {
            s.Append("<dt>Permissions</dt><dd>");
            Codes(s, step.RequiredPermissions);
            s.Append("</dd>\n");
        }

        if (step.RequiredRole is { } role)
        {
            s.Append("<dt>Role</dt><dd>").Text(role).Append("</dd>\n");
        }

        if (step.WaitMinutes is { } minutes)
        {
            s.Append("<dt>Wait</dt><dd>").Append(minutes.ToString(CultureInfo.InvariantCulture)).Append(minutes == 1 ? " minute" : " minutes").Append("</dd>\n");
        }

        if (step.Fixes.Count > 0)
        {
            s.Append("<dt>").Append(step.Kind == PlanStepKind.Verify ? "Checks" : "Fixes").Append("</dt><dd>");
            Codes(s, step.Fixes);
            s.Append("</dd>\n");
        }

        if (step.DependsOn.Count > 0)
        {
            s.Append("<dt>After</dt><dd>");
            Codes(s, step.DependsOn);
            s.Append("</dd>\n");
        }

        if (step.PortalUrl is { } url)
        {
            s.Append("<dt>Where</dt><dd>").Link(url).Append("</dd>\n");
        }

        if (step.Kind == PlanStepKind.Graph && step.Rollback is null)
        {
            s.Append("<dt>Rollback</dt><dd>none: ").Text(step.RollbackUnavailableReason ?? "not reversible through Graph").Append("</dd>\n");
        }

        if (step.Command is not null && step.RollbackCommand is null)
        {
            s.Append("<dt>Rollback</dt><dd>none</dd>\n");
        }

        s.Append("</dl>\n");
        if (step.Instructions is { } instructions)
        {
            s.Append("<p><strong>Do:</strong> ").Text(instructions).Append("</p>\n");
        }

        if (step.Request is { } request)
        {
            s.CopyBlock("Request", RequestText(request));
        }

        if (step.Rollback is { } rollback)
        {
            s.CopyBlock("Rollback request", RequestText(rollback));
        }

        if (step.Command is { } command)
        {
            s.CopyBlock("Command (Exchange Online PowerShell)", command);
        }

        if (step.RollbackCommand is { } undo)
        {
            s.CopyBlock("Rollback command", undo);
        }

        s.Append("</li>\n");
    }

    private static string RequestText(GraphRequest request) =>
        request.Body is null ? $"{request.Method} {request.Url}" : $"{request.Method} {request.Url}\n{request.Body}";

    private static string KindWords(PlanStepKind kind) => kind switch
    {
        PlanStepKind.Graph => "graph: one Microsoft Graph request",
        PlanStepKind.Manual => "manual: a person does it, then confirms",
        PlanStepKind.Wait => "wait: for changes to propagate",
        PlanStepKind.Verify => "verify: capture and diagnose again",
        _ => Html.Encode(JsonNames.Of(kind)),
    };

    private static string RiskWords(Risk risk) => risk switch
    {
        Risk.Low => "low: reversible and local to the user",
        Risk.Medium => "medium: changes how the user signs in",
        Risk.High => "high: weakens tenant-wide protection",
        _ => Html.Encode(JsonNames.Of(risk)),
    };
}
