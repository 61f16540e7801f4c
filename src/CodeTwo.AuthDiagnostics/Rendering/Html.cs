using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// What <see cref="DiagnosisHtml"/> and <see cref="TenantHtml"/> share: encoding of tenant-supplied text, the page's
/// head (a Content-Security-Policy that allows no network request and only the page's own script and style), the
/// stylesheet (light and dark, print), the verdict icons and the copy buttons' script. Everything is a constant or
/// derived once from constants: the pages are deterministic.
/// </summary>
internal static class Html
{
    /// <summary>
    /// The encoder for JSON embedded in a <c>&lt;script type="application/json"&gt;</c> block: every Unicode letter stays
    /// as it is (names in any script stay compact), but <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes, and U+2028/U+2029
    /// are always escaped (<c>\u003C</c> …), so no value can close the script element or start a comment in it.
    /// </summary>
    public static readonly JavaScriptEncoder ScriptJsonEncoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>The verdicts in the reports' order (available, unavailable, unusable, indeterminate).</summary>
    public static ReadOnlySpan<Verdict> VerdictOrder => [Verdict.Available, Verdict.Unavailable, Verdict.Unusable, Verdict.Indeterminate];

    /// <summary>Appends <paramref name="value"/> as HTML text or attribute value: markup characters encoded, control and bidirectional-override characters shown as <c>\uXXXX</c>, line breaks (U+2028 and U+2029 too) as spaces.</summary>
    public static StringBuilder Text(this StringBuilder s, string? value) => Append(s, value, keepLineBreaks: false);

    /// <summary>Like <see cref="Text"/>, but keeps line breaks (for <c>&lt;pre&gt;</c>).</summary>
    public static StringBuilder Code(this StringBuilder s, string? value) => Append(s, value, keepLineBreaks: true);

    /// <summary><paramref name="value"/> encoded as HTML text (see <see cref="Text"/>).</summary>
    public static string Encode(string? value) => new StringBuilder().Text(value).ToString();

    /// <summary>Tenant-supplied text for the embedded JSON (the page's script shows it with <c>textContent</c>): control and bidirectional-override characters made visible.</summary>
    public static string Visible(string value) => RenderedText.Console(value);

    /// <summary>
    /// A link when <paramref name="url"/> is an absolute <c>http</c> or <c>https</c> address (opened by the reader, never
    /// loaded by the page), else the text itself.
    /// </summary>
    public static StringBuilder Link(this StringBuilder s, string url, string? label = null)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return s.Append("<a href=\"").Text(url).Append("\" rel=\"noopener noreferrer\">").Text(label ?? url).Append("</a>");
        }

        return s.Text(label ?? url);
    }

    /// <summary>The word for a verdict (its JSON name).</summary>
    public static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Available => "available",
        Verdict.Unavailable => "unavailable",
        Verdict.Unusable => "unusable",
        _ => "indeterminate",
    };

    /// <summary>A verdict badge: an icon (hidden from screen readers) and the word, so the verdict never rests on colour alone.</summary>
    public static StringBuilder Badge(this StringBuilder s, Verdict verdict, bool large = false)
    {
        string word = Word(verdict);
        return s.Append("<span class=\"verdict v-").Append(word).Append(large ? " large" : string.Empty).Append("\">")
            .Append(Icon(verdict)).Append("<span>").Append(word.ToUpperInvariant()).Append("</span></span>");
    }

    /// <summary>The inline SVG icon of a verdict (check, cross, warning triangle, question mark); decorative.</summary>
    public static string Icon(Verdict verdict) => verdict switch
    {
        Verdict.Available => IconStart + "<circle cx=\"8\" cy=\"8\" r=\"7\"/><path d=\"M4.5 8.3l2.3 2.3 4.7-4.9\"/></svg>",
        Verdict.Unavailable => IconStart + "<circle cx=\"8\" cy=\"8\" r=\"7\"/><path d=\"M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4\"/></svg>",
        Verdict.Unusable => IconStart + "<path d=\"M8 1.5l7 12.5H1z\"/><path d=\"M8 6v4M8 11.8v.4\"/></svg>",
        _ => IconStart + "<circle cx=\"8\" cy=\"8\" r=\"7\"/><path d=\"M6 6.2a2 2 0 1 1 2.8 1.8c-.6.3-.8.7-.8 1.3v.6M8 11.8v.4\"/></svg>",
    };

    private const string IconStart = "<svg class=\"icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">";

    /// <summary>The start of a page: doctype, head (charset, viewport, colour schemes, the policy, the title, the style) and the opening body.</summary>
    /// <param name="s">Where the page goes.</param>
    /// <param name="title">The title (encoded here).</param>
    /// <param name="script">The page's one script (its hash goes into the policy).</param>
    public static StringBuilder Head(this StringBuilder s, string title, string script) =>
        s.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src '").Append(Hash(Style))
            .Append("'; script-src '").Append(Hash(script)).Append("'; base-uri 'none'; form-action 'none'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"generator\" content=\"CodeTwo.AuthDiagnostics\">\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<title>").Text(title).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#main\">Skip to the report</a>\n");

    /// <summary>The end of a page: the live region for announcements, the script, the closing tags.</summary>
    public static StringBuilder Foot(this StringBuilder s, string script) =>
        s.Append("<footer><p>Made by CodeTwo.AuthDiagnostics from a tenant auth snapshot. This file loads nothing from the network; links open only when followed.</p></footer>\n")
            .Append("<div id=\"c2-live\" class=\"offscreen\" role=\"status\" aria-live=\"polite\"></div>\n")
            .Append("<script>").Append(script).Append("</script>\n</body>\n</html>\n");

    /// <summary>A block of text to copy (a request, a command): the text in <c>&lt;pre&gt;</c> and a copy button the script reveals.</summary>
    public static StringBuilder CopyBlock(this StringBuilder s, string label, string text) =>
        s.Append("<div class=\"code\"><div class=\"code-head\"><span>").Text(label)
            .Append("</span><button type=\"button\" class=\"copy\" hidden aria-label=\"Copy ").Text(label.ToLowerInvariant()).Append("\">Copy</button></div><pre><code>")
            .Code(text).Append("</code></pre></div>\n");

    /// <summary>A number for people (invariant, with thousands separators).</summary>
    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The policy source for an inline script or style: <c>sha256-</c> and the base64 of the UTF-8's SHA-256.</summary>
    internal static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static StringBuilder Append(StringBuilder s, string? value, bool keepLineBreaks)
    {
        if (value is null)
        {
            return s;
        }

        foreach (char c in value)
        {
            switch (c)
            {
                case '&':
                    s.Append("&amp;");
                    break;
                case '<':
                    s.Append("&lt;");
                    break;
                case '>':
                    s.Append("&gt;");
                    break;
                case '"':
                    s.Append("&quot;");
                    break;
                case '\'':
                    s.Append("&#39;");
                    break;
                case '\n' when keepLineBreaks:
                    s.Append('\n');
                    break;
                case '\r' or '\n' or '\u2028' or '\u2029':
                    s.Append(' ');
                    break;
                default:
                    if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                    {
                        s.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        s.Append(c);
                    }

                    break;
            }
        }

        return s;
    }

    /// <summary>The copy buttons: revealed when the script runs (no dead buttons in a mail viewer), they copy their block's text.</summary>
    public const string CopyScript = """
(function () {
  'use strict';
  var live = document.getElementById('c2-live');
  function say(text) { if (live) { live.textContent = ''; live.textContent = text; } }
  function fallback(text) {
    var t = document.createElement('textarea');
    t.value = text; t.setAttribute('readonly', ''); t.className = 'offscreen';
    document.body.appendChild(t); t.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(t);
    return ok;
  }
  function done(button, ok) {
    button.textContent = ok ? 'Copied' : 'Select and copy';
    say(ok ? 'Copied to the clipboard.' : 'Copying failed: select the text and copy it.');
    setTimeout(function () { button.textContent = 'Copy'; }, 1500);
  }
  document.querySelectorAll('button.copy[hidden]').forEach(function (b) { b.hidden = false; });
  document.addEventListener('click', function (e) {
    var button = e.target && e.target.closest ? e.target.closest('button.copy') : null;
    if (!button) { return; }
    var box = button.closest('.code');
    var pre = box ? box.querySelector('pre') : null;
    if (!pre) { return; }
    var text = pre.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(button, true); }, function () { done(button, fallback(text)); });
    } else {
      done(button, fallback(text));
    }
  });
})();
""";

    /// <summary>The stylesheet: system fonts only, light and dark by <c>prefers-color-scheme</c>, a print layout.</summary>
    public const string Style = """
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1c1c21;--muted:#55555f;--line:#d3d3db;--card:#f4f4f7;--accent:#0b57d0;--ok:#0b6b35;--ok-bg:#e3f4ea;--bad:#b0261c;--bad-bg:#fbe7e5;--warn:#7a4d00;--warn-bg:#fdf0d5;--unk:#4c4f69;--unk-bg:#e8e9f3;--code:#eef0f4}
@media (prefers-color-scheme:dark){:root{--bg:#15161a;--fg:#e9e9ef;--muted:#a9a9b6;--line:#3a3b44;--card:#1f2026;--accent:#8ab4f8;--ok:#7dd99f;--ok-bg:#173626;--bad:#ff9b8f;--bad-bg:#431c19;--warn:#f5c76b;--warn-bg:#3b2e12;--unk:#b9bce6;--unk-bg:#282a3c;--code:#23252d}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0 auto;max-width:72rem;padding:1rem 1.25rem 3rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:var(--bg);color:var(--fg)}
h1{font-size:1.6rem;line-height:1.25;margin:1rem 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:0 0 .25rem;overflow-wrap:anywhere}
a{color:var(--accent);overflow-wrap:anywhere}
p,li,td,th,dd{overflow-wrap:anywhere}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0}.skip:focus{left:1rem;background:var(--bg);padding:.5rem;z-index:10}
.offscreen{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.muted{color:var(--muted)}
.plain{list-style:none;padding-left:0}.refs{margin:0;padding-left:1.1rem}
.icon{width:1.1em;height:1.1em;flex:none;fill:none;stroke:currentColor;stroke-width:1.7;stroke-linecap:round;stroke-linejoin:round}
.verdict{display:inline-flex;align-items:center;gap:.35em;font-weight:700;letter-spacing:.02em;padding:.1em .55em;border-radius:999px;border:1px solid currentColor;white-space:nowrap}
.verdict.large{font-size:1.35rem;padding:.25em .8em}
.v-available{color:var(--ok);background:var(--ok-bg)}.v-unavailable{color:var(--bad);background:var(--bad-bg)}.v-unusable{color:var(--warn);background:var(--warn-bg)}.v-indeterminate{color:var(--unk);background:var(--unk-bg)}
.banner{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem 1rem;padding:1rem;border:1px solid var(--line);border-radius:.5rem;background:var(--card)}
.banner p{margin:0;font-size:1.1rem}
.tag{display:inline-block;font-size:.8rem;font-weight:600;padding:0 .45em;border:1px solid var(--line);border-radius:.3em;color:var(--muted);white-space:nowrap}
.tag.blocker{color:var(--bad);border-color:currentColor}.tag.accepted{color:var(--ok);border-color:currentColor}.tag.approval{color:var(--warn);border-color:currentColor}
.finding,.step{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;margin:0 0 .75rem;background:var(--bg)}
.finding.accepted{border-style:dashed}
.finding header,.step header{display:flex;flex-wrap:wrap;gap:.35rem .5rem;align-items:baseline}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}
.facts dt{font-weight:600;color:var(--muted)}.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
thead th{font-size:.85rem;color:var(--muted);border-bottom:2px solid var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
button.show{white-space:nowrap}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.88em}
code{background:var(--code);padding:0 .25em;border-radius:.25em;overflow-wrap:anywhere}
pre{margin:0;padding:.6rem .75rem;background:var(--code);border-radius:0 0 .4rem .4rem;white-space:pre-wrap;overflow-wrap:anywhere}
pre code{padding:0;background:none}
.code{margin:.5rem 0;border:1px solid var(--line);border-radius:.4rem}
.code-head{display:flex;justify-content:space-between;align-items:center;padding:.2rem .5rem .2rem .75rem;font-size:.85rem;font-weight:600;color:var(--muted)}
button{font:inherit;color:inherit;background:var(--card);border:1px solid var(--line);border-radius:.35rem;padding:.2rem .7rem;cursor:pointer}
button:hover{border-color:var(--accent)}
button.link{background:none;border:none;padding:0;color:var(--accent);text-decoration:underline;text-align:left;overflow-wrap:anywhere}
ol.plan{padding-left:0;list-style:none;counter-reset:step}
ol.plan>li{counter-increment:step}
ol.plan>li h3::before{content:counter(step) ". "}
.cards{display:flex;flex-wrap:wrap;gap:.75rem;padding:0;list-style:none;margin:.5rem 0 1rem}
.cards li{flex:1 1 10rem;border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem;background:var(--card)}
.cards .count{display:block;font-size:1.6rem;font-weight:700;font-variant-numeric:tabular-nums}
.chart{max-width:40rem;width:100%;height:auto}
.chart text{fill:var(--fg);font:13px system-ui,sans-serif}
.bar-available{fill:var(--ok)}.bar-unavailable{fill:var(--bad)}.bar-unusable{fill:var(--warn)}.bar-indeterminate{fill:var(--unk)}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:.5rem 0}
.controls label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600;color:var(--muted)}
.controls select,.controls input{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:.35rem;padding:.25rem .4rem;min-width:11rem}
.pager{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}
th button.sort{background:none;border:none;padding:0;font-weight:700;color:inherit}
th[aria-sort=ascending] button.sort::after{content:" \25B2"}th[aria-sort=descending] button.sort::after{content:" \25BC"}
dialog{max-width:min(48rem,94vw);width:100%;border:1px solid var(--line);border-radius:.6rem;background:var(--bg);color:var(--fg);padding:1rem 1.25rem}
dialog::backdrop{background:rgba(0,0,0,.45)}
.dialog-head{display:flex;justify-content:space-between;gap:1rem;align-items:start}
.dialog-head h2{margin:0;border:none}
footer{margin-top:3rem;font-size:.85rem;color:var(--muted)}
@media (max-width:40rem){.facts{grid-template-columns:1fr}.facts dt{margin-top:.35rem}body{padding:.5rem .75rem 2rem}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#333;--line:#999;--card:#fff;--code:#f2f2f2;--accent:#000}html,body{background:#fff;color:#000}body{max-width:none;padding:0;font-size:11pt}button,.copy,.controls,.pager,.skip,dialog,.no-print{display:none!important}a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;overflow-wrap:anywhere}.finding,.step,.cards li,.banner{break-inside:avoid}h2{break-after:avoid}}
""";
}
