using System.Globalization;
using System.Text;
using CodeTwo.AuthDiagnostics.Snapshots;

using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// The human-readable layout shared by the Markdown and console renderers: verdict first, root causes with
/// evidence, other findings, the counterfactual, then the plan as numbered steps with exact requests and rollbacks.
/// </summary>
internal sealed class DiagnosisDocument
{
    private const string HostEvidencePath = "/";
    private const string Informational = "informational";

    private readonly StringBuilder text = new();
    private readonly bool markdown;

    /// <summary>Where the details of the current list item start (Markdown nests them under the item's marker).</summary>
    private int detailIndent = 3;

    private DiagnosisDocument(bool markdown) => this.markdown = markdown;

    public static string Render(DiagnosisResult d, bool markdown)
    {
        var doc = new DiagnosisDocument(markdown);
        doc.Write(d);
        return doc.text.ToString();
    }

    public static string VerdictSentence(Verdict verdict) => verdict switch
    {
        Verdict.Available => "App password is offered, and nothing captured blocks sign-ins with it.",
        Verdict.Unavailable => "The App password option is not offered to this user.",
        Verdict.Unusable => "App password can be created, but sign-ins with it will fail.",
        _ => "The snapshot lacks data needed to decide; see the data findings.",
    };

    private void Write(DiagnosisResult d)
    {
        string user = d.UserPrincipalName ?? d.RequestedUser;
        Heading(1, $"App password diagnosis for {Prose(user)}");
        Line($"{Bold($"Verdict: {JsonNames.Of(d.Verdict).ToUpperInvariant()}")} - {VerdictSentence(d.Verdict)}");
        if (markdown)
        {
            Blank(); // its own paragraph: the tenant line is context, not part of the verdict
        }

        Line(string.Create(CultureInfo.InvariantCulture, $"Tenant {Code(d.TenantId.ToString("D"))} ({JsonNames.Of(d.Cloud)} cloud), snapshot captured {d.CapturedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC."));
        Blank();

        var roots = d.Findings.Where(f => f.RootCause).ToArray();
        if (roots.Length > 0)
        {
            Heading(2, "Root causes");
            WriteFindings(roots, numbered: true);
        }

        // Blockers that are not root causes (a usability blocker under an unavailable verdict) still need fixing.
        var blockers = d.Findings.Where(f => !f.RootCause && f.Acceptance is null && f.Severity == Severity.Blocker).ToArray();
        if (blockers.Length > 0)
        {
            Heading(2, "Also blocking");
            WriteFindings(blockers, numbered: false);
        }

        var others = d.Findings.Where(f => !f.RootCause && f.Acceptance is null && f.Severity != Severity.Blocker).ToArray();
        if (others.Length > 0)
        {
            Heading(2, roots.Length + blockers.Length > 0 ? "Other findings" : "Findings");
            WriteFindings(others, numbered: false);
        }

        // Accepted findings are shown, never dropped; they decide neither the verdict nor the plan.
        var accepted = d.Findings.Where(f => f.Acceptance is not null).ToArray();
        if (accepted.Length > 0)
        {
            Heading(2, "Accepted risks");
            WriteFindings(accepted, numbered: false);
        }

        WriteAcceptances("Expired acceptances (they accept nothing)", d.ExpiredAcceptances);
        WriteAcceptances("Unused acceptances (in force, but no finding matches)", d.UnusedAcceptances);

        Heading(2, "What would change the verdict");
        Line(Prose(d.Counterfactual.Summary));
        Blank();

        if (d.Plan.Steps.Count > 0)
        {
            Heading(2, "Plan");
            int n = 0;
            foreach (var s in d.Plan.Steps)
            {
                n++;
                var tags = new List<string> { JsonNames.Of(s.Kind), $"risk {JsonNames.Of(s.Risk)}" };
                if (s.RequiresApproval)
                {
                    tags.Add("requires approval");
                }

                Item(string.Create(CultureInfo.InvariantCulture, $"{n}."), $"{Bold(Prose(s.Title))} ({string.Join(", ", tags)}) [{Code(s.Id)}]");
                Indented(Prose(s.Explanation));
                if (s.Request is { } request)
                {
                    Indented($"Request: {Code($"{request.Method} {request.Url}")}" + (request.Body is null ? string.Empty : $" body {Code(request.Body)}"));
                }

                if (s.Kind == PlanStepKind.Graph)
                {
                    Indented(s.Rollback is { } rollback
                        ? $"Rollback: {Code($"{rollback.Method} {rollback.Url}")}" + (rollback.Body is null ? string.Empty : $" body {Code(rollback.Body)}")
                        : $"Rollback: none ({Prose(s.RollbackUnavailableReason ?? "not reversible through Graph")})");
                }

                if (s.Instructions is { } instructions)
                {
                    Indented($"Do: {Prose(instructions)}");
                }

                if (s.Command is { } command)
                {
                    Indented($"Command: {Code(command)}");
                    Indented($"Rollback: {(s.RollbackCommand is { } undo ? Code(undo) : "none")}");
                }

                if (s.PortalUrl is { } url)
                {
                    Indented($"Where: {url}");
                }

                if (s.WaitMinutes is { } minutes)
                {
                    Indented(string.Create(CultureInfo.InvariantCulture, $"Wait: {minutes} minutes"));
                }

                if (s.RequiredPermissions.Count > 0)
                {
                    Indented($"Needs: {string.Join(", ", s.RequiredPermissions.Select(Code))}{(s.RequiredRole is null ? string.Empty : $" (role: {Prose(s.RequiredRole)})")}");
                }
                else if (s.RequiredRole is not null)
                {
                    Indented($"Needs: the role {Prose(s.RequiredRole)}");
                }

                if (s.Fixes.Count > 0)
                {
                    Indented($"{(s.Kind == PlanStepKind.Verify ? "Checks" : "Fixes")}: {string.Join(", ", s.Fixes)}");
                }

                if (s.DependsOn.Count > 0)
                {
                    Indented($"After: {string.Join(", ", s.DependsOn)}");
                }
            }

            Blank();
        }
        else
        {
            Heading(2, "Plan");
            Line("No change is needed or possible through the tenant's settings.");
            Blank();
        }

        if (d.Plan.Alternatives.Count > 0)
        {
            Heading(2, "Alternatives");
            foreach (var a in d.Plan.Alternatives)
            {
                Line($"- {Bold(Prose(a.Title))}: {Prose(a.Description)} ({a.Url})");
            }

            Blank();
        }
    }

    private void WriteFindings(IEnumerable<Finding> findings, bool numbered)
    {
        int n = 0;
        foreach (var f in findings)
        {
            n++;
            string marker = numbered ? n.ToString(CultureInfo.InvariantCulture) + "." : "-";
            Item(marker, $"{Bold($"{f.Code} {f.Name}")} ({JsonNames.Of(f.Severity)}, {JsonNames.Of(f.Kind)}): {Prose(f.Title)}");
            Indented(Prose(f.Explanation));
            foreach (var e in f.Evidence)
            {
                Indented(EvidenceLine(e));
            }

            if (f.EvidenceOmitted > 0)
            {
                Indented(string.Create(CultureInfo.InvariantCulture, $"Evidence: … and {f.EvidenceOmitted} more"));
            }

            if (f.ConfidenceFromEvidence)
            {
                // Catalog v1.2: what Microsoft itself answered, beside the configuration's prediction.
                Indented(f.Confidence == Confidence.Evaluated
                    ? "Confidence: evaluated (Microsoft's Conditional Access evaluation, What-If, for this user)"
                    : "Confidence: observed (the tenant's sign-in log)");
            }

            if (f.References.Count > 0)
            {
                Indented($"See: {string.Join(" ", f.References)}");
            }

            if (f.Acceptance is { } acceptance)
            {
                Indented($"Accepted: {AcceptanceWords(acceptance)}");
            }
        }

        Blank();
    }

    private void WriteAcceptances(string title, IReadOnlyList<AcceptedRisk> acceptances)
    {
        if (acceptances.Count == 0)
        {
            return;
        }

        Heading(2, title);
        foreach (var a in acceptances)
        {
            Line($"- {Bold(a.Code)}{Scope(a)}: {AcceptanceWords(a)}");
        }

        Blank();
    }

    /// <summary>Who accepted it, until when and why (names and reasons are the host's text: escaped like the tenant's).</summary>
    private string AcceptanceWords(AcceptedRisk a) =>
        string.Create(CultureInfo.InvariantCulture, $"by {Prose(a.AcceptedBy)}, until {a.Expires:yyyy-MM-dd}: {Prose(a.Reason)}");

    private string Scope(AcceptedRisk a) =>
        (a.User is null ? string.Empty : $" for {Prose(a.User)}") + (a.PolicyId is null ? string.Empty : $" on policy {Code(a.PolicyId)}");

    /// <summary>
    /// One fact in words. The root pointer <c>/</c> marks facts that are not in the snapshot (host options, rule
    /// failures); a missing value is "nothing at" its place; "informational" evidence has no expectation to state.
    /// </summary>
    private string EvidenceLine(Evidence e)
    {
        string expected = e.Expected == Informational ? string.Empty : $"; expected {Prose(e.Expected)}";
        if (e.Path == HostEvidencePath)
        {
            return e.ActualJson is null
                ? $"Evidence: not in the snapshot{expected}"
                : $"Evidence: {Code(e.ActualJson)} (host options, not in the snapshot){expected}";
        }

        return e.ActualJson is null
            ? $"Evidence: nothing at {Code(e.Path)}{expected}"
            : $"Evidence: {Code(e.Path)} is {Code(e.ActualJson)}{expected}";
    }

    private void Item(string marker, string line)
    {
        Line($"{marker} {line}");
        detailIndent = markdown ? marker.Length + 1 : 3;
    }

    private void Heading(int level, string title)
    {
        if (markdown)
        {
            text.Append('#', level).Append(' ').Append(title).Append('\n').Append('\n');
        }
        else
        {
            text.Append(level == 1 ? title.ToUpperInvariant() : title).Append('\n');
            text.Append(level == 1 ? '=' : '-', title.Length).Append('\n');
        }
    }

    private void Line(string line) => text.Append(line).Append('\n');

    private void Indented(string line) => text.Append(' ', detailIndent).Append(markdown ? "- " : string.Empty).Append(line).Append('\n');

    private void Blank() => text.Append('\n');

    private string Bold(string value) => markdown ? $"**{value}**" : value;

    /// <summary>Text that may carry tenant-supplied names: escaped for Markdown, control characters made visible for a console.</summary>
    private string Prose(string value) => markdown ? RenderedText.MarkdownProse(value) : RenderedText.Console(value);

    private string Code(string value) => markdown ? RenderedText.MarkdownCode(value) : RenderedText.Console(value);
}
