using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Testing.Internal;

namespace CodeTwo.AuthDiagnostics.Testing.Tests;

/// <summary>
/// The package uses only the core's public API, so it keeps its own copy of the Graph enum strings (GraphText). Every
/// value's text must be what the core's reader maps back to the same value, and every text the reader knows must be
/// written for some value: the copy cannot drift.
/// </summary>
public sealed class GraphTextTests
{
    [Fact]
    public void Every_enum_text_reads_back_to_the_same_value()
    {
        RoundTrips(GraphEnums.PerUserMfaState, GraphText.Of, PerUserMfaState.Unknown);
        RoundTrips(GraphEnums.PolicyState, GraphText.Of, ConditionalAccessPolicyState.Unknown);
        RoundTrips(GraphEnums.ClientAppType, GraphText.Of, ClientAppType.Unknown);
        RoundTrips(GraphEnums.BuiltInControl, GraphText.Of, BuiltInControl.Unknown);
        RoundTrips(GraphEnums.MigrationState, GraphText.Of, PolicyMigrationState.Unknown);
        RoundTrips(GraphEnums.DomainAuthenticationType, GraphText.Of, DomainAuthenticationType.Unknown);
        RoundTrips(GraphEnums.CapabilityStatus, GraphText.Of, SkuCapabilityStatus.Unknown);
        RoundTrips(GraphEnums.MethodKind, GraphText.Of, AuthenticationMethodKind.Unknown);
        RoundTrips(GraphEnums.Cloud, GraphText.Of, unknown: null);
        RoundTrips(GraphEnums.Status, GraphText.Of, unknown: null);
    }

    [Fact]
    public void An_unknown_value_writes_graphs_unknownFutureValue()
    {
        GraphText.Of(PerUserMfaState.Unknown).Should().Be(GraphText.UnknownFutureValue);
        GraphText.Of(ConditionalAccessPolicyState.Unknown).Should().Be(GraphText.UnknownFutureValue);
        GraphEnums.PerUserMfaState.Parse(GraphText.UnknownFutureValue).Should().Be(PerUserMfaState.Unknown);
    }

    private static void RoundTrips<TEnum>(GraphEnumMap<TEnum> reader, Func<TEnum, string> text, TEnum? unknown)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>().Where(v => !v.Equals(unknown)).ToArray();
        foreach (var value in values)
        {
            reader.Parse(text(value)).Should().Be(value, $"{typeof(TEnum).Name}.{value} is written as \"{text(value)}\"");
            text(value).Should().Be(reader.ToText(value), $"{typeof(TEnum).Name}.{value}");
        }

        values.Select(text).Should().BeEquivalentTo(reader.Texts, $"every {typeof(TEnum).Name} text the reader knows is written");
    }
}
