using System.Diagnostics.CodeAnalysis;

namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>
/// One section of a snapshot: captured (with its value), not captured (with an optional reason) or failed
/// (with the Graph error). Create one with <see cref="Section.Captured{T}(T)"/>, <see cref="Section.NotCaptured{T}(string?)"/>
/// or <see cref="Section.Failed{T}(SectionError)"/>.
/// </summary>
/// <typeparam name="T">The typed value of the section.</typeparam>
internal sealed record Section<T>
    where T : class
{
    internal Section(SectionStatus status, T? value, string? reason, SectionError? error)
    {
        Status = status;
        Value = value;
        Reason = reason;
        Error = error;
    }

    /// <summary>Whether the section was captured, not captured or failed.</summary>
    public SectionStatus Status { get; }

    /// <summary>The value; set exactly when <see cref="Status"/> is <see cref="SectionStatus.Captured"/>.</summary>
    public T? Value { get; }

    /// <summary>Why the section was not captured, when the document says so.</summary>
    public string? Reason { get; }

    /// <summary>The error; set exactly when <see cref="Status"/> is <see cref="SectionStatus.Failed"/>.</summary>
    public SectionError? Error { get; }

    /// <summary>True when the section holds a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsCaptured => Status == SectionStatus.Captured;

    /// <summary>A section that is absent from a document: the same as not captured, without a reason.</summary>
    internal static Section<T> Absent { get; } = new(SectionStatus.NotCaptured, null, null, null);
}

/// <summary>Factory methods for <see cref="Section{T}"/>.</summary>
internal static class Section
{
    /// <summary>A captured section holding <paramref name="value"/>.</summary>
    public static Section<T> Captured<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Section<T>(SectionStatus.Captured, value, null, null);
    }

    /// <summary>A section that nobody tried to read, with an optional reason.</summary>
    public static Section<T> NotCaptured<T>(string? reason = null)
        where T : class => new(SectionStatus.NotCaptured, null, reason, null);

    /// <summary>A section whose read failed with <paramref name="error"/>.</summary>
    public static Section<T> Failed<T>(SectionError error)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Section<T>(SectionStatus.Failed, null, null, error);
    }
}
