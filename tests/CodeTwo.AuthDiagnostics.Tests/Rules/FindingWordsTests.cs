using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>A finding's words are built on first read, once, the same for every reader; a builder that fails says so.</summary>
public sealed class FindingWordsTests
{
    [Fact]
    public void Words_are_built_once_on_first_read_and_shared_by_concurrent_readers()
    {
        int built = 0;
        var finding = new Finding(() =>
        {
            Interlocked.Increment(ref built);
            return new FindingText("title", "explanation", [new Evidence("/", null, "x")]);
        })
        { Code = DiagnosticCodes.PerUserMfaDisabled, Name = "PerUserMfaDisabled" };

        built.Should().Be(0, "nothing is built before it is read");
        var titles = new string[8];
        Parallel.For(0, titles.Length, i => titles[i] = finding.Title);

        titles.Should().OnlyContain(t => ReferenceEquals(t, titles[0]));
        finding.Explanation.Should().Be("explanation");
        finding.Evidence.Should().ContainSingle();
        built.Should().BeInRange(1, titles.Length, "racing first readers may each build; one result wins");
        int after = built;
        _ = finding.Title + finding.Explanation;
        built.Should().Be(after, "once read, the words are kept");
    }

    [Fact]
    public void A_builder_that_fails_gives_words_that_say_so()
    {
        var finding = new Finding(() => throw new InvalidOperationException("boom")) { Code = DiagnosticCodes.RuleFailed, Name = "RuleFailed" };

        finding.Title.Should().Be("APW099 RuleFailed");
        finding.Explanation.Should().Contain("InvalidOperationException: boom");
        finding.Evidence.Should().BeEmpty();
    }

    [Fact]
    public void A_copy_keeps_the_words_and_words_set_directly_win()
    {
        var lazy = new Finding(() => new FindingText("t", "e", [])) { Code = "APW001" };
        var copy = new Finding(lazy) { RootCause = true };
        var direct = new Finding { Title = "direct", Explanation = "words" };

        copy.Title.Should().Be("t");
        lazy.Title.Should().Be("t");
        direct.Title.Should().Be("direct");
        direct.Explanation.Should().Be("words");
        direct.Evidence.Should().BeEmpty();
    }
}
