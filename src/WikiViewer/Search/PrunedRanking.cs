namespace WikiViewer.Search;

/// <summary>
/// The best documents for a one-term query without scoring every document that matches it,
/// for terms so common that scoring them all is most of a query's cost (的一个, 参考文献).
/// <para>
/// The term's lists (one per spelling and field) are read together, document by document,
/// and a document is scored only when it could still enter the best so far (MaxScore, Turtle
/// and Flood 1995): lists whose highest possible score together cannot reach the current
/// k-th best no longer propose documents, they are only asked about the documents the others
/// propose; and a stretch of documents is passed over whole when the bounds of the blocks it
/// falls in cannot reach it either (block-max, Ding and Suel 2011), from the skip tables.
/// </para>
/// <para>
/// The ranking is the one <see cref="SearchIndex"/> gives every document. What is given up
/// is the exact count: the number of matches is estimated from the largest list, a phrase's
/// from how many candidates hold it in blocks spread over the list, and the idf in the
/// scores with it.
/// </para>
/// </summary>
internal sealed class PrunedRanking
{
    /// <summary>A phrase's matches in a long list are counted in this many of its blocks of candidates.</summary>
    private const int SampleBlocks = 16;

    private readonly List<TermList> _lists = [];
    private TermList[] _byBound = [];
    private double[] _boundsBelow = [];

    /// <summary>
    /// Ranks the documents of the one-term <paramref name="query"/>; false, with nothing
    /// ranked, when its lists hold fewer than <paramref name="minPostings"/> candidates together,
    /// so that scoring them all is cheap and the count stays exact.
    /// </summary>
    public bool TryRank(SearchQuery query, IReadOnlyList<FieldIndex> fields, int documentCount, int count, int minPostings, Func<int, bool, bool, int> exactNameLevel,
        List<(int Document, double Score)> ranked, out int estimatedTotal)
    {
        ranked.Clear();
        estimatedTotal = 0;
        QueryTerm term = query.Terms[0];
        OpenLists(term, fields, query.UnitCount);
        long candidates = _lists.Sum(static list => (long)list.Matcher.Lead.DocumentFrequency);
        if (_lists.Count == 0 || candidates < minPostings)
        {
            return false;
        }

        estimatedTotal = EstimateMatches();
        double idf = Math.Log(1 + ((documentCount - estimatedTotal + 0.5) / (estimatedTotal + 0.5)));
        double bound = idf * (FieldIndex.K1 + 1) * FieldIndex.TotalBoost;
        foreach (TermList list in _lists)
        {
            list.Weigh(idf, bound);
        }

        Collect(count, bound, exactNameLevel, ranked);
        return true;
    }

    private void OpenLists(QueryTerm term, IReadOnlyList<FieldIndex> fields, int unitCount)
    {
        int used = 0;
        for (int s = 0; s < term.Spellings.Length; s++)
        {
            for (int f = 0; f < fields.Count; f++)
            {
                if (used == _lists.Count)
                {
                    _lists.Add(new TermList());
                }

                TermList list = _lists[used];
                if (list.Matcher.Start(fields[f], term.Spellings[s]))
                {
                    list.Open(fields[f], term.Spellings[s], s == 0 ? (SearchField)f : null, unitCount);
                    used++;
                }
            }
        }

        _lists.RemoveRange(used, _lists.Count - used);
    }

    /// <summary>
    /// The largest list's matches: a single token's are its document frequency; a phrase's
    /// are counted in <see cref="SampleBlocks"/> blocks of candidates spread over its rarest token's list and scaled
    /// to the whole list. Lists are opened again after, for the ranking.
    /// </summary>
    private int EstimateMatches()
    {
        double largest = 0;
        foreach (TermList list in _lists)
        {
            PhraseMatcher matcher = list.Matcher;
            int leadFrequency = matcher.Lead.DocumentFrequency;
            if (!matcher.IsPhrase)
            {
                largest = Math.Max(largest, leadFrequency);
                continue;
            }

            SkipTable? skips = matcher.Lead.Skips;
            double estimate;
            if (skips is null || skips.BlockCount <= SampleBlocks)
            {
                int matches = 0;
                while (matcher.MoveTo(matcher.Document + 1))
                {
                    matches++;
                }

                estimate = matches;
            }
            else
            {
                // Blocks spread over the list: documents of one kind often stand together.
                int matches = 0;
                for (int sample = 0; sample < SampleBlocks; sample++)
                {
                    int block = sample * skips.BlockCount / SampleBlocks;
                    int first = block == 0 ? 0 : skips.LastDocument(block - 1) + 1;
                    int last = skips.LastDocument(block);
                    for (int next = first; matcher.MoveTo(next, last); next = matcher.Document + 1)
                    {
                        matches++;
                    }
                }

                estimate = (double)matches * leadFrequency / (SampleBlocks * SkipTable.BlockSize);
            }

            largest = Math.Max(largest, estimate);
            list.Reopen();
        }

        return (int)Math.Max(1, Math.Round(largest));
    }

    /// <summary>The best <paramref name="count"/> documents by score (ties: lower id first), best first.</summary>
    private void Collect(int count, double bound, Func<int, bool, bool, int> exactNameLevel, List<(int Document, double Score)> ranked)
    {
        // Lists by their highest possible score, lowest first: a prefix of them that together
        // cannot reach the k-th best only confirms what the others propose.
        _byBound = [.. _lists.OrderBy(static list => list.Bound)];
        if (_boundsBelow.Length < _byBound.Length + 1)
        {
            _boundsBelow = new double[_byBound.Length + 1];
        }

        for (int i = 0; i < _byBound.Length; i++)
        {
            _boundsBelow[i + 1] = _boundsBelow[i] + _byBound[i].Bound;
        }

        var best = new BestDocuments(count);
        int confirming = 0; // lists [0, confirming) only confirm
        foreach (TermList list in _byBound)
        {
            list.Matcher.MoveToCandidate(0);
        }

        while (true)
        {
            int document = int.MaxValue;
            for (int i = confirming; i < _byBound.Length; i++)
            {
                document = Math.Min(document, _byBound[i].Matcher.Document);
            }

            if (document == int.MaxValue)
            {
                break;
            }

            if (best.IsFull && PassBlocks(document, confirming, best.Threshold))
            {
                continue;
            }

            double score = Score(document, confirming, best, bound, exactNameLevel);
            if (!double.IsNaN(score) && best.Offer(document, score))
            {
                while (best.IsFull && confirming < _byBound.Length && _boundsBelow[confirming + 1] <= best.Threshold)
                {
                    confirming++;
                }
            }
        }

        best.Drain(ranked);
    }

    /// <summary>
    /// When no document from <paramref name="document"/> to the end of the blocks it falls in
    /// can reach <paramref name="threshold"/>, moves the proposing lists past them and says so.
    /// </summary>
    private bool PassBlocks(int document, int confirming, double threshold)
    {
        double reachable = 0;
        int last = int.MaxValue;
        for (int i = 0; i < _byBound.Length; i++)
        {
            TermList list = _byBound[i];
            if (i < confirming && list.Matcher.Document < document)
            {
                // A sparse list that only confirms (a category) would bound every stretch with
                // a block spanning thousands of documents it is not in: move it to its next one.
                list.Matcher.MoveToCandidate(document);
            }

            if (list.Matcher.Document != document)
            {
                last = Math.Min(last, list.Matcher.Document - 1); // adds nothing before its next document
                continue;
            }

            reachable += list.BlockBound(document, out int blockLast);
            last = Math.Min(last, blockLast);
        }

        if (reachable > threshold || last == int.MaxValue)
        {
            return false;
        }

        for (int i = confirming; i < _byBound.Length; i++)
        {
            PhraseMatcher matcher = _byBound[i].Matcher;
            if (matcher.Document <= last)
            {
                matcher.MoveToCandidate(last + 1);
            }
        }

        return true;
    }

    /// <summary>
    /// The document's score; NaN when it does not hold the term after all (a phrase's tokens out
    /// of order) or when bounds show it cannot enter the best. Moves the proposing lists past it.
    /// Positions are counted only for a document whose bound, from its tokens' frequencies, can enter.
    /// </summary>
    private double Score(int document, int confirming, BestDocuments best, double bound, Func<int, bool, bool, int> exactNameLevel)
    {
        foreach (TermList list in _lists)
        {
            list.Contribution = 0;
        }

        double reachable = _boundsBelow[confirming];
        for (int i = confirming; i < _byBound.Length; i++)
        {
            TermList list = _byBound[i];
            if (list.Matcher.Document == document)
            {
                reachable += list.BoundAt(document);
            }
        }

        double known = 0;
        if (!best.IsFull || reachable > best.Threshold)
        {
            for (int i = confirming; i < _byBound.Length; i++)
            {
                TermList list = _byBound[i];
                if (list.Matcher.Document == document && list.Matcher.Count() > 0)
                {
                    list.Contribution = list.Relevance(document, list.Matcher.Frequency);
                    known += list.Contribution + list.NameBoundAt(document);
                }
            }

            // The best-bounded first: a document that cannot enter is dropped after the fewest lookups.
            for (int i = confirming - 1; i >= 0; i--)
            {
                if (best.IsFull && known + _boundsBelow[i + 1] <= best.Threshold)
                {
                    known = 0;
                    break;
                }

                TermList list = _byBound[i];
                if (list.Matcher.IsCandidate(document)
                    && (!best.IsFull || known + list.BoundAt(document) + _boundsBelow[i] > best.Threshold)
                    && list.Matcher.Count() > 0)
                {
                    list.Contribution = list.Relevance(document, list.Matcher.Frequency);
                    known += list.Contribution + list.NameBoundAt(document);
                }
            }
        }

        for (int i = confirming; i < _byBound.Length; i++)
        {
            PhraseMatcher matcher = _byBound[i].Matcher;
            if (matcher.Document == document)
            {
                matcher.MoveToCandidate(document + 1);
            }
        }

        if (known == 0)
        {
            return double.NaN;
        }

        // Summed in the lists' own order, as SearchIndex sums them, for the same score to the last bit.
        double score = 0;
        bool byTitle = false;
        bool byAlias = false;
        foreach (TermList list in _lists)
        {
            if (list.Contribution > 0)
            {
                score += list.Contribution;
                byTitle |= list.NameField == SearchField.Title;
                byAlias |= list.NameField == SearchField.Alias;
            }
        }

        return score + (exactNameLevel(document, byTitle, byAlias) * bound);
    }

    /// <summary>One spelling of the term in one field: its matcher, weights and score bounds.</summary>
    private sealed class TermList
    {
        private FieldIndex _field = null!;
        private QueryTerm _term = null!;
        private int _unitCount;
        private double _weight;
        private double _nameBonus;
        private int _boundBlock = -1;
        private int _boundLast = -1;
        private double _blockBound;

        public PhraseMatcher Matcher { get; } = new();

        /// <summary>Title or alias for the query's own spelling, where an exact name can earn a document its tier.</summary>
        public SearchField? NameField { get; private set; }

        /// <summary>The highest score the list can add to a document, its name tier included.</summary>
        public double Bound { get; private set; }

        /// <summary>What the list adds to the document being scored.</summary>
        public double Contribution { get; set; }

        public void Open(FieldIndex field, QueryTerm term, SearchField? nameField, int unitCount)
        {
            _field = field;
            _term = term;
            NameField = nameField is SearchField.Title or SearchField.Alias ? nameField : null;
            _unitCount = unitCount;
            _boundBlock = -1;
            _boundLast = -1;
        }

        /// <summary>Starts the matcher again, at the list's first document.</summary>
        public void Reopen() => Matcher.Start(_field, _term);

        public void Weigh(double idf, double bound)
        {
            _weight = _field.Boost * idf * (FieldIndex.K1 + 1);
            _nameBonus = NameField switch
            {
                SearchField.Title => 2 * bound,
                SearchField.Alias => bound,
                _ => 0,
            };
            SkipTable? skips = Matcher.Lead.Skips;
            double most = 0;
            if (skips is null)
            {
                most = _weight; // a frequency's share never reaches 1
            }
            else
            {
                for (int block = 0; block <= skips.BlockCount; block++)
                {
                    most = Math.Max(most, BlockRelevance(skips, block));
                }
            }

            Bound = most + _nameBonus;
        }

        /// <summary>At a candidate, the most the list can add to it: from its frequency bound and length, and its name tier.</summary>
        public double BoundAt(int document) => Relevance(document, Matcher.MostOccurrences()) + NameBoundAt(document);

        /// <summary>What the exact-name tier can add to a document in the list: a title only when as long as the query.</summary>
        public double NameBoundAt(int document) =>
            NameField == SearchField.Title && _field.Length(document) != _unitCount ? 0 : _nameBonus;

        public double Relevance(int document, int frequency) => _weight * _field.Share(document, frequency);

        /// <summary>The highest score the list can add to a document in the block of <paramref name="document"/>, and that block's last document.</summary>
        public double BlockBound(int document, out int blockLast)
        {
            SkipTable? skips = Matcher.Lead.Skips;
            if (skips is null)
            {
                blockLast = int.MaxValue;
                return Bound;
            }

            if (document > _boundLast)
            {
                _boundBlock = skips.BlockOf(document);
                _boundLast = _boundBlock < skips.BlockCount ? skips.LastDocument(_boundBlock) : int.MaxValue;
                double name = NameField == SearchField.Title && skips.MinLength(_boundBlock) > _unitCount ? 0 : _nameBonus;
                _blockBound = BlockRelevance(skips, _boundBlock) + name;
            }

            blockLast = _boundLast;
            return _blockBound;
        }

        // A phrase occurs no more often than its rarest token, which leads it. The margin covers
        // the rounding of a product taken in another order than the score's.
        private double BlockRelevance(SkipTable skips, int block) => _weight * skips.MaxShare(block) * (1 + 1e-12);
    }
}
