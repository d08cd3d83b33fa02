using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace WikiViewer.Search.Lucene;

/// <summary>
/// BM25 per field with <see cref="SearchIndex"/>'s k1 and b (the boosts go on the queries).
/// Two changes to Lucene's BM25 bring it nearer the hand-written engine's:
/// <list type="bullet">
/// <item>the average length is over the documents that have the field (Lucene divides by every
/// document: with most documents without an alias, every alias would look long);</item>
/// <item>a phrase's idf is its rarest part's (Lucene sums its terms' idfs, so a four-character
/// phrase of three bigrams would weigh three times a two-character one); the hand-written engine
/// takes the idf of the phrase itself, which Lucene does not count.</item>
/// </list>
/// Lengths count every term (characters, bigrams, edges, words), not only units: Lucene's sum
/// of lengths, which the average comes from, counts them all too.
/// </summary>
internal sealed class FieldSimilarity : PerFieldSimilarityWrapper
{
    public const float Bm25K1 = 1.2f;

    public static readonly FieldSimilarity Instance = new();

    private readonly Bm25 _title = new(0.5f);
    private readonly Bm25 _category = new(0.3f);
    private readonly Bm25 _body = new(0.75f);

    public override Similarity Get(string name) => name switch
    {
        LuceneSearchIndex.TitleField or LuceneSearchIndex.AliasField => _title,
        LuceneSearchIndex.CategoryField => _category,
        _ => _body,
    };

    private sealed class Bm25 : BM25Similarity
    {
        public Bm25(float b)
            : base(Bm25K1, b)
        {
            DiscountOverlaps = false;
        }

        protected override float AvgFieldLength(CollectionStatistics collectionStats)
        {
            long sum = collectionStats.SumTotalTermFreq;
            long documents = collectionStats.DocCount;
            return sum <= 0 || documents <= 0 ? 1f : (float)(sum / (double)documents);
        }

        public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics[] termStats)
        {
            long maxDoc = collectionStats.MaxDoc;
            float idf = 0;
            foreach (TermStatistics stat in termStats)
            {
                idf = Math.Max(idf, Idf(stat.DocFreq, maxDoc));
            }

            return new Explanation(idf, "idf of the rarest term of the phrase");
        }
    }
}
