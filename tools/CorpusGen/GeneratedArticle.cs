namespace CorpusGen;

/// <summary>One generated article file.</summary>
/// <param name="FileName">Opaque name like the seeds' (<c>000123_0123456789abcdef.txt</c>).</param>
/// <param name="Title">The first bold phrase of the lead; Simplified and unique in the corpus.</param>
/// <param name="Aliases">The other bold phrases of the lead. Rarely one is another article's title, on purpose: the title must win.</param>
/// <param name="Text">The file's content: UTF-8 without BOM, "\n" line ends, no final newline (as the seeds).</param>
public sealed record GeneratedArticle(string FileName, string Title, IReadOnlyList<string> Aliases, string Text);
