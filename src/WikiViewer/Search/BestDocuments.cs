namespace WikiViewer.Search;

/// <summary>
/// The best documents offered so far, at most a fixed number, in the ranking's order: a higher
/// score first, and of equal scores the lower id. A heap with the worst of them on top, so
/// that most documents of a common term are turned away by one compare.
/// </summary>
internal sealed class BestDocuments(int capacity)
{
    private static readonly Comparer<(int Document, double Score)> BestFirst =
        Comparer<(int Document, double Score)>.Create(static (x, y) => Worse(x, y) ? 1 : Worse(y, x) ? -1 : 0);

    private readonly (int Document, double Score)[] _items = new (int, double)[Math.Max(1, capacity)];
    private int _count;

    public bool IsFull => _count == _items.Length;

    /// <summary>The worst kept score: once full, a document scoring less never enters, nor one as high with a higher id.</summary>
    public double Threshold => _items[0].Score;

    /// <summary>Keeps the document if it ranks among the best so far; says whether it did.</summary>
    public bool Offer(int document, double score)
    {
        var offered = (document, score);
        if (_count < _items.Length)
        {
            int at = _count++;
            while (at > 0 && Worse(offered, _items[(at - 1) / 2]))
            {
                _items[at] = _items[(at - 1) / 2];
                at = (at - 1) / 2;
            }

            _items[at] = offered;
            return true;
        }

        if (score < Threshold || !Worse(_items[0], offered))
        {
            return false;
        }

        int place = 0;
        while (true)
        {
            int child = (2 * place) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Worse(_items[child + 1], _items[child]))
            {
                child++;
            }

            if (!Worse(_items[child], offered))
            {
                break;
            }

            _items[place] = _items[child];
            place = child;
        }

        _items[place] = offered;
        return true;
    }

    /// <summary>Appends the documents kept, best first.</summary>
    public void Drain(List<(int Document, double Score)> output)
    {
        int from = output.Count;
        output.AddRange(_items.AsSpan(0, _count));
        output.Sort(from, _count, BestFirst);
    }

    // A lower score, or as high and a higher id.
    private static bool Worse((int Document, double Score) x, (int Document, double Score) y) =>
        x.Score < y.Score || (x.Score == y.Score && x.Document > y.Document);
}
