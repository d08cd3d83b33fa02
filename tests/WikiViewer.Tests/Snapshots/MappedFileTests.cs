using System.IO.Hashing;
using WikiViewer.Storage;

namespace WikiViewer.Tests.Snapshots;

/// <summary>The store file as mapped: what a check reads is not left resident, and still reads back.</summary>
public sealed class MappedFileTests
{
    [Fact]
    public void A_checked_range_leaves_the_resident_set_and_reads_back_the_same()
    {
        string path = Path.GetTempFileName();
        try
        {
            byte[] bytes = new byte[32 << 20];
            new Random(7).NextBytes(bytes);
            File.WriteAllBytes(path, bytes);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var file = new MappedFile(stream);

            Assert.True(file.ChecksumMatches(0, bytes.Length, XxHash3.HashToUInt64(bytes)));
            Assert.InRange(ResidentKilobytes(path), 0, 1024); // every byte of 32 MB was read

            Assert.True(file.Bytes(5 << 20, 4096).SequenceEqual(bytes.AsSpan(5 << 20, 4096)));
            Assert.InRange(ResidentKilobytes(path), 4, 8 << 10); // what was read, and what the kernel maps around it
            Assert.False(file.ChecksumMatches(0, bytes.Length, XxHash3.HashToUInt64(bytes) + 1));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The process's resident kilobytes of the file's mappings, as /proc/self/smaps counts them.
    private static long ResidentKilobytes(string path)
    {
        long total = 0;
        bool inFile = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && fields[0].Contains('-') && !fields[0].EndsWith(':'))
            {
                inFile = fields.Length >= 6 && fields[5] == path;
            }
            else if (inFile && fields is ["Rss:", var kilobytes, "kB"])
            {
                total += long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return total;
    }
}
