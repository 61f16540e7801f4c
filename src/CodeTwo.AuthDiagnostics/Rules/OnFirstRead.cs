namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>Values built when first read, once, by a builder that is then dropped: the words of findings, steps and counterfactuals.</summary>
internal static class OnFirstRead
{
    /// <summary>Reads <paramref name="text"/>, building it once from <paramref name="explain"/> if it is not there yet (thread-safe).</summary>
    public static T Get<T>(ref T? text, ref Func<T>? explain, T empty)
        where T : class =>
        Get<T, Func<T>, object?>(ref text, ref explain, empty, static build => build(), null, null);

    /// <summary>
    /// Reads <paramref name="text"/>, building it once with <paramref name="build"/> from <paramref name="builder"/> if it
    /// is not there yet (thread-safe); a builder that throws gives <paramref name="onError"/>'s value instead.
    /// </summary>
    public static T Get<T, TBuilder, TState>(ref T? text, ref TBuilder? builder, T empty, Func<TBuilder, T> build, TState state, Func<TState, Exception, T>? onError)
        where T : class
        where TBuilder : class
    {
        var current = Volatile.Read(ref text);
        if (current is not null)
        {
            return current;
        }

        var from = Volatile.Read(ref builder);
        if (from is null)
        {
            return Volatile.Read(ref text) ?? empty;
        }

        T built;
        try
        {
            built = build(from);
        }
        catch (Exception e) when (onError is not null && e is not (OutOfMemoryException or StackOverflowException))
        {
            built = onError(state, e);
        }

        var winner = Interlocked.CompareExchange(ref text, built, null) ?? built;
        Volatile.Write(ref builder, null); // the builder (and the state it holds) is no longer needed
        return winner;
    }
}
