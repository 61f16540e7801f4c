using CodeTwo.AuthDiagnostics.Snapshots;
using System.Text.RegularExpressions;
using CodeTwo.AuthDiagnostics.Rendering;

namespace CodeTwo.AuthDiagnostics.Tests.Rendering;

public sealed class ExchangeOnlineScriptTests
{
    [Fact]
    public void The_script_only_runs_read_only_cmdlets_against_Exchange_Online()
    {
        string script = ExchangeOnlineScript.Create(["backup@contoso.com"]);

        ExchangeOnlineScript.Cmdlets.Should().Equal("Get-TransportConfig", "Get-OrganizationConfig", "Get-AuthenticationPolicy", "Get-CASMailbox", "Get-User");
        script.Should().Contain("Connect-ExchangeOnline").And.Contain("$outFile = 'exchange-online.json'\n").And.Contain("    'backup@contoso.com'\n");
        Regex.IsMatch(script, @"\b(Set|New|Remove)-", RegexOptions.IgnoreCase).Should().BeFalse();
        script.Should().EndWith("\n").And.NotContain("\r");
    }

    [Fact]
    public void Users_and_the_output_path_are_single_quoted_literals()
    {
        string script = ExchangeOnlineScript.Create(["it's\u2019@contoso.com", "a@b.com\n$(Get-Date)"], "out 'x'.json");

        script.Should().Contain("    'it''s\u2019\u2019@contoso.com'\n").And.Contain("    'a@b.com $(Get-Date)'\n").And.Contain("$outFile = 'out ''x''.json'\n");
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        FluentActions.Invoking(() => ExchangeOnlineScript.Create(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ExchangeOnlineScript.Create([null!])).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ExchangeOnlineScript.Create(["a@b.com"], " ")).Should().Throw<ArgumentException>();
    }
}
