using System.IO.Hashing;
using WikiViewer.Storage;

namespace WikiViewer.Tests.Snapshots;

/// <summary>The store file as mapped: what a check reads is not left resident, and still reads back; read ahead, it is cached but not resident; mapped, it is resident.</summary>
public sealed class MappedFileTests
{
    [Fact]
    public void A_checked_range_leaves_the_resident_set_and_reads_back_the_same() => WithMappedFile(seed: 7, (path, bytes, file) =>
    {
        Assert.True(file.ChecksumMatches(0, bytes.Length, XxHash3.HashToUInt64(bytes)));
        Assert.InRange(ResidentKilobytes(path), 0, 1024); // every byte of 32 MB was read

        Assert.True(file.Bytes(5 << 20, 4096).SequenceEqual(bytes.AsSpan(5 << 20, 4096)));
        Assert.InRange(ResidentKilobytes(path), 4, 8 << 10); // what was read, and what the kernel maps around it
        Assert.False(file.ChecksumMatches(0, bytes.Length, XxHash3.HashToUInt64(bytes) + 1));
    });

    [Fact]
    public void Read_ahead_brings_a_file_the_OS_dropped_back_into_its_page_cache_and_not_into_the_resident_set()
    {
        // Beside the tests, not in /tmp: a file in memory (tmpfs) cannot be dropped from it.
        string path = Path.Combine(AppContext.BaseDirectory, $"read-ahead-{Guid.NewGuid():N}.bin");
        try
        {
            byte[] bytes = new byte[16 << 20];
            new Random(11).NextBytes(bytes);
            using (var written = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                written.Write(bytes);
                written.Flush(flushToDisk: true); // the OS drops only pages it has written out
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Assert.Equal(0, FileAdvise(stream.SafeFileHandle, 0, 0, 4 /* POSIX_FADV_DONTNEED */));
            Assert.InRange(CachedFraction(path), 0, 0.05);

            using var file = new MappedFile(stream);
            file.ReadAhead();

            // The reads were asked for; they complete in the background.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (CachedFraction(path) < 1 && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(20);
            }

            // Read-ahead is advice: with the whole suite running, the kernel has skipped a few pages.
            Assert.InRange(CachedFraction(path), 0.99, 1);
            Assert.InRange(ResidentKilobytes(path), 0, 64);
            Assert.True(file.Bytes(9 << 20, 4096).SequenceEqual(bytes.AsSpan(9 << 20, 4096)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_mapped_range_is_resident_at_once_and_reads_back_the_same() => WithMappedFile(seed: 5, (path, bytes, file) =>
    {
        Assert.InRange(ResidentKilobytes(path), 0, 64);

        file.Map(12 << 20, 8 << 20);

        // The 8 MB and what the kernel maps around their ends, not the other 24 MB.
        Assert.InRange(ResidentKilobytes(path), 8 << 10, (8 << 10) + (4 << 10));
        Assert.True(file.Bytes(12 << 20, 8 << 20).SequenceEqual(bytes.AsSpan(12 << 20, 8 << 20)));
        Assert.Throws<InvalidDataException>(() => file.Map(30 << 20, 4 << 20));
    });

    // 32 MB of random bytes in a temporary file, mapped.
    private static void WithMappedFile(int seed, Action<string, byte[], MappedFile> test)
    {
        string path = Path.GetTempFileName();
        try
        {
            byte[] bytes = new byte[32 << 20];
            new Random(seed).NextBytes(bytes);
            File.WriteAllBytes(path, bytes);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var file = new MappedFile(stream);
            test(path, bytes, file);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // What share of a file's pages the page cache holds, as mincore says of a mapping of it of our own.
    private static double CachedFraction(string path)
    {
        using var mapped = System.IO.MemoryMappedFiles.MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read);
        using var view = mapped.CreateViewAccessor(0, 0, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read);
        long length = new FileInfo(path).Length;
        byte[] pages = new byte[(length + 4095) / 4096];
        Assert.Equal(0, MemoryInCore(view.SafeMemoryMappedViewHandle.DangerousGetHandle() + (nint)view.PointerOffset, (nuint)length, pages));
        return pages.Count(page => (page & 1) != 0) / (double)pages.Length;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int FileAdvise(Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, long length, int advice);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mincore")]
    private static extern int MemoryInCore(nint address, nuint length, byte[] vector);

    // Whether the page of the file at this index is mapped into the process, in its one mapping, as /proc/self/pagemap says.
    internal static bool IsResident(string path, long page)
    {
        var mapping = File.ReadLines("/proc/self/maps").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Single(fields => fields.Length >= 6 && fields[5] == path);
        long start = Convert.ToInt64(mapping[0].Split('-')[0], 16), fileOffset = Convert.ToInt64(mapping[2], 16);
        long virtualPage = start / Environment.SystemPageSize + page - fileOffset / Environment.SystemPageSize;
        using var pagemap = new FileStream("/proc/self/pagemap", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        byte[] entry = new byte[8];
        pagemap.Position = virtualPage * 8;
        pagemap.ReadExactly(entry);
        return (BitConverter.ToUInt64(entry) & (1UL << 63)) != 0; // bit 63: present
    }

    // The process's resident kilobytes of the file's mappings, as /proc/self/smaps counts them:
    // while the file is linked, or those of it since unlinked ("path (deleted)").
    internal static long ResidentKilobytes(string path, bool unlinked = false)
    {
        long total = 0;
        bool inFile = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && fields[0].Contains('-') && !fields[0].EndsWith(':'))
            {
                inFile = fields.Length >= 6 && fields[5] == path && (fields is [.., "(deleted)"]) == unlinked;
            }
            else if (inFile && fields is ["Rss:", var kilobytes, "kB"])
            {
                total += long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return total;
    }
}
