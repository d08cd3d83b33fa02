namespace WikiViewer.Loading;

/// <summary>
/// How the load's CPU-bound loops share the thread pool with requests. Unbounded, a
/// parallel loop takes every thread the pool adds and /healthz waits for one; with one
/// loop thread per core the pool soon has a thread to spare. Raising the pool's minimum
/// instead leaves more threads than cores running afterwards, which slows the pages.
/// docs/benchmarks.md, "Load: one loop thread per core", has the figures.
/// </summary>
internal static class CpuBound
{
    /// <summary>One loop thread per core: more only take turns on the same cores.</summary>
    public static readonly ParallelOptions OneThreadPerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
