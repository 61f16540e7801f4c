using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter;
using Snapshooter.Xunit3;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Tests.Rendering;

/// <summary>
/// <see cref="DiagnosisSarif"/>: every user of every fixture, and every fixture as one tenant-wide log (<see cref="TenantSarif"/>; its aggregation is
/// tested in <see cref="SarifCodeScanningTests"/>), is valid against
/// a SARIF 2.1.0 schema (Rendering/Schemas/sarif-2.1.0.schema.json: written for this repository from the standard's
/// normative text — required properties, value sets, formats, objects closed to properties SARIF does not define; the
/// OASIS schema file itself is not redistributed here), with one result per finding pointing into the catalog that the
/// log itself carries.
/// </summary>
public sealed class DiagnosisSarifTests
{
    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    public static TheoryData<string, string> Users => ApprovalTests.Users;

    public static TheoryData<string> Files => new(Fixture.AllNames);

    [Theory]
    [MemberData(nameof(Users))]
    public void Every_users_log_is_valid_SARIF_2_1_0(string file, string user)
    {
        string sarif = DiagnosisSarif.Render(Diagnose.User(Fixture.Load(file), user));

        ShouldBeValid(sarif);
    }

    [Theory]
    [MemberData(nameof(Users))]
    public void Each_finding_is_one_result_with_its_code_level_and_locations(string file, string user)
    {
        var diagnosis = Diagnose.User(Fixture.Load(file), user);

        var run = JsonNode.Parse(DiagnosisSarif.Render(diagnosis))!["runs"]![0]!;

        ResultsShouldMatch(run, [diagnosis]);
        run["properties"]!["verdict"]!.GetValue<string>().Should().Be(JsonNames.Of(diagnosis.Verdict));
        run["properties"]!["tenantId"]!.GetValue<string>().Should().Be(diagnosis.TenantId.ToString("D"));
    }

    [Fact]
    public void The_driver_carries_the_whole_catalog_with_levels_from_its_severities_and_https_help()
    {
        string sarif = DiagnosisSarif.Render(Diagnose.User(Fixture.Load("seed-security-defaults.json")));

        var driver = JsonNode.Parse(sarif)!["runs"]![0]!["tool"]!["driver"]!;
        driver["name"]!.GetValue<string>().Should().Be("CodeTwo.AuthDiagnostics");
        driver["version"]!.GetValue<string>().Should().NotBeNullOrEmpty().And.NotContain("+");
        Uri.IsWellFormedUriString(driver["informationUri"]!.GetValue<string>(), UriKind.Absolute).Should().BeTrue();
        var rules = driver["rules"]!.AsArray();
        rules.Select(r => r!["id"]!.GetValue<string>()).Should()
            .Equal(DiagnosticCatalog.All.Select(d => d.Code))
            .And.Contain([DiagnosticCodes.UserNotFound, DiagnosticCodes.PerUserMfaDisabled, DiagnosticCodes.PerUserMfaMixedWithConditionalAccess, DiagnosticCodes.RuleFailed])
            .And.BeInAscendingOrder(StringComparer.Ordinal)
            .And.OnlyHaveUniqueItems();
        foreach (var (rule, descriptor) in rules.Zip(DiagnosticCatalog.All))
        {
            rule!["name"]!.GetValue<string>().Should().Be(descriptor.Name);
            rule["shortDescription"]!["text"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
            rule["fullDescription"]!["text"]!.GetValue<string>().Should().StartWith(rule["shortDescription"]!["text"]!.GetValue<string>());
            rule["defaultConfiguration"]!["level"]!.GetValue<string>().Should().Be(descriptor.DefaultSeverity switch
            {
                Severity.Blocker => "error",
                Severity.Warning => "warning",
                _ => "note",
            });
            rule["properties"]!["kind"]!.GetValue<string>().Should().Be(JsonNames.Of(descriptor.Kind));
            string help = rule["helpUri"]!.GetValue<string>();
            Uri.TryCreate(help, UriKind.Absolute, out var uri).Should().BeTrue(help);
            uri!.Scheme.Should().Be("https", descriptor.Code);
            if (descriptor.References.Count > 0)
            {
                help.Should().Be(descriptor.References[0], "the help of a code is its first reference");
            }
        }
    }

    [Fact]
    public void A_Conditional_Access_finding_is_located_at_the_user_and_at_the_policy()
    {
        var diagnosis = Diagnose.User(Fixture.Load("ca-legacy-auth-block.json"));
        var finding = diagnosis.Findings.First(f => f.PolicyId is not null);

        var result = JsonNode.Parse(DiagnosisSarif.Render(diagnosis))!["runs"]![0]!["results"]!.AsArray()
            .First(r => r!["ruleId"]!.GetValue<string>() == finding.Code && r["locations"]![0]!["logicalLocations"]!.AsArray().Count == 2)!;

        var locations = result["locations"]![0]!["logicalLocations"]!.AsArray();
        locations[0]!["kind"]!.GetValue<string>().Should().Be("user");
        locations[0]!["fullyQualifiedName"]!.GetValue<string>().Should().Be(diagnosis.UserPrincipalName);
        locations[0]!["properties"]!["id"]!.GetValue<string>().Should().Be(diagnosis.UserId);
        locations[1]!["kind"]!.GetValue<string>().Should().Be("conditionalAccessPolicy");
        locations[1]!["name"]!.GetValue<string>().Should().Be(finding.PolicyId);
        result["properties"]!["evidence"]!.AsArray().Should().HaveCount(finding.Evidence.Count)
            .And.AllSatisfy(e => e!["pointer"]!.GetValue<string>().Should().StartWith("/"));
    }

    [Fact]
    public void A_user_missing_from_the_snapshot_is_located_by_the_name_asked_for()
    {
        var diagnosis = Diagnose.User(Fixture.Load("seed-security-defaults.json"), "nobody@contoso.com");

        var run = JsonNode.Parse(DiagnosisSarif.Render(diagnosis))!["runs"]![0]!;

        var result = run["results"]!.AsArray().Single(r => r!["ruleId"]!.GetValue<string>() == DiagnosticCodes.UserNotFound)!;
        result["level"]!.GetValue<string>().Should().Be("error");
        var user = result["locations"]![0]!["logicalLocations"]![0]!;
        user["fullyQualifiedName"]!.GetValue<string>().Should().Be("nobody@contoso.com");
        user["properties"].Should().BeNull("a missing user has no object id");
        run["properties"]!["users"]![0]!["id"].Should().BeNull();
    }

    [Fact]
    public void A_host_regraded_severity_sets_the_results_level_while_the_rule_keeps_the_catalog_default()
    {
        var diagnosis = Diagnose.User(Fixture.Load("seed-security-defaults.json"), o => o.Rules.SetSeverity(DiagnosticCodes.TenantAppPasswordSettingUnknown, Severity.Info));

        var run = JsonNode.Parse(DiagnosisSarif.Render(diagnosis))!["runs"]![0]!;

        var result = run["results"]!.AsArray().Single(r => r!["ruleId"]!.GetValue<string>() == DiagnosticCodes.TenantAppPasswordSettingUnknown)!;
        result["level"]!.GetValue<string>().Should().Be("note");
        run["tool"]!["driver"]!["rules"]![result["ruleIndex"]!.GetValue<int>()]!["defaultConfiguration"]!["level"]!.GetValue<string>().Should().Be("warning");
    }

    [Fact]
    public void An_accepted_risk_stays_a_result_suppressed_externally_with_its_reason_and_the_log_stays_valid()
    {
        var diagnosis = Diagnose.User(
            Fixture.Load("seed-security-defaults.json"),
            o => o.AcceptedRisks.Add(new AcceptedRisk(DiagnosticCodes.SecurityDefaultsEnabled, "Legacy scanner until the Graph migration", "it@contoso.com", new DateOnly(2027, 6, 30)) { User = Diagnose.Backup }));

        string sarif = DiagnosisSarif.Render(diagnosis);

        ShouldBeValid(sarif);
        var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
        var accepted = results.Single(r => r!["ruleId"]!.GetValue<string>() == DiagnosticCodes.SecurityDefaultsEnabled)!;
        var suppression = accepted["suppressions"]!.AsArray().Single()!;
        suppression["kind"]!.GetValue<string>().Should().Be("external");
        suppression["status"]!.GetValue<string>().Should().Be("accepted");
        suppression["justification"]!.GetValue<string>().Should().Be("Legacy scanner until the Graph migration");
        suppression["properties"]!["acceptedBy"]!.GetValue<string>().Should().Be("it@contoso.com");
        suppression["properties"]!["expires"]!.GetValue<string>().Should().Be("2027-06-30");
        results.Where(r => r!["ruleId"]!.GetValue<string>() != DiagnosticCodes.SecurityDefaultsEnabled).Should().OnlyContain(r => r!["suppressions"] == null);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_same_snapshot_always_gives_the_same_bytes(string file)
    {
        var diagnostics = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider().GetRequiredService<IAuthDiagnostics>();
        var snapshot = Fixture.Load(file).Snapshot();

        string once = TenantSarif.Render(diagnostics, snapshot, TestContext.Current.CancellationToken);
        string twice = TenantSarif.Render(diagnostics, snapshot, TestContext.Current.CancellationToken);

        Encoding.UTF8.GetBytes(twice).Should().Equal(Encoding.UTF8.GetBytes(once));
        once.Should().EndWith("}\n").And.NotContain("\r");
        var users = snapshot.Users.Select(u => u.User.UserPrincipalName).Concat(snapshot.MissingUsers).ToList();
        string single = DiagnosisSarif.Render(Diagnose.User(snapshot, users[0]));
        DiagnosisSarif.Render(Diagnose.User(snapshot, users[0])).Should().Be(single);
    }

    [Fact]
    public void An_empty_tenant_wide_log_is_still_valid()
    {
        var diagnostics = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider().GetRequiredService<IAuthDiagnostics>();
        var snapshot = Fixture.Load("seed-security-defaults.json").With(root => root["users"] = new JsonArray()).Snapshot();

        string sarif = TenantSarif.Render(diagnostics, snapshot, TestContext.Current.CancellationToken);

        ShouldBeValid(sarif);
        JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void The_schema_check_rejects_what_SARIF_2_1_0_forbids()
    {
        var log = JsonNode.Parse(DiagnosisSarif.Render(Diagnose.User(Fixture.Load("seed-security-defaults.json"))))!;
        ShouldBeValid(log.ToJsonString());

        var badLevel = log.DeepClone();
        badLevel["runs"]![0]!["results"]![0]!["level"] = "fatal";
        var badHelp = log.DeepClone();
        badHelp["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!["helpUri"] = "not a uri";
        var badVersion = log.DeepClone();
        badVersion["version"] = "2.0.0";

        foreach (var bad in new[] { badLevel, badHelp, badVersion })
        {
            using var document = JsonDocument.Parse(bad.ToJsonString());
            Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid.Should().BeFalse();
        }
    }

    /// <summary>
    /// The seed case's log, approved (the library's version replaced, so a release does not change it), located in the
    /// fixture's text under its repository path (no absolute source root, so the bytes are the same on every machine).
    /// </summary>
    [Fact]
    public void Seed_case_log_is_approved()
    {
        var options = new SarifOptions
        {
            SnapshotUtf8 = File.ReadAllBytes(Path.Combine(Fixture.Directory, "seed-security-defaults.json")),
            SnapshotName = "tests/fixtures/seed-security-defaults.json",
        };
        string sarif = DiagnosisSarif.Render(Diagnose.User(Fixture.Load("seed-security-defaults.json")), options)
            .Replace($"\"{DiagnosisSarif.ToolVersion}\"", "\"<version>\"", StringComparison.Ordinal)
            .Replace($" {DiagnosisSarif.ToolVersion}\"", " <version>\"", StringComparison.Ordinal);

        Snapshot.Match(sarif);
    }

    private static void ResultsShouldMatch(JsonNode run, IReadOnlyList<DiagnosisResult> diagnoses)
    {
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var results = run["results"]!.AsArray();
        var findings = diagnoses.SelectMany(d => d.Findings.Select(f => (Diagnosis: d, Finding: f))).ToArray();
        results.Should().HaveCount(findings.Length, "one result per finding");
        foreach (var (result, (diagnosis, finding)) in results.Zip(findings))
        {
            result!["ruleId"]!.GetValue<string>().Should().Be(finding.Code);
            rules[result["ruleIndex"]!.GetValue<int>()]!["id"]!.GetValue<string>().Should().Be(finding.Code, "ruleIndex points at the ruleId's rule");
            result["level"]!.GetValue<string>().Should().Be(finding.Severity switch
            {
                Severity.Blocker => "error",
                Severity.Warning => "warning",
                _ => "note",
            });
            result["message"]!["text"]!.GetValue<string>().Should().Contain(finding.Title).And.Contain(finding.Explanation);
            result["properties"]!["rootCause"]!.GetValue<bool>().Should().Be(finding.RootCause);
            var locations = result["locations"]!.AsArray().Should().ContainSingle().Subject!["logicalLocations"]!.AsArray();
            locations[0]!["kind"]!.GetValue<string>().Should().Be("user");
            locations[0]!["fullyQualifiedName"]!.GetValue<string>().Should().Be(diagnosis.UserPrincipalName ?? diagnosis.RequestedUser);
            if (finding.PolicyId is { } policy)
            {
                locations.Should().HaveCount(2);
                locations[1]!["name"]!.GetValue<string>().Should().Be(policy);
            }
            else
            {
                locations.Should().ContainSingle();
            }
        }
    }

    private static void ShouldBeValid(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        results.IsValid.Should().BeTrue(Describe(results));
    }

    private static string Describe(EvaluationResults results) => string.Join(
        "\n",
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));

    /// <summary>The repository's SARIF 2.1.0 schema (draft-07; every <c>$ref</c> local).</summary>
    private static JsonSchema LoadSchema() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rendering", "Schemas", "sarif-2.1.0.schema.json")));
}
