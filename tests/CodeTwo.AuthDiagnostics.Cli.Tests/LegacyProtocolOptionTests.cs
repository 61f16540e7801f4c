using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Commands;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;
using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

/// <summary><c>--legacy-protocol</c> accepts exactly the CLI names of catalog v1.1 §1 (§6 item 10: case-insensitive, unknown → exit 2).</summary>
public sealed class LegacyProtocolOptionTests
{
    /// <summary>The catalog's names, written out here on purpose: the CLI takes them from the library's table, the test from the catalog.</summary>
    public static TheoryData<string, LegacyProtocols> CatalogNames => new()
    {
        { "SMTP", LegacyProtocols.SmtpAuth },
        { "IMAP", LegacyProtocols.Imap },
        { "POP", LegacyProtocols.Pop },
        { "EWS", LegacyProtocols.Ews },
        { "EAS", LegacyProtocols.ExchangeActiveSync },
        { "RPS", LegacyProtocols.RemotePowerShell },
        { "MAPI", LegacyProtocols.OutlookMapi },
        { "IDCRL", LegacyProtocols.SharePointIdcrl },
    };

    private static readonly string[] Names = ["SMTP", "IMAP", "POP", "EWS", "EAS", "RPS", "MAPI", "IDCRL"];

    [Theory]
    [MemberData(nameof(CatalogNames))]
    public void Every_catalog_name_declares_its_protocol(string name, LegacyProtocols expected)
    {
        Parse("--legacy-protocol", name).LegacyProtocols.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(CatalogNames))]
    public void Names_are_case_insensitive(string name, LegacyProtocols expected)
    {
        Parse("--legacy-protocol", name.ToLowerInvariant()).LegacyProtocols.Should().Be(expected);
        Parse("--legacy-protocol", name[..1] + name[1..].ToLowerInvariant()).LegacyProtocols.Should().Be(expected);
    }

    [Fact]
    public void The_cli_table_names_every_protocol_of_the_library_table_in_its_order()
    {
        // The CLI uses only the library's public API, so it keeps its own list of names; this keeps it in step.
        DiagnosisOptions.ProtocolTable.Select(row => (row.CliName, row.Protocol)).Should().Equal(
            LegacyProtocolRetirements.All.Select(row => (row.CliName, row.Protocol)));
    }

    [Fact]
    public void The_option_repeats_and_the_protocols_add_up()
    {
        Parse("--legacy-protocol", "smtp", "--legacy-protocol", "Imap", "--legacy-protocol", "IDCRL", "--legacy-protocol", "SMTP")
            .LegacyProtocols.Should().Be(LegacyProtocols.SmtpAuth | LegacyProtocols.Imap | LegacyProtocols.SharePointIdcrl);
    }

    [Fact]
    public void Without_the_option_no_protocol_is_declared()
    {
        Parse().LegacyProtocols.Should().Be(LegacyProtocols.None);
    }

    [Fact]
    public void An_unknown_name_is_invalid_input_that_lists_every_valid_name()
    {
        var act = () => Parse("--legacy-protocol", "SMTP", "--legacy-protocol", "SmtpAuth");

        var message = act.Should().Throw<InvalidInputException>().Which.Message;
        message.Should().StartWith("--legacy-protocol 'SmtpAuth' is not one of ");
        Listed(message).Should().BeEquivalentTo(Names);
    }

    [Theory]
    [InlineData("diagnose")]
    [InlineData("plan")]
    [InlineData("apply", "--executor", "inmemory")]
    public async Task An_unknown_name_exits_2_with_the_valid_names(string command, params string[] more)
    {
        var run = await CliRun.RunAsync([command, .. more, "--legacy-protocol", "FTP"]);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stdout.Should().BeEmpty();
        string line = run.StderrLines.Should().ContainSingle(l => l.Contains("--legacy-protocol 'FTP' is not one of ", StringComparison.Ordinal)).Subject;
        Listed(line).Should().BeEquivalentTo(Names);
        run.ShouldHaveNoStackTrace();
    }

    [Theory]
    [InlineData("diagnose")]
    [InlineData("plan")]
    [InlineData("apply")]
    public async Task Help_names_every_protocol_the_default_and_what_declaring_means(string command)
    {
        var run = await CliRun.RunAsync(command, "--help");

        run.ExitCode.Should().Be(0, run.ToString());
        string help = run.FlatStdout;
        help.Should().Contain("--legacy-protocol <PROTOCOL>");
        help.Should().Contain(": " + string.Join(", ", Names.OrderBy(Order)) + " (case-insensitive, repeatable)");
        help.Should().Contain("Default: none declared.");
        help.Should().Contain("only when a declared protocol still accepts app passwords on the snapshot's capture date");
        help.Should().Contain("turning off security defaults").And.Contain("excluding the account from a Conditional Access policy");
    }

    [Fact]
    public async Task A_declared_name_in_any_case_reaches_the_diagnosis()
    {
        var upper = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("healthy-enforced.json"), "--legacy-protocol", "IMAP", "--format", "json");
        var lower = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("healthy-enforced.json"), "--legacy-protocol", "imap", "--format", "json");

        upper.ExitCode.Should().Be(0, upper.ToString());
        lower.Stdout.Should().Be(upper.Stdout);
    }

    /// <summary>The help lists the names in the table's order (the flag order of <see cref="LegacyProtocols"/>).</summary>
    private static int Order(string name) => (int)CatalogNames.Single(row => (string)row.Data.Item1 == name).Data.Item2;

    /// <summary>The names after "is not one of ".</summary>
    private static string[] Listed(string message) =>
        message[(message.IndexOf("is not one of ", StringComparison.Ordinal) + "is not one of ".Length)..].Split(", ");

    private static AuthDiagnosticsOptions Parse(params string[] args)
    {
        var options = new DiagnosisOptions();
        var command = new RootCommand();
        options.AddTo(command);
        var result = command.Parse(args);
        result.Errors.Should().BeEmpty();
        return options.ToEngineOptions(result);
    }
}
