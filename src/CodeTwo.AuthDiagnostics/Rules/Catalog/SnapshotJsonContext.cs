using System.Text.Json.Serialization;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>Source-generated System.Text.Json metadata for the few values serialised with the serializer (trim and AOT safe).</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(FailedSection))]
[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
