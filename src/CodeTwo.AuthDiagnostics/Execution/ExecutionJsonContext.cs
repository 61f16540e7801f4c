using System.Text.Json.Serialization;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>Source-generated JSON metadata for the journal (trim and AOT safe).</summary>
[JsonSerializable(typeof(JournalEntry))]
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    RespectRequiredConstructorParameters = true)]
internal sealed partial class ExecutionJsonContext : JsonSerializerContext;
