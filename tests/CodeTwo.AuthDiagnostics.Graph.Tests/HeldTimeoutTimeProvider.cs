namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>
/// A clock for timeout tests: timers shorter than <see cref="HoldFrom"/> fire at once and move the clock (like
/// FastForwardTimeProvider, so back-offs take no time); longer ones — the request timeouts — are held until
/// <see cref="FireHeld"/>, so a test decides exactly when requests in flight time out (or that a long retry wait never
/// ends on its own: <see cref="FirstHeld"/> tells when one has begun). Never sleeps.
/// </summary>
public sealed class HeldTimeoutTimeProvider(TimeSpan holdFrom) : TimeProvider
{
    private readonly object gate = new();
    private readonly List<HeldTimer> held = [];
    private readonly TaskCompletionSource<TimeSpan> firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public TimeSpan HoldFrom { get; } = holdFrom;

    /// <summary>Completes with the due time of the first timer held.</summary>
    public Task<TimeSpan> FirstHeld => firstHeld.Task;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    /// <summary>Fires every held timer that is still alive (its request is still in flight).</summary>
    public int FireHeld()
    {
        HeldTimer[] due;
        lock (gate)
        {
            due = held.Where(t => !t.Disposed).ToArray();
            held.Clear();
            now += HoldFrom;
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }

        return due.Length;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new HeldTimer(callback, state);
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return timer;
        }

        if (dueTime >= HoldFrom)
        {
            lock (gate)
            {
                held.Add(timer);
            }

            firstHeld.TrySetResult(dueTime);
            return timer;
        }

        lock (gate)
        {
            now += dueTime;
        }

        ThreadPool.QueueUserWorkItem(_ => timer.Fire());
        return timer;
    }

    private sealed class HeldTimer(TimerCallback callback, object? state) : ITimer
    {
        public bool Disposed { get; private set; }

        public void Fire()
        {
            if (!Disposed)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => !Disposed;

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
