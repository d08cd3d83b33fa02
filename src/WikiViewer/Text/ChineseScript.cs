using System.Text;

namespace WikiViewer.Text;

/// <summary>
/// Folds Traditional Chinese to Simplified, character by character, after NFC
/// normalization. The one folding used for titles, links and search.
/// </summary>
public static class ChineseScript
{
    // Placeholder until the OpenCC table lands: NFC only.
    public static string Fold(string text) => text.Normalize(NormalizationForm.FormC);
}
