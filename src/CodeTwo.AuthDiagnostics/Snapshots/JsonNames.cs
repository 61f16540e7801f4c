namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>camelCase names of enum values, as the JSON contract writes them.</summary>
internal static class JsonNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        string name = value.ToString();
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }
}
