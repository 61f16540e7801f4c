using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CodeTwo.AuthDiagnostics.Browser.Tests;

/// <summary>
/// The HTML reports in a real browser (issue #19): they log no error and request nothing but themselves, the tenant
/// table filters, searches, sorts and opens a user's details, a crafted policy name stays text, and a filter at
/// 100,000 users is timed (reported, not asserted). Screenshots are attached to the test results and written to the
/// output folder's <c>screenshots</c>; with <c>C2AUTHDIAG_UPDATE_SCREENSHOTS=1</c> they also replace <c>docs/screenshots</c>.
/// </summary>
public sealed class HtmlReportBrowserTests(Chromium chromium)
{
    private const string Crafted = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task The_user_page_shows_the_verdict_first_loads_nothing_and_copies_a_request()
    {
        var snapshot = await TenantSnapshot.LoadAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "seed-security-defaults.json"), TestContext.Current.CancellationToken);
        var diagnosis = Service().Diagnose(snapshot, UserRef.Parse("backup@contoso.com"));
        await using var session = await chromium.OpenAsync(DiagnosisHtml.Render(diagnosis), "user.html", height: 1300);
        var page = session.Page;

        (await page.Locator("h1").InnerTextAsync()).Should().Be("App password diagnosis for backup@contoso.com");
        (await page.Locator(".verdict.large").InnerTextAsync()).Trim().Should().Be("UNAVAILABLE");
        (await page.Locator("h2").AllInnerTextsAsync()).Should().StartWith(["Verdict", "Root causes (1)"]);
        (await page.Locator("ol.plan > li").CountAsync()).Should().Be(diagnosis.Plan.Steps.Count);
        var copy = page.Locator("button.copy");
        (await copy.CountAsync()).Should().BePositive();
        (await copy.First.IsVisibleAsync()).Should().BeTrue("the script reveals the copy buttons");
        await Screenshot(page, "report-user.png");

        await copy.First.ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('c2-live').textContent.length > 0");
        session.ShouldBeQuiet();
    }

    [Fact]
    public async Task The_tenant_table_filters_searches_sorts_and_opens_a_users_details()
    {
        var diagnostics = Service();
        var snapshot = LargeTenantGenerator.CreateBuilder(1_500, 20)
            .WithConditionalAccessPolicy(Crafted, p => p.ClientAppTypes(ClientAppType.ExchangeActiveSync, ClientAppType.Other).Block())
            .Build();
        var assessments = diagnostics.AssessAll(snapshot, TestContext.Current.CancellationToken).ToArray();
        await using var session = await chromium.OpenAsync(TenantHtml.Render(diagnostics, snapshot, TestContext.Current.CancellationToken), "tenant.html");
        var page = session.Page;
        var rows = page.Locator("#c2-rows tr");
        var status = page.Locator("#c2-status");

        (await rows.CountAsync()).Should().Be(50, "the table shows a page of 50 rows");
        (await status.InnerTextAsync()).Should().Be($"Users 1–50 of {N(assessments.Length)}.");

        // Filter by verdict: every row shown is unavailable, and the count is the tenant's.
        int unavailable = assessments.Count(a => a.Verdict == Verdict.Unavailable);
        unavailable.Should().BeInRange(1, assessments.Length - 1, "the filter must change the rows");
        await page.SelectOptionAsync("#c2-verdict", ((int)Verdict.Unavailable).ToString(CultureInfo.InvariantCulture));
        (await status.InnerTextAsync()).Should().Be($"Users 1–{N(Math.Min(50, unavailable))} of {N(unavailable)} matching ({N(assessments.Length)} in all).");
        (await page.Locator("#c2-rows .verdict").AllInnerTextsAsync()).Should().OnlyContain(v => v.Trim() == "UNAVAILABLE");

        // Filter by code (as a root cause) on top of it.
        string rootCode = assessments.Where(a => a.Verdict == Verdict.Unavailable).SelectMany(a => a.RootCauses).GroupBy(c => c).OrderBy(g => g.Count()).First().Key;
        int withCode = assessments.Count(a => a.Verdict == Verdict.Unavailable && a.RootCauses.Contains(rootCode));
        string option = await page.Locator("#c2-code optgroup[label='As a root cause'] option").Filter(new LocatorFilterOptions { HasText = rootCode }).GetAttributeAsync("value") ?? "";
        await page.SelectOptionAsync("#c2-code", option);
        (await status.InnerTextAsync()).Should().Contain($" of {N(withCode)} matching");
        (await page.Locator("#c2-rows tr th").CountAsync()).Should().Be(Math.Min(50, withCode));

        // Search: one user by UPN.
        await page.ClickAsync("#c2-reset");
        string someone = assessments[1_234].UserPrincipalName!;
        await page.FillAsync("#c2-search", someone.ToUpperInvariant());
        (await page.Locator("#c2-rows th").AllInnerTextsAsync()).Should().Equal(someone);

        // Sort by user, ascending then descending.
        await page.FillAsync("#c2-search", "");
        await page.ClickAsync("button.sort[data-sort=user]");
        var upns = assessments.Select(a => (a.UserPrincipalName ?? a.RequestedUser).ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray();
        (await page.Locator("#c2-rows th").First.InnerTextAsync()).ToLowerInvariant().Should().Be(upns[0]);
        (await page.Locator("th:has(button[data-sort=user])").GetAttributeAsync("aria-sort")).Should().Be("ascending");
        await page.ClickAsync("button.sort[data-sort=user]");
        (await page.Locator("#c2-rows th").First.InnerTextAsync()).ToLowerInvariant().Should().Be(upns[^1]);

        // The crafted policy name is text: shown as written, no image, no alert.
        (await page.Locator("section[aria-labelledby=policies] tbody th").AllInnerTextsAsync()).Should().Contain(t => t.StartsWith(Crafted, StringComparison.Ordinal));
        (await page.Locator("#c2-policy option").AllInnerTextsAsync()).Should().Contain(t => t.StartsWith(Crafted, StringComparison.Ordinal));
        (await page.Locator("img").CountAsync()).Should().Be(0);

        // Details on demand, closed with Escape, focus back on the user.
        var first = page.Locator("#c2-rows th button").First;
        string user = await first.InnerTextAsync();
        await first.ClickAsync();
        var dialog = page.Locator("#c2-details");
        (await dialog.IsVisibleAsync()).Should().BeTrue();
        (await page.Locator("#c2-details-title").InnerTextAsync()).Should().Be(user);
        (await dialog.InnerTextAsync()).Should().Contain("Plan").And.Contain("--user '" + user + "' --format html");
        (await page.Locator("#c2-details li").AllInnerTextsAsync()).Should().Contain(t => t.StartsWith(Crafted, StringComparison.Ordinal), "the crafted policy blocks every user; its name is text in the details too");
        await page.Keyboard.PressAsync("Escape");
        (await dialog.IsVisibleAsync()).Should().BeFalse();
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Should().Be(user);

        session.ShouldBeQuiet();
    }

    [Fact]
    public async Task Screenshots_of_the_tenant_page_light_and_dark()
    {
        var diagnostics = Service();
        var snapshot = LargeTenantGenerator.Generate(2_000, 40).Snapshot;
        string html = TenantHtml.Render(diagnostics, snapshot, TestContext.Current.CancellationToken);

        await using (var light = await chromium.OpenAsync(html, "tenant.html", ColorScheme.Light, height: 2000))
        {
            await Screenshot(light.Page, "report-tenant.png");
            light.ShouldBeQuiet();
        }

        await using var dark = await chromium.OpenAsync(html, "tenant-dark.html", ColorScheme.Dark, height: 1100);
        (await dark.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")).Should().Be("rgb(21, 22, 26)", "the dark theme follows prefers-color-scheme");
        await dark.Page.Locator("#c2-rows th button").First.ClickAsync();
        await Screenshot(dark.Page, "report-dark.png");
        dark.ShouldBeQuiet();
    }

    [Fact]
    public async Task A_filter_at_100000_users_is_timed()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var diagnostics = Service();
        var clock = Stopwatch.StartNew();
        var snapshot = LargeTenantGenerator.Generate(100_000, 200).Snapshot;
        output.WriteLine($"generated 100,000 users × 200 policies in {clock.Elapsed.TotalSeconds:0.0} s");

        string path = Path.Combine(Path.GetTempPath(), "c2authdiag-browser-tests", "tenant-100000.html");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        clock.Restart();
        await using (var file = File.Create(path))
        {
            await TenantHtml.WriteAsync(diagnostics, snapshot, file, progress: null, TestContext.Current.CancellationToken);
        }

        output.WriteLine($"rendered in {clock.Elapsed.TotalSeconds:0.0} s, {new FileInfo(path).Length / 1e6:0.0} MB");
        clock.Restart();
        await using var session = await chromium.OpenFileAsync(path, timeout: 180_000);
        output.WriteLine($"opened (load event, data parsed, first page shown) in {clock.Elapsed.TotalMilliseconds:0} ms");

        var timings = await session.Page.EvaluateAsync<JsonElement>("""
            () => {
              const time = (f) => { const t = performance.now(); f(); document.body.offsetHeight; return performance.now() - t; };
              const set = (id, value, type) => () => { const e = document.getElementById(id); e.value = value; e.dispatchEvent(new Event(type)); };
              const r = {};
              r.verdict = time(set('c2-verdict', '3', 'change'));
              r.verdictStatus = document.getElementById('c2-status').textContent;
              r.code = time(set('c2-code', document.querySelector('#c2-code optgroup option').value, 'change'));
              r.search = time(set('c2-search', 'user1', 'input'));
              r.clear = time(() => document.getElementById('c2-reset').click());
              r.sortFirst = time(() => document.querySelector('button.sort[data-sort=user]').click());
              r.sortAgain = time(() => document.querySelector('button.sort[data-sort=user]').click());
              r.allStatus = document.getElementById('c2-status').textContent;
              return r;
            }
            """);
        foreach (var name in new[] { "verdict", "code", "search", "clear", "sortFirst", "sortAgain" })
        {
            output.WriteLine($"{name}: {timings.GetProperty(name).GetDouble():0} ms");
        }

        timings.GetProperty("verdictStatus").GetString().Should().Contain("matching (100,000 in all)");
        timings.GetProperty("allStatus").GetString().Should().Be("Users 1–50 of 100,000.");
        session.ShouldBeQuiet();
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static IAuthDiagnostics Service() =>
        new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider().GetRequiredService<IAuthDiagnostics>();

    /// <summary>Attaches the screenshot to the test result and writes it to the output's <c>screenshots</c> (and <c>docs/screenshots</c> when asked).</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false });
        TestContext.Current.AddAttachment(name, png, "image/png");
        string directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, name), png, TestContext.Current.CancellationToken);
        if (Environment.GetEnvironmentVariable("C2AUTHDIAG_UPDATE_SCREENSHOTS") is "1" or "true")
        {
            string docs = Path.Combine(RepositoryRoot(), "docs", "screenshots");
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, name), png, TestContext.Current.CancellationToken);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CodeTwo.AuthDiagnostics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CodeTwo.AuthDiagnostics.sln) is not above the test output.");
    }
}
