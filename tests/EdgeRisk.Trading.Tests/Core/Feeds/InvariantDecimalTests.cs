using CsCheck;

namespace EdgeRisk.Trading.Tests.Core.Feeds;

/// <summary><see cref="InvariantDecimal"/> must give exactly what <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/> gives: same success, same 128 bits (scale included).</summary>
public sealed class InvariantDecimalTests
{
    [Fact]
    public void TryParse_EveryFieldOfEveryShippedFile_BitIdenticalToDecimalTryParse()
    {
        var fields = 0;
        var numbers = 0;
        var mismatches = new List<string>();
        foreach (var zip in Directory.GetFiles(CoreTestData.DataRoot, "*.zip", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var archive = ZipFile.OpenRead(zip);
            using var reader = new StreamReader(archive.Entries[0].Open());
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                foreach (var field in line.Split(','))
                {
                    fields++;
                    if (Compare(field) is { } mismatch)
                    {
                        mismatches.Add($"{Path.GetRelativePath(CoreTestData.DataRoot, zip)}:{lineNumber}: {mismatch}");
                    }
                    else if (decimal.TryParse(field, InvariantDecimal.Styles, CultureInfo.InvariantCulture, out _))
                    {
                        numbers++;
                    }
                }
            }
        }

        Assert.Empty(mismatches);
        // 27 files, ≈ 40k rows of 6 or 11 fields (data/README.md).
        Assert.True(numbers > 300_000, $"{numbers} numbers in {fields} fields");
    }

    [Theory]
    [InlineData("6.1153319800000006")]
    [InlineData("8.880099999999999")]
    [InlineData("4642.42")]
    [InlineData("1.50")]
    [InlineData("-1.50")]
    [InlineData("100")]
    [InlineData("0.10")]
    [InlineData("007.50")]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.000")]
    [InlineData("-0.0")]
    [InlineData("1234567890123456789")]
    [InlineData("9999999999999999999")]
    [InlineData("12345678901234567890")]
    [InlineData("18446744073709551616")]
    [InlineData("0.0000000000000000001")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1.2345678901234567890123456789")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("-.5")]
    [InlineData("+1")]
    [InlineData("--1")]
    [InlineData("1e3")]
    [InlineData("1.5E-2")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1\0")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("1,5")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    [InlineData("١٢")]
    public void TryParse_EdgeCase_BitIdenticalToDecimalTryParse(string text)
    {
        Assert.Null(Compare(text));
    }

    [Fact]
    public void TryParse_RandomPlainNumbers_BitIdenticalToDecimalTryParse()
    {
        var digits = Gen.String[Gen.Char["0123456789"], 0, 22];
        Gen.Select(Gen.Bool, digits, Gen.Bool, digits).Sample((negative, integer, point, fraction) =>
        {
            var text = (negative ? "-" : string.Empty) + integer + (point ? "." + fraction : string.Empty);
            Assert.Null(Compare(text));
        }, iter: 20_000);
    }

    [Fact]
    public void TryParse_RandomNumberLikeText_BitIdenticalToDecimalTryParse()
    {
        Gen.String[Gen.Char["0123456789.-+eE 0"], 0, 32].Sample(text => Assert.Null(Compare(text)), iter: 20_000);
    }

    /// <summary>Null when both parsers agree bit for bit, else a description of the difference.</summary>
    private static string? Compare(string text)
    {
        var expectedOk = decimal.TryParse(text, InvariantDecimal.Styles, CultureInfo.InvariantCulture, out var expected);
        var ok = InvariantDecimal.TryParse(text, out var actual);
        if (ok != expectedOk)
        {
            return $"'{text}': parsed {ok}, decimal.TryParse {expectedOk}";
        }

        var bits = decimal.GetBits(actual);
        var expectedBits = decimal.GetBits(expected);
        return bits.AsSpan().SequenceEqual(expectedBits)
            ? null
            : $"'{text}': {actual.ToString(CultureInfo.InvariantCulture)} [{string.Join(',', bits)}], decimal.TryParse {expected.ToString(CultureInfo.InvariantCulture)} [{string.Join(',', expectedBits)}]";
    }
}
