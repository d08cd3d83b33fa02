using System.Diagnostics;

namespace WikiViewer.Loading;

/// <summary>How far a load has come; read by /healthz while the store is not ready.</summary>
public sealed class LoadProgress
{
    private int _total;
    private int _done;
    private string _phase = "starting";
    private readonly List<(string Phase, long Started)> _phases = [];

    public int Total => Volatile.Read(ref _total);

    public int Done => Volatile.Read(ref _done);

    public string Phase => Volatile.Read(ref _phase);

    internal void BeginPhase(string phase, int total)
    {
        lock (_phases)
        {
            _phases.Add((phase, Stopwatch.GetTimestamp()));
        }

        Volatile.Write(ref _phase, phase);
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _done, 0);
    }

    internal void Advance() => Interlocked.Increment(ref _done);

    /// <summary>How long each phase took, the last one ending now: "read 3007 ms, render 11986 ms, …".</summary>
    internal string PhaseTimes()
    {
        long now = Stopwatch.GetTimestamp();
        lock (_phases)
        {
            return string.Join(", ", _phases.Select((p, i) =>
                $"{p.Phase} {(long)Stopwatch.GetElapsedTime(p.Started, i + 1 < _phases.Count ? _phases[i + 1].Started : now).TotalMilliseconds} ms"));
        }
    }
}
