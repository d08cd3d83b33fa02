using System.Globalization;
using System.Numerics;
using WikiViewer.Loading;

namespace WikiViewer.Web;

/// <summary>
/// Numbers from the configuration, read when the services are added: a value that is not one
/// stops startup with one line naming the key (binding would stop it with a stack trace).
/// </summary>
internal static class Settings
{
    /// <param name="unit">What the number counts, for the message (<c>seconds</c>, <c>megabytes</c>).</param>
    public static T Number<T>(IConfiguration configuration, string key, T fallback, T least, string unit)
        where T : INumber<T>
    {
        string? value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return T.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && T.IsFinite(number) && number >= least
            ? number
            : throw new WikiContentException($"{key}: '{value}' is not a number of {unit} from {least.ToString(null, CultureInfo.InvariantCulture)}.");
    }
}
