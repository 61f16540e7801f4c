namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>Values built when first read, once, by a builder that is then dropped: the words of findings, steps and counterfactuals.</summary>
internal static class OnFirstRead
{
    /// <summary>Reads <paramref name="text"/>, building it once from <paramref name="explain"/> if it is not there yet (thread-safe).</summary>
    public static T Get<T>(ref T? text, ref Func<T>? explain, T empty)
        where T : class =>
        Get<T, object?>(ref text, ref explain, empty, null, null);

    /// <summary>As <see cref="Get{T}"/>; a builder that throws gives <paramref name="onError"/>'s value instead.</summary>
    public static T Get<T, TState>(ref T? text, ref Func<T>? explain, T empty, TState state, Func<TState, Exception, T>? onError)
        where T : class
    {
        var current = Volatile.Read(ref text);
        if (current is not null)
        {
            return current;
        }

        var build = Volatile.Read(ref explain);
        if (build is null)
        {
            return Volatile.Read(ref text) ?? empty;
        }

        T built;
        try
        {
            built = build();
        }
        catch (Exception e) when (onError is not null && e is not (OutOfMemoryException or StackOverflowException))
        {
            built = onError(state, e);
        }

        var winner = Interlocked.CompareExchange(ref text, built, null) ?? built;
        Volatile.Write(ref explain, null); // the builder (and what it captured) is no longer needed
        return winner;
    }
}
