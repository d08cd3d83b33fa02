namespace WikiViewer;

/// <summary>
/// How the load's CPU-bound loops share the thread pool with requests. Unbounded, a
/// parallel loop takes every pool thread there is, and /healthz waited up to 3 s for
/// one while 100,000 articles loaded (container probes give up after 1 s).
/// </summary>
internal static class CpuBound
{
    /// <summary>One loop thread per core: more only take turns on the same cores.</summary>
    public static readonly ParallelOptions OneThreadPerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Keeps pool threads beyond the loops' ready for requests, without the pool's slow ramp-up.</summary>
    public static void ReserveThreadsForRequests()
    {
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, (2 * Environment.ProcessorCount) + 2), completionPorts);
    }
}
