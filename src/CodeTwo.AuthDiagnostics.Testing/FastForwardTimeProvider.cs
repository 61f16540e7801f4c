namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>
/// A clock for tests that never waits: it starts at a fixed instant, moves only when told to (<see cref="Advance"/>)
/// or when code waits on it — every timer created through it moves the clock forward by its due time and fires at
/// once. So <c>Task.Delay(TimeSpan.FromMinutes(15), provider)</c> completes immediately and the clock reads 15 minutes
/// later, which makes waits and retry back-offs testable without sleeping.
/// </summary>
/// <remarks>
/// Why not <c>FakeTimeProvider</c> (Microsoft.Extensions.TimeProvider.Testing): its timers fire only when the test calls
/// <c>Advance</c> (or, with <c>AutoAdvanceAmount</c>, move the clock on every read, not when code waits). A plan run or
/// a capture waits deep inside the code under test (a <c>Retry-After</c> of 30 s, the Conditional Access back-off, a
/// manual step's pause) while the test is awaiting that very call, so nothing would ever advance the fake clock and the
/// test would hang, or would have to race a background loop of <c>Advance</c> calls. This clock jumps to each timer's due
/// time by itself and records it in <see cref="Waits"/>, which is what the tests assert on. Use <c>FakeTimeProvider</c>
/// where a test wants to hold time still and step it explicitly.
/// </remarks>
public sealed class FastForwardTimeProvider : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset now;

    /// <summary>Creates the clock at <paramref name="start"/> (default 2026-11-24T10:00:00Z).</summary>
    /// <param name="start">The initial instant.</param>
    public FastForwardTimeProvider(DateTimeOffset? start = null) => now = start ?? new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Every due time the clock fast-forwarded through, in order (what code waited for).</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (gate)
            {
                return waits.ToArray();
            }
        }
    }

    private readonly List<TimeSpan> waits = [];

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    /// <summary>Moves the clock forward.</summary>
    /// <param name="by">How far (not negative).</param>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (gate)
        {
            now += by;
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FiredTimer();
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (gate)
            {
                waits.Add(dueTime);
                now += dueTime;
            }

            // Fire on the thread pool, after the caller has its timer (Task.Delay relies on that order).
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (!timer.Disposed)
                {
                    callback(state);
                }
            });
        }

        return timer;
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => !Disposed;

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
