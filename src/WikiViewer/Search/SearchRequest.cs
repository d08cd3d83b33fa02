namespace WikiViewer.Search;

/// <summary>
/// A validated search request (SPEC.md "Bad input"): the query and paging as
/// a reader or program sent them, or the readable reason they were refused.
/// </summary>
public sealed record SearchRequest(string Query, int Offset, int Limit)
{
    public const int MaxQueryLength = 200;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxOffset = 10_000;

    public bool IsEmpty => Query.Length == 0;

    public static bool TryParse(string? query, string? offset, string? limit, out SearchRequest request, out string error)
    {
        request = new SearchRequest("", 0, DefaultLimit);
        error = "";
        string q = (query ?? "").Trim();
        if (q.Length > MaxQueryLength)
        {
            error = $"The query is {q.Length} characters long; at most {MaxQueryLength} are allowed.";
            return false;
        }

        if (q.Any(char.IsControl))
        {
            error = "The query contains control characters.";
            return false;
        }

        if (!TryParseNumber(offset, "offset", 0, 0, MaxOffset, out int from, ref error)
            || !TryParseNumber(limit, "limit", DefaultLimit, 1, MaxLimit, out int count, ref error))
        {
            return false;
        }

        request = new SearchRequest(q, from, count);
        return true;
    }

    private static bool TryParseNumber(string? text, string name, int fallback, int min, int max, out int value, ref string error)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max)
        {
            return true;
        }

        error = $"{name} must be a whole number from {min} to {max}.";
        return false;
    }
}
