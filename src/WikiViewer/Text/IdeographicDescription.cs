namespace WikiViewer.Text;

/// <summary>
/// How far OpenCC conversion skips over text no dictionary matches: a whole
/// Ideographic Description Sequence (⿰氵青 describes one character, so no
/// key may match inside it), else one code point. opencc-js's getUnmatchedLength.
/// </summary>
internal sealed class IdeographicDescription
{
    // Ends of the sequences starting at each position, once computed: opencc-js
    // recurses and re-parses, which is exponential on a run of operators;
    // within one range the end depends only on the position, so remember it.
    private Dictionary<int, int>? _ends;
    private Stack<Frame>? _stack;

    /// <summary>UTF-16 length of the unmatched unit at <paramref name="i"/> in text[..<paramref name="end"/>].</summary>
    /// <remarks>One instance per range: the remembered ends are only valid for the same <paramref name="end"/>.</remarks>
    internal static int UnmatchedLength(string text, int i, int end, ref IdeographicDescription? ids)
    {
        if (Arity(text[i]) == 0)
        {
            return CodePointLength(text, i, end);
        }

        ids ??= new IdeographicDescription();
        int sequenceEnd = ids.SequenceEnd(text, i, end);
        return sequenceEnd > i ? sequenceEnd - i : CodePointLength(text, i, end);
    }

    private static int CodePointLength(string text, int i, int end) =>
        char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    // U+2FF0..U+2FFF: ⿲ and ⿳ take three operands, the others two.
    private static int Arity(char c) => c switch
    {
        >= '\u2FF2' and <= '\u2FF3' => 3,
        >= '\u2FF0' and <= '\u2FFF' => 2,
        _ => 0,
    };

    // The end of the sequence whose operator is at p, or 0 when the text ends
    // before its last operand. An operand is a nested sequence, or, where that
    // is not complete, the single code point at its start (as in opencc-js).
    // Iterative: a long run of operators must not overflow the stack.
    private int SequenceEnd(string text, int p, int end)
    {
        _ends ??= [];
        _stack ??= new Stack<Frame>();
        if (_ends.TryGetValue(p, out int known))
        {
            return known;
        }

        _stack.Clear();
        _stack.Push(new Frame(p, p + 1, Arity(text[p])));
        while (true)
        {
            Frame top = _stack.Pop();
            int result;
            if (top.Remaining == 0)
            {
                result = top.Next;
            }
            else if (top.Next >= end)
            {
                result = 0;
            }
            else
            {
                int q = top.Next;
                if (Arity(text[q]) == 0)
                {
                    _stack.Push(top with { Next = q + CodePointLength(text, q, end), Remaining = top.Remaining - 1 });
                }
                else if (_ends.TryGetValue(q, out int child))
                {
                    _stack.Push(top with { Next = child > 0 ? child : q + 1, Remaining = top.Remaining - 1 });
                }
                else
                {
                    _stack.Push(top);
                    _stack.Push(new Frame(q, q + 1, Arity(text[q])));
                }

                continue;
            }

            _ends[top.Start] = result;
            if (!_stack.TryPop(out Frame parent))
            {
                return result;
            }

            // The parent was waiting for this operand.
            _stack.Push(parent with { Next = result > 0 ? result : top.Start + 1, Remaining = parent.Remaining - 1 });
        }
    }

    private readonly record struct Frame(int Start, int Next, int Remaining);
}
