using WikiViewer.Loading;

namespace WikiViewer.Tests.Loading;

public sealed class CpuBoundTests
{
    [Fact]
    public async Task Long_background_work_runs_on_a_thread_of_its_own_and_leaves_the_pool_to_requests()
    {
        var (pooled, result) = await CpuBound.OnOwnThread(() => (Thread.CurrentThread.IsThreadPoolThread, 42));
        Assert.False(pooled);
        Assert.Equal(42, result);

        bool actionPooled = true;
        await CpuBound.OnOwnThread(() => { actionPooled = Thread.CurrentThread.IsThreadPoolThread; });
        Assert.False(actionPooled);
    }

    [Fact]
    public async Task A_failure_of_the_work_reaches_whoever_awaits_it()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => CpuBound.OnOwnThread<int>(() => throw new InvalidOperationException("damaged")));
        Assert.Equal("damaged", failure.Message);
    }
}
