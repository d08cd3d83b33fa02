namespace WikiViewer.Loading;

/// <summary>
/// How the load's CPU-bound loops share the thread pool with requests. Unbounded, a
/// parallel loop takes every pool thread the pool adds, and /healthz waited up to 3 s
/// for one while 100,000 articles loaded; with one loop thread per core the pool
/// soon has a thread to spare (at most about 1 s). Raising the pool's minimum answered
/// faster still but left more threads than cores running afterwards, and the pages'
/// p99 rose from 8 to 11 ms (10,000 articles).
/// </summary>
internal static class CpuBound
{
    /// <summary>One loop thread per core: more only take turns on the same cores.</summary>
    public static readonly ParallelOptions OneThreadPerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
