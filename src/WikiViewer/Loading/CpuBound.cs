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

    /// <summary>
    /// Runs work that blocks for a long time (a load, a check of the whole store) on a thread
    /// of its own, not one of the pool's: the pool starts with one thread per core, and each
    /// held by such work left requests waiting until the pool added another, up to seconds
    /// just after a restart (docs/benchmarks.md, "Start: background work on threads of its own").
    /// </summary>
    public static Task<T> OnOwnThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <inheritdoc cref="OnOwnThread{T}(Func{T})"/>
    public static Task OnOwnThread(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
