using System.Text.RegularExpressions;

using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Rendering;

/// <summary>Layout rules of the Markdown report that the approved files rely on, checked on every fixture.</summary>
public sealed partial class MarkdownLayoutTests
{
    public static TheoryData<string> Files => new(Fixture.AllNames);

    [Theory]
    [MemberData(nameof(Files))]
    public void Details_nest_under_their_list_item_and_never_state_an_empty_or_misleading_fact(string file)
    {
        foreach (var diagnosis in new CodeTwo.AuthDiagnostics.DiagnosticEngine().DiagnoseAll(Fixture.Load(file).Snapshot()))
        {
            string markdown = DiagnosisMarkdown.Render(diagnosis);

            AssertNested(markdown);
            markdown.Should().NotContain("Needs:  (", "a step without permissions names only its role");
            markdown.Should().NotContain("`/` is", "host facts are not values of the snapshot root");
            markdown.Should().NotContain("expected informational");
        }
    }

    [Fact]
    public void Items_numbered_ten_and_above_nest_their_details_one_column_deeper()
    {
        var policies = Enumerable.Range(1, 8)
            .Select(i => new CaPolicy { Id = $"aaaaaaaa-1111-4111-8111-{i:D12}", DisplayName = $"Block legacy authentication {i}" })
            .ToArray();
        var fixture = Baseline.WithPolicies(policies).With(root => root.PerUserMfa("disabled"));

        string markdown = DiagnosisMarkdown.Render(Diagnose.User(fixture));

        markdown.Should().Contain("\n10. **");
        markdown.Should().MatchRegex(@"\n10\. [^\n]*\n    - ", "the details of item 10 start under its text");
        AssertNested(markdown);
    }

    [Fact]
    public void Blockers_that_are_not_root_causes_are_listed_apart()
    {
        string markdown = DiagnosisMarkdown.Render(Diagnose.User(Fixture.Load("seed-security-defaults.json")));

        int roots = markdown.IndexOf("## Root causes", StringComparison.Ordinal);
        int blocking = markdown.IndexOf("## Also blocking", StringComparison.Ordinal);
        int others = markdown.IndexOf("## Other findings", StringComparison.Ordinal);
        roots.Should().BeGreaterThan(0);
        blocking.Should().BeGreaterThan(roots);
        others.Should().BeGreaterThan(blocking);
        markdown[blocking..others].Should().Contain("APW010").And.NotContain("APW011");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Plain_text_has_no_markup(string file)
    {
        foreach (var diagnosis in new CodeTwo.AuthDiagnostics.DiagnosticEngine().DiagnoseAll(Fixture.Load(file).Snapshot()))
        {
            string text = DiagnosisText.Render(diagnosis);

            text.Should().NotContain("**").And.NotContain("`").And.NotContain("\n#");
            text.Should().Contain(diagnosis.UserPrincipalName ?? diagnosis.RequestedUser);
        }
    }

    /// <summary>Every line that starts with spaces is a "- " detail indented exactly under the text of the item above it.</summary>
    private static void AssertNested(string markdown)
    {
        int indent = -1;
        foreach (string line in markdown.Split('\n'))
        {
            var item = ListItem().Match(line);
            if (item.Success)
            {
                indent = item.Groups[1].Length + 1;
                continue;
            }

            if (line.StartsWith(' '))
            {
                indent.Should().BePositive($"'{line}' follows a list item");
                line.Should().StartWith(new string(' ', indent) + "- ", "details nest under their item");
                line[indent..].Should().NotStartWith(" ");
            }
            else if (line.Length == 0 || line.StartsWith('#'))
            {
                indent = -1;
            }
        }
    }

    [GeneratedRegex(@"^(\d+\.|-) ")]
    private static partial Regex ListItem();
}
