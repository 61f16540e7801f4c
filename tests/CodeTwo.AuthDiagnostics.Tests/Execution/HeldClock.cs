namespace CodeTwo.AuthDiagnostics.Tests.Execution;

/// <summary>
/// A clock that stands still and whose timers never fire: code that waits on it waits until it is cancelled.
/// <see cref="FirstWait"/> completes with the due time of the first timer, so a test knows a wait has begun without
/// sleeping.
/// </summary>
internal sealed class HeldClock(DateTimeOffset now) : TimeProvider
{
    private readonly TaskCompletionSource<TimeSpan> firstWait = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TimeSpan> FirstWait => firstWait.Task;

    public override DateTimeOffset GetUtcNow() => now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            firstWait.TrySetResult(dueTime);
        }

        return new NeverFires();
    }

    private sealed class NeverFires : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
