namespace WikiViewer.Loading;

/// <summary>How far a load has come; read by /healthz while the store is not ready.</summary>
public sealed class LoadProgress
{
    private int _total;
    private int _done;
    private string _phase = "starting";

    public int Total => Volatile.Read(ref _total);

    public int Done => Volatile.Read(ref _done);

    public string Phase => Volatile.Read(ref _phase);

    internal void BeginPhase(string phase, int total)
    {
        Volatile.Write(ref _phase, phase);
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _done, 0);
    }

    internal void Advance() => Interlocked.Increment(ref _done);
}
