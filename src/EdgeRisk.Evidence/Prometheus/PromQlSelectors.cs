namespace EdgeRisk.Evidence.Prometheus;

/// <summary>
/// Finds the series selectors (<c>metric</c>, <c>metric{label="x"}</c>, <c>{__name__="m"}</c>) of a PromQL expression:
/// the raw inputs whose newest sample tells how fresh a panel is. Function and aggregation names, grouping
/// clauses, keywords, strings, numbers and range/subquery brackets are skipped.
/// </summary>
public static class PromQlSelectors
{
    private static readonly HashSet<string> Grouping = new(StringComparer.Ordinal) { "by", "without", "on", "ignoring", "group_left", "group_right" };

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase) { "bool", "and", "or", "unless", "offset", "atan2", "inf", "nan" };

    // Aggregations may carry their grouping before the parenthesis (`sum by (x) (...)`), so the name alone decides.
    private static readonly HashSet<string> Aggregations = new(StringComparer.Ordinal)
    {
        "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio",
    };

    public static IReadOnlyList<string> Extract(string expr)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var selectors = new List<string>();
        var i = 0;
        while (i < expr.Length)
        {
            var c = expr[i];
            if (c is '"' or '\'' or '`')
            {
                i = SkipString(expr, i);
            }
            else if (c == '#')
            {
                var newline = expr.IndexOf('\n', i);
                i = newline < 0 ? expr.Length : newline;
            }
            else if (c == '[')
            {
                i = SkipPast(expr, i, ']');
            }
            else if (c == '{')
            {
                var end = SkipPast(expr, i, '}');
                selectors.Add(expr[i..end]);
                i = end;
            }
            else if (char.IsAsciiLetter(c) || c is '_' or ':')
            {
                var start = i;
                while (i < expr.Length && (char.IsAsciiLetterOrDigit(expr[i]) || expr[i] is '_' or ':'))
                {
                    i++;
                }

                var name = expr[start..i];
                var next = SkipSpace(expr, i);
                if (Grouping.Contains(name))
                {
                    i = next < expr.Length && expr[next] == '(' ? SkipPast(expr, next, ')') : i;
                }
                else if (Keywords.Contains(name) || Aggregations.Contains(name) || (next < expr.Length && expr[next] == '('))
                {
                    // a keyword, or a function / aggregation name
                }
                else if (next < expr.Length && expr[next] == '{')
                {
                    var end = SkipPast(expr, next, '}');
                    selectors.Add(name + expr[next..end]);
                    i = end;
                }
                else
                {
                    selectors.Add(name);
                }
            }
            else if (char.IsAsciiDigit(c) || c == '.')
            {
                // numbers, 1e3, 0x1f and durations like 5m
                while (i < expr.Length && (char.IsAsciiLetterOrDigit(expr[i]) || expr[i] == '.'))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }
        }

        return selectors.Distinct(StringComparer.Ordinal).ToList();
    }

    private static int SkipSpace(string expr, int i)
    {
        while (i < expr.Length && char.IsWhiteSpace(expr[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipString(string expr, int i)
    {
        var quote = expr[i++];
        while (i < expr.Length && expr[i] != quote)
        {
            i += expr[i] == '\\' && quote != '`' ? 2 : 1;
        }

        return Math.Min(i + 1, expr.Length);
    }

    // Returns the index after the matching closer; strings inside (label values) may contain the closer.
    private static int SkipPast(string expr, int i, char closer)
    {
        var opener = expr[i];
        var depth = 0;
        while (i < expr.Length)
        {
            var c = expr[i];
            if (c is '"' or '\'' or '`')
            {
                i = SkipString(expr, i);
                continue;
            }

            if (c == opener)
            {
                depth++;
            }
            else if (c == closer && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        return expr.Length;
    }
}
