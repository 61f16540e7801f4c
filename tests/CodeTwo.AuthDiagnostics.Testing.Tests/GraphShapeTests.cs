using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Testing.Tests.Support;

namespace CodeTwo.AuthDiagnostics.Testing.Tests;

/// <summary>
/// The builder's payloads have the same property names, in the same order, as the Graph responses captured in the
/// repository's fixtures (tests/fixtures, copied next to the test assembly).
/// </summary>
public sealed class GraphShapeTests
{
    private static readonly Built Sample = Built.From(new SnapshotBuilder()
        .WithEntraIdP1()
        .WithMfaServicePolicy(allowAppPasswords: true)
        .WithGroup("Service Accounts")
        .WithUser("backup@contoso.com", u => u
            .Methods(AuthenticationMethodKind.Password, AuthenticationMethodKind.MicrosoftAuthenticator, AuthenticationMethodKind.Phone, AuthenticationMethodKind.Email, AuthenticationMethodKind.Fido2)
            .MemberOf("Service Accounts")
            .WithRole(KnownRoles.GlobalAdministrator))
        .WithConditionalAccessPolicy("Block legacy authentication", p => p.ClientAppTypes(ClientAppType.ExchangeActiveSync, ClientAppType.Other).Block()));

    private static readonly JsonNode LegacyBlock = Fixture("ca-legacy-auth-block.json");
    private static readonly JsonNode MultiUser = Fixture("multi-user-tenant.json");
    private static readonly JsonNode Seed = Fixture("seed-security-defaults.json");

    private static readonly (string Fixture, string FixturePointer, string BuiltPointer)[] Cases =
    [
        ("ca-legacy-auth-block.json", "/sections/conditionalAccessPolicies/value/0", "/sections/conditionalAccessPolicies/value/0"),
        ("ca-legacy-auth-block.json", "/sections/conditionalAccessPolicies/value/0/conditions", "/sections/conditionalAccessPolicies/value/0/conditions"),
        ("ca-legacy-auth-block.json", "/sections/conditionalAccessPolicies/value/0/conditions/applications", "/sections/conditionalAccessPolicies/value/0/conditions/applications"),
        ("ca-legacy-auth-block.json", "/sections/conditionalAccessPolicies/value/0/conditions/users", "/sections/conditionalAccessPolicies/value/0/conditions/users"),
        ("ca-legacy-auth-block.json", "/sections/conditionalAccessPolicies/value/0/grantControls", "/sections/conditionalAccessPolicies/value/0/grantControls"),
        ("ca-legacy-auth-block.json", "/sections/securityDefaults/value", "/sections/securityDefaults/value"),
        ("ca-legacy-auth-block.json", "/sections/authenticationMethodsPolicy/value", "/sections/authenticationMethodsPolicy/value"),
        ("ca-legacy-auth-block.json", "/sections/mfaServicePolicy/value", "/sections/mfaServicePolicy/value"),
        ("ca-legacy-auth-block.json", "/sections/domains/value/0", "/sections/domains/value/0"),
        ("ca-legacy-auth-block.json", "/sections/domains/value/1", "/sections/domains/value/1"),
        ("ca-legacy-auth-block.json", "/sections/subscribedSkus/value/0", "/sections/subscribedSkus/value/0"),
        ("ca-legacy-auth-block.json", "/sections/subscribedSkus/value/0/servicePlans/0", "/sections/subscribedSkus/value/0/servicePlans/0"),
        ("ca-legacy-auth-block.json", "/sections/subscribedSkus/value/0/prepaidUnits", "/sections/subscribedSkus/value/0/prepaidUnits"),
        ("ca-legacy-auth-block.json", "/users/0/user", "/users/0/user"),
        ("ca-legacy-auth-block.json", "/users/0/sections/authenticationRequirements/value", "/users/0/sections/authenticationRequirements/value"),
        ("ca-legacy-auth-block.json", "/users/0/sections/authenticationMethods/value/0", "/users/0/sections/authenticationMethods/value/0"),
        ("ca-legacy-auth-block.json", "/users/0/sections/authenticationMethods/value/1", "/users/0/sections/authenticationMethods/value/1"),
        ("ca-legacy-auth-block.json", "/users/0/sections/transitiveMemberOf/value/0", "/users/0/sections/transitiveMemberOf/value/0"),
        ("seed-security-defaults.json", "/users/0/sections/transitiveMemberOf/value/1", "/users/0/sections/transitiveMemberOf/value/1"),
        ("multi-user-tenant.json", "/users/3/sections/authenticationMethods/value/0", "/users/0/sections/authenticationMethods/value/2"),
        ("multi-user-tenant.json", "/users/2/sections/authenticationMethods/value/1", "/users/0/sections/authenticationMethods/value/3"),
        ("multi-user-tenant.json", "/users/1/sections/authenticationMethods/value/2", "/users/0/sections/authenticationMethods/value/4"),
    ];

    public static TheoryData<string, string, string> Payloads
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (fixture, fixturePointer, builtPointer) in Cases)
            {
                data.Add(fixture, fixturePointer, builtPointer);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_payload_has_the_property_names_of_the_graph_response_in_order(string fixture, string fixturePointer, string builtPointer)
    {
        var expected = JsonPointer.Resolve(fixture switch
        {
            "multi-user-tenant.json" => MultiUser,
            "seed-security-defaults.json" => Seed,
            _ => LegacyBlock,
        }, fixturePointer)!.AsObject();
        var actual = Sample.At(builtPointer)!.AsObject();

        actual.Select(p => p.Key).Should().Equal(expected.Select(p => p.Key));
    }

    [Fact]
    public void Values_have_the_json_kinds_of_the_graph_response()
    {
        foreach (var (fixture, fixturePointer, builtPointer) in Cases)
        {
            var expected = JsonPointer.Resolve(fixture switch
            {
                "multi-user-tenant.json" => MultiUser,
                "seed-security-defaults.json" => Seed,
                _ => LegacyBlock,
            }, fixturePointer)!.AsObject();
            var actual = Sample.At(builtPointer)!.AsObject();
            foreach (var (name, value) in expected)
            {
                if (value is null || actual[name] is null)
                {
                    continue;
                }

                actual[name]!.GetValueKind().Should().Be(value.GetValueKind(), $"{builtPointer}/{name}");
            }
        }
    }

    private static JsonNode Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", name)))!;
}
