namespace EdgeRisk.Evidence.Recordings;

/// <summary>
/// The series part of a sample line, <c>name{labels}</c>, parsed once per distinct text and shared by every sample of
/// that series. Label values stay escaped as in the text format, since they are written back unchanged.
/// </summary>
public sealed class RecordedSeries
{
    private RecordedSeries(string name, IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        Name = name;
        Labels = labels;
    }

    public string Name { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

    public string? Label(string name)
    {
        foreach (var (key, value) in Labels)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Parses <c>name</c> or <c>name{a="x",b="y\"z"}</c> (nothing after it); null when malformed.</summary>
    public static RecordedSeries? TryParse(ReadOnlySpan<char> text)
    {
        var brace = text.IndexOf('{');
        var name = brace < 0 ? text : text[..brace];
        if (!IsMetricName(name))
        {
            return null;
        }

        var labels = new List<KeyValuePair<string, string>>();
        if (brace >= 0 && ParseLabels(text[brace..], labels) != text.Length - brace)
        {
            return null;
        }

        return new RecordedSeries(name.ToString(), labels);
    }

    private static bool IsMetricName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(char.IsAsciiLetter(c) || c is '_' or ':' || (i > 0 && char.IsAsciiDigit(c))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the characters consumed by <c>{...}</c>, or -1 when malformed.</summary>
    private static int ParseLabels(ReadOnlySpan<char> text, List<KeyValuePair<string, string>> labels)
    {
        var i = 1;
        while (true)
        {
            while (i < text.Length && text[i] is ' ' or ',')
            {
                i++;
            }

            if (i >= text.Length)
            {
                return -1;
            }

            if (text[i] == '}')
            {
                return i + 1;
            }

            var eq = text[i..].IndexOf('=');
            if (eq <= 0)
            {
                return -1;
            }

            var labelName = text.Slice(i, eq).Trim(' ');
            if (!IsMetricName(labelName) || labelName.Contains(':'))
            {
                return -1;
            }

            i += eq + 1;
            if (i >= text.Length || text[i] != '"')
            {
                return -1;
            }

            var start = ++i;
            while (i < text.Length && text[i] != '"')
            {
                i += text[i] == '\\' ? 2 : 1;
            }

            if (i >= text.Length)
            {
                return -1;
            }

            labels.Add(new KeyValuePair<string, string>(labelName.ToString(), text[start..i].ToString()));
            i++;
        }
    }
}
