using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(CodeTwo.AuthDiagnostics.Browser.Tests.Chromium))]

namespace CodeTwo.AuthDiagnostics.Browser.Tests;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>), driven by Playwright through <see cref="ExecutablePath"/>:
/// Playwright's own browser download cannot be reached here, so <c>playwright install</c> is never run. Where the
/// browser is missing every test skips with <see cref="MissingMessage"/>; with <c>C2AUTHDIAG_REQUIRE_BROWSER=1</c> (set by
/// <c>.ci/run</c>) it fails instead, so CI never passes without having run them.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string MissingMessage = "Chromium is missing (" + ExecutablePath + "): install it with `apt-get install -y chromium` to run the browser tests.";

    /// <summary>No sandbox (containers), no GPU, and nothing the browser would fetch on its own (updates, sync, QUIC probes).</summary>
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Whether a missing browser fails the tests (CI) instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("C2AUTHDIAG_REQUIRE_BROWSER") is "1" or "true";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>The browser; skips the test (or fails it, in CI) when Chromium is not installed.</summary>
    public IBrowser Browser()
    {
        if (browser is not null)
        {
            return browser;
        }

        if (Required)
        {
            Assert.Fail(MissingMessage + " C2AUTHDIAG_REQUIRE_BROWSER is set, so a missing browser fails the run.");
        }

        Assert.Skip(MissingMessage);
        return null!;
    }

    /// <summary>
    /// Opens <paramref name="html"/> from a file (as a mail attachment would be opened) in a fresh context that records
    /// console errors, script errors, dialogs (an <c>alert</c> would be one) and every request; a request for anything
    /// but the page itself or a <c>data:</c> URL is recorded and aborted.
    /// </summary>
    public async Task<Session> OpenAsync(string html, string name, ColorScheme colorScheme = ColorScheme.Light, int width = 1280, int height = 900, float timeout = 30_000)
    {
        var browser = Browser();
        string directory = Path.Combine(Path.GetTempPath(), "c2authdiag-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, html, TestContext.Current.CancellationToken);
        return await OpenFileAsync(browser, path, colorScheme, width, height, timeout);
    }

    /// <summary>Like <see cref="OpenAsync"/>, for a page already written to <paramref name="path"/>.</summary>
    public Task<Session> OpenFileAsync(string path, ColorScheme colorScheme = ColorScheme.Light, int width = 1280, int height = 900, float timeout = 30_000) =>
        OpenFileAsync(Browser(), path, colorScheme, width, height, timeout);

    private static async Task<Session> OpenFileAsync(IBrowser browser, string path, ColorScheme colorScheme, int width, int height, float timeout)
    {
        string url = new Uri(path).AbsoluteUri;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ColorScheme = colorScheme,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(timeout);
        var session = new Session(context, url);
        await context.RouteAsync("**/*", async route =>
        {
            string requested = route.Request.Url;
            if (requested == url || requested.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                session.Blocked.Add(requested);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        session.Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                session.ConsoleErrors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => session.ConsoleErrors.Add("page error: " + error);
        page.Request += (_, request) => session.Requests.Add(request.Url);
        page.Dialog += async (_, dialog) =>
        {
            session.Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
        return session;
    }
}

/// <summary>One open page and what it did.</summary>
public sealed class Session(IBrowserContext context, string url) : IAsyncDisposable
{
    public IPage Page { get; set; } = null!;

    public string Url { get; } = url;

    public List<string> ConsoleErrors { get; } = [];

    public List<string> Dialogs { get; } = [];

    public List<string> Requests { get; } = [];

    public List<string> Blocked { get; } = [];

    /// <summary>Nothing went wrong: no console error or warning, no dialog, and no request but the page itself (or a data: URL).</summary>
    public void ShouldBeQuiet()
    {
        ConsoleErrors.Should().BeEmpty("the page logs no error (a CSP violation would be one)");
        Dialogs.Should().BeEmpty("nothing opens a dialog (an injected alert would)");
        Blocked.Should().BeEmpty("no request leaves the page");
        Requests.Should().OnlyContain(r => r == Url || r.StartsWith("data:", StringComparison.Ordinal), "the only request is the page itself");
    }

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}
