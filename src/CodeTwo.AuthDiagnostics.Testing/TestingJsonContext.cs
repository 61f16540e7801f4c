using System.Text.Json.Serialization;

namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>Source-generated JSON metadata for the Testing package (trim and AOT safe).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class TestingJsonContext : JsonSerializerContext;
