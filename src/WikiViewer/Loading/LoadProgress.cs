using System.Diagnostics;

namespace WikiViewer.Loading;

/// <summary>How far a load has come; read by /healthz while the store is not ready.</summary>
public sealed class LoadProgress
{
    private int _total;
    private int _done;
    private string _phase = "starting";
    private readonly List<(string Phase, Mark Start)> _phases = [];

    public int Total => Volatile.Read(ref _total);

    public int Done => Volatile.Read(ref _done);

    public string Phase => Volatile.Read(ref _phase);

    internal void BeginPhase(string phase, int total)
    {
        lock (_phases)
        {
            _phases.Add((phase, Mark.Now()));
        }

        Volatile.Write(ref _phase, phase);
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _done, 0);
    }

    internal void Advance() => Interlocked.Increment(ref _done);

    internal void Advance(int count) => Interlocked.Add(ref _done, count);

    /// <summary>
    /// How long each phase took, the last one ending now, with what it allocated and
    /// how long the collector paused it: "read 2464 ms (869 MB allocated, 181 ms in GC), …".
    /// </summary>
    internal string PhaseTimes()
    {
        var now = Mark.Now();
        lock (_phases)
        {
            return string.Join(", ", _phases.Select((p, i) =>
            {
                var end = i + 1 < _phases.Count ? _phases[i + 1].Start : now;
                return $"{p.Phase} {(long)Stopwatch.GetElapsedTime(p.Start.Timestamp, end.Timestamp).TotalMilliseconds} ms"
                    + $" ({(end.Allocated - p.Start.Allocated) >> 20} MB allocated, {(long)(end.Paused - p.Start.Paused).TotalMilliseconds} ms in GC)";
            }));
        }
    }

    private readonly record struct Mark(long Timestamp, long Allocated, TimeSpan Paused)
    {
        public static Mark Now() => new(Stopwatch.GetTimestamp(), GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
    }
}
