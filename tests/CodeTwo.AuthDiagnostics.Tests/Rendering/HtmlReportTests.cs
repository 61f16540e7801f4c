using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CodeTwo.AuthDiagnostics.Tests.Rendering;

/// <summary>
/// <see cref="DiagnosisHtml"/> and <see cref="TenantHtml"/>: one self-contained page that loads nothing (no resource
/// from the network, a Content-Security-Policy whose hashes match the page's own script and style), with the verdict
/// first, the findings' evidence, confidence and references, the numbered plan with copy blocks, accepted risks
/// marked; the tenant page with its data embedded once and counts that agree with the users' diagnoses. (The browser
/// tests, tests/CodeTwo.AuthDiagnostics.Browser.Tests, run them in Chromium.)
/// </summary>
public sealed partial class HtmlReportTests
{
    public static TheoryData<string, string> Users => ApprovalTests.Users;

    [Theory]
    [MemberData(nameof(Users))]
    public void A_user_page_loads_nothing_and_allows_only_its_own_script_and_style(string file, string user)
    {
        string html = DiagnosisHtml.Render(Diagnose.User(Fixture.Load(file), user));

        AssertSelfContained(html);
    }

    [Fact]
    public void The_tenant_page_loads_nothing_and_allows_only_its_own_script_and_style()
    {
        string html = TenantHtml.Render(Service(), Fixture.Load("multi-user-tenant.json").Snapshot(), TestContext.Current.CancellationToken);

        AssertSelfContained(html);
    }

    [Fact]
    public void A_user_page_puts_the_verdict_first_then_the_evidence_and_the_numbered_plan()
    {
        var diagnosis = Diagnose.User(Fixture.Load("seed-security-defaults.json"));

        string html = DiagnosisHtml.Render(diagnosis);

        html.Should().StartWith("<!DOCTYPE html>\n<html lang=\"en\">");
        Regex.Matches(html, "<h1[ >]").Should().HaveCount(1);
        int verdict = html.IndexOf("<h2 id=\"verdict\">", StringComparison.Ordinal);
        verdict.Should().BePositive().And.BeLessThan(html.IndexOf("<h2 id=\"root-causes\">", StringComparison.Ordinal));
        html.IndexOf("<h2 id=\"counterfactual\">What would change the verdict</h2>", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("<h2 id=\"plan\">", StringComparison.Ordinal));
        html.Should().Contain("<span class=\"verdict v-unavailable large\">").And.Contain("<span>UNAVAILABLE</span>", "the verdict is a word, not a colour");

        var root = diagnosis.RootCauses.First();
        html.Should().Contain($"<h3>{root.Code} {root.Name}: ");
        html.Should().Contain("<th scope=\"col\">Where (JSON pointer)</th><th scope=\"col\">Actual</th><th scope=\"col\">Expected</th>");
        html.Should().Contain($"<code>{root.Evidence[0].Path}</code>");
        html.Should().Contain("confidence: documented").And.Contain("<dt>Confidence</dt><dd>documented");
        html.Should().Contain($"<a href=\"{root.References[0]}\" rel=\"noopener noreferrer\">");

        Regex.Matches(html, "<li class=\"step\"").Should().HaveCount(diagnosis.Plan.Steps.Count);
        html.Should().Contain("<ol class=\"plan\">");
        int requests = diagnosis.Plan.Steps.Sum(s => (s.Request is null ? 0 : 1) + (s.Rollback is null ? 0 : 1) + (s.Command is null ? 0 : 1) + (s.RollbackCommand is null ? 0 : 1));
        requests.Should().BePositive("the seed plan sends requests");
        Regex.Matches(html, "<button type=\"button\" class=\"copy\" hidden").Should().HaveCount(requests, "every request and command has a copy button (revealed by the script)");
        var graph = diagnosis.Plan.Steps.First(s => s.Request is not null);
        html.Should().Contain($"<pre><code>{graph.Request!.Method} {graph.Request.Url}");
        html.Should().Contain("<dt>Risk</dt>").And.Contain("<dt>Approval</dt>").And.Contain("<dt>Permissions</dt>");
    }

    [Fact]
    public void Accepted_risks_are_shown_as_such()
    {
        var diagnosis = Diagnose.User(Fixture.Load("seed-security-defaults.json"), options =>
            options.AcceptedRisks.Add(new AcceptedRisk(DiagnosticCodes.SecurityDefaultsEnabled, "Backup appliance until the migration", "it@contoso.com", new DateOnly(2099, 1, 1))));

        string html = DiagnosisHtml.Render(diagnosis);

        html.Should().Contain("<h2 id=\"accepted\">Accepted risks");
        html.Should().Contain("<li class=\"finding accepted\">");
        html.Should().Contain("<span class=\"tag accepted\">accepted risk</span>");
        html.Should().Contain("by it@contoso.com, until 2099-01-01: Backup appliance until the migration");
    }

    [Theory]
    [MemberData(nameof(Users))]
    public void The_same_diagnosis_gives_the_same_bytes(string file, string user) =>
        DiagnosisHtml.Render(Diagnose.User(Fixture.Load(file), user)).Should().Be(DiagnosisHtml.Render(Diagnose.User(Fixture.Load(file), user)));

    [Fact]
    public void The_same_tenant_gives_the_same_bytes()
    {
        var snapshot = LargeTenantGenerator.Generate(users: 300, policies: 20).Snapshot;

        TenantHtml.Render(Service(), snapshot, TestContext.Current.CancellationToken).Should().Be(TenantHtml.Render(Service(), LargeTenantGenerator.Generate(users: 300, policies: 20).Snapshot, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_tenant_page_embeds_every_user_once_and_counts_what_the_diagnoses_say()
    {
        var diagnostics = Service();
        var snapshot = LargeTenantGenerator.Generate(users: 400, policies: 30).Snapshot;

        string html = TenantHtml.Render(diagnostics, snapshot, TestContext.Current.CancellationToken);

        Regex.Matches(html, "<script type=\"application/json\"").Should().HaveCount(1, "the data is embedded once");
        var data = Data(html);
        var users = data["users"]!.AsArray();
        var codes = data["codes"]!.AsArray().Select(c => c![0]!.GetValue<string>()).ToArray();
        var policies = data["policies"]!.AsArray().Select(p => p![0]!.GetValue<string>()).ToArray();
        var assessments = diagnostics.AssessAll(snapshot, TestContext.Current.CancellationToken).ToArray();
        users.Should().HaveCount(assessments.Length);

        var blocked = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < assessments.Length; i++)
        {
            var user = users[i]!.AsArray();
            var diagnosis = diagnostics.Diagnose(snapshot, UserRef.Parse(assessments[i].RequestedUser));
            user[0]!.GetValue<string>().Should().Be(diagnosis.UserPrincipalName ?? diagnosis.RequestedUser);
            user[2]!.GetValue<int>().Should().Be((int)diagnosis.Verdict);
            user[3]!.AsArray().Select(c => codes[c!.GetValue<int>()]).Should().BeEquivalentTo(diagnosis.RootCauses.Select(f => f.Code).Distinct());
            var byPolicy = diagnosis.Findings.Where(f => f.Severity == Severity.Blocker && f.Acceptance is null && f.PolicyId is not null).Select(f => f.PolicyId!).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            user[6]!.AsArray().Select(p => policies[p!.GetValue<int>()]).Should().BeEquivalentTo(byPolicy);
            user[7]!.AsArray().Should().HaveCount(diagnosis.Plan.Steps.Count);
            foreach (string policy in byPolicy)
            {
                blocked[policy] = blocked.GetValueOrDefault(policy) + 1;
            }
        }

        blocked.Should().NotBeEmpty("the generated tenant has blocking policies");
        foreach (var (policy, count) in blocked)
        {
            html.Should().MatchRegex(string.Create(CultureInfo.InvariantCulture, $"<code class=\"muted\">{policy}</code></th><td>[^<]*</td><td class=\"num\">{count:N0}</td>"));
        }

        foreach (var (verdict, count) in new[] { Verdict.Available, Verdict.Unavailable, Verdict.Unusable, Verdict.Indeterminate }.Select(v => (v, assessments.Count(a => a.Verdict == v))))
        {
            html.Should().Contain(string.Create(CultureInfo.InvariantCulture, $"<option value=\"{(int)verdict}\">{verdict.ToString().ToLowerInvariant()} ({count:N0})</option>"));
        }
    }

    [Fact]
    public void A_tenant_without_users_says_so()
    {
        var snapshot = new SnapshotBuilder().Build();

        string html = TenantHtml.Render(Service(), snapshot, TestContext.Current.CancellationToken);

        html.Should().Contain("<p>The snapshot holds no user.</p>");
        Data(html)["users"]!.AsArray().Should().BeEmpty();
        AssertSelfContained(html);
    }

    /// <summary>The page's data block, parsed.</summary>
    internal static JsonNode Data(string html)
    {
        var match = DataBlock().Match(html);
        match.Success.Should().BeTrue("the page embeds its data");
        return JsonNode.Parse(match.Groups[1].Value)!;
    }

    /// <summary>
    /// The page loads nothing: no attribute points at a network address except a link's <c>href</c>, no CSS
    /// <c>url()</c> or <c>@import</c>, no external script or stylesheet; its policy forbids every load and allows
    /// exactly its own script and style, by hash.
    /// </summary>
    internal static void AssertSelfContained(string html)
    {
        foreach (Match tag in Tag().Matches(html))
        {
            string element = tag.Groups[1].Value.ToLowerInvariant();
            foreach (Match attribute in Attribute().Matches(tag.Groups[2].Value))
            {
                string name = attribute.Groups[1].Value.ToLowerInvariant();
                string value = attribute.Groups[2].Value.Trim();
                bool remote = value.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("//", StringComparison.Ordinal);
                if (remote)
                {
                    (element, name).Should().Be(("a", "href"), $"only a link may name a network address ({tag.Value})");
                }

                if (name is "src" or "srcset" or "poster" or "data" or "action" or "formaction" or "xlink:href" || (element == "link" && name == "href"))
                {
                    value.Should().StartWith("data:", $"an element that loads something loads only data: URLs ({tag.Value})");
                }
            }
        }

        html.Should().NotContainAny(["url(", "@import", "@font-face", "<iframe", "<object", "<embed", "<img", "<base"]);

        var policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");
        policy.Success.Should().BeTrue();
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        var styles = Regex.Matches(html, "<style>(.*?)</style>", RegexOptions.Singleline);
        scripts.Should().HaveCount(1);
        styles.Should().HaveCount(1);
        policy.Groups[1].Value.Should().Be(
            $"default-src 'none'; img-src data:; style-src '{Hash(styles[0].Groups[1].Value)}'; script-src '{Hash(scripts[0].Groups[1].Value)}'; base-uri 'none'; form-action 'none'");
    }

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static IAuthDiagnostics Service() =>
        new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider().GetRequiredService<IAuthDiagnostics>();

    [GeneratedRegex("<script type=\"application/json\" id=\"c2-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [GeneratedRegex(@"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s>]+(?:=""[^""]*"")?)*)\s*/?>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"([^\s=]+)=""([^""]*)""")]
    private static partial Regex Attribute();
}
