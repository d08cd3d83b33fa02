using WikiViewer.Store;

namespace WikiViewer.Tests.Hosting;

/// <summary>
/// The caches keep what is asked for a second time: the filter must know a key it was
/// given, rarely claim one it was not, and forget once its window has passed.
/// </summary>
public sealed class SecondRequestFilterTests
{
    [Fact]
    public void A_key_is_new_the_first_time_and_seen_the_second()
    {
        var filter = new SecondRequestFilter(1024);

        Assert.False(filter.SeenBefore("/wiki/国际派"));
        Assert.True(filter.SeenBefore("/wiki/国际派"));
        Assert.True(filter.SeenBefore("/wiki/国际派"));
        Assert.False(filter.SeenBefore("/wiki/国际派\nzh-tw"));
    }

    [Fact]
    public void Keys_never_asked_for_are_rarely_taken_for_seen_ones()
    {
        var filter = new SecondRequestFilter(100_000);
        Assert.Equal(0, Enumerable.Range(0, 1_000).Count(i => filter.SeenBefore($"/wiki/条目{i}")));
        for (int i = 1_000; i < 90_000; i++)
        {
            filter.SeenBefore($"/wiki/条目{i}");
        }

        // Nine tenths full: about one new key in 500 may be taken for a seen one.
        int claimed = Enumerable.Range(0, 1_000).Count(i => filter.SeenBefore($"/wiki/另一条目{i}"));
        Assert.InRange(claimed, 0, 20);

        // And every key given is still known.
        Assert.All(Enumerable.Range(0, 90_000).Where(i => i % 97 == 0), i => Assert.True(filter.SeenBefore($"/wiki/条目{i}")));
    }

    [Fact]
    public void After_its_window_of_new_keys_it_starts_again()
    {
        var filter = new SecondRequestFilter(1_000);
        filter.SeenBefore("/wiki/最早");

        for (int i = 0; i < 1_000; i++)
        {
            filter.SeenBefore($"/wiki/条目{i}");
        }

        Assert.False(filter.SeenBefore("/wiki/最早"));
        Assert.Equal(1_000, filter.Window);
    }

    [Fact]
    public void Readers_at_once_all_leave_their_keys()
    {
        var filter = new SecondRequestFilter(100_000);

        Parallel.For(0, 8, reader =>
        {
            for (int i = 0; i < 5_000; i++)
            {
                filter.SeenBefore($"/wiki/{reader}/{i}");
            }
        });

        Assert.All(Enumerable.Range(0, 8), reader =>
            Assert.All(Enumerable.Range(0, 5_000), i => Assert.True(filter.SeenBefore($"/wiki/{reader}/{i}"))));
    }
}
