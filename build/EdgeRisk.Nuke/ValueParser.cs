using System.Globalization;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Processes;

namespace EdgeRisk.Nuke;

/// <summary>Converts parameter text to typed values; failures carry the expected format.</summary>
internal static class ValueParser
{
    public static object Parse(Type type, string text, AbsolutePath root)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsArray)
        {
            var element = target.GetElementType()!;
            var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(x => Parse(element, x, root)).ToArray();
            var array = Array.CreateInstance(element, items.Length);
            Array.Copy(items, array, items.Length);
            return array;
        }

        var value = TryParse(target, text.Trim(), root);
        return value ?? throw new FormatException(ExpectedFormat(target));
    }

    public static string ExpectedFormat(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target.IsArray => $"a comma-separated list of {ExpectedFormat(target.GetElementType()!)}",
            _ when target == typeof(bool) => "true or false",
            _ when target == typeof(int) => "an integer like 42",
            _ when target == typeof(double) || target == typeof(decimal) => "a number like 1.5",
            _ when target == typeof(TimeSpan) => "a duration like 48h, 1h30m, 90m, 30s, 1d or 01:30:00",
            _ when target == typeof(DateTimeOffset) => "an ISO-8601 timestamp like 2026-01-31T00:00:00Z",
            _ when target.IsEnum => "one of " + string.Join(", ", Enum.GetNames(target)),
            _ when target == typeof(AbsolutePath) => "a file or directory path",
            _ => "text",
        };
    }

    public static string Format(object value) => value switch
    {
        Array array => string.Join(",", array.Cast<object>().Select(Format)),
        DateTimeOffset timestamp => timestamp.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan duration => DurationText.Format(duration),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static object? TryParse(Type type, string text, AbsolutePath root)
    {
        var culture = CultureInfo.InvariantCulture;
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(text, out var flag) ? flag : null;
        }

        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, culture, out var number) ? number : null;
        }

        if (type == typeof(double))
        {
            return double.TryParse(text, NumberStyles.Float, culture, out var number) ? number : null;
        }

        if (type == typeof(decimal))
        {
            return decimal.TryParse(text, NumberStyles.Number, culture, out var number) ? number : null;
        }

        if (type == typeof(TimeSpan))
        {
            return ParseDuration(text);
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.TryParse(text, culture, DateTimeStyles.AssumeUniversal, out var timestamp) && text.Contains('-', StringComparison.Ordinal)
                ? timestamp
                : null;
        }

        if (type.IsEnum)
        {
            return Enum.GetNames(type).FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse(type, name)
                : null;
        }

        if (type == typeof(AbsolutePath))
        {
            return text.Length == 0 ? null : Path.IsPathRooted(text) ? new AbsolutePath(text) : root / text;
        }

        throw new NotSupportedException($"Parameter type {type.Name} is not supported.");
    }

    private static TimeSpan? ParseDuration(string text) =>
        DurationText.TryParse(text, out var duration) ? duration
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span
        : null;
}
