using WikiViewer.Storage;
using WikiViewer.Store;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Snapshots;

/// <summary>Where a store file's content region lies, from its directory.</summary>
internal sealed record StoreFileLayout(long ContentStart, long ContentEnd, (long Start, long End)[] Checked)
{
    public static StoreFileLayout Of(string path)
    {
        using var file = SectionFile.Open(path, StoreFile.Magic)!;
        var (start, length) = file.Range(StoreFile.Content);

        // What is checked when the file opens: the header, every section but the content and the
        // search index's partitions (each checked on its first lookup), the directory (the rest of the file).
        long directory = file.Sections.Max(s => s.Offset + s.Length);
        (long, long)[] checkedParts =
        [
            (0, SectionFile.Header.MagicLength + 24),
            .. file.Sections.Where(s => s.Name != StoreFile.Content && !IsPartition(s.Name) && s.Length > 0).Select(s => (s.Offset, s.Offset + s.Length)),
            (directory, file.File.Length),
        ];
        var partitions = file.Sections.Where(s => IsPartition(s.Name)).Select(s => (s.Name, s.Offset, s.Length)).OrderBy(s => s.Offset).ToArray();
        return new StoreFileLayout(start, start + length, checkedParts) { Partitions = partitions };
    }

    /// <summary>The search index's partitions: name, offset, length.</summary>
    public (string Name, long Offset, long Length)[] Partitions { get; init; } = [];

    private static bool IsPartition(string name) => name.StartsWith("search/", StringComparison.Ordinal) && char.IsDigit(name[^1]);

    /// <summary>A byte that the file's checksums cover, drawn at random, outside the content region.</summary>
    public long CheckedByte(Random random)
    {
        var (start, end) = Checked[random.Next(Checked.Length)];
        return start + random.NextInt64(end - start);
    }

    /// <summary>Changes one byte in the middle of the first occurrence of <paramref name="found"/> in the content region.</summary>
    public void FlipInContent(byte[] bytes, ReadOnlySpan<byte> found)
    {
        int at = bytes.AsSpan((int)ContentStart, (int)(ContentEnd - ContentStart)).IndexOf(found);
        Assert.True(at >= 0, "not in the content region");
        bytes[(int)ContentStart + at + (found.Length / 2)] ^= 0x04;
    }
}

/// <summary>The seeds and two articles of every kind of name, link and category a store must keep.</summary>
internal static class SnapshotCorpus
{
    public static TempCorpus Create() => new TempCorpus()
        .AddSeeds()
        .Add("snapshot.md", "**快照条目**（**快照別名**）是一个[国际派](../Page/国际派.md \"wikilink\")的测试条目，提到 MIM 和 1931。\n\n## 内容\n\n见[不存在的条目](../Page/不存在的条目.md \"wikilink\")。\n\n[Category:快照分类](../Page/Category:快照分类.md \"wikilink\")\n")
        .Add("second.md", "**第二条目**链接到[快照別名](../Page/快照別名.md \"wikilink\")与[不存在的条目](../Page/不存在的条目.md \"wikilink\")。\n\n[Category:快照分类](../Page/Category:快照分类.md \"wikilink\")\n\n[en:Second](https://en.wikipedia.org/wiki/Second \"wikilink\")\n");
}
