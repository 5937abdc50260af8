namespace EdgeRisk.Release.Tests.Reporting;

public sealed class EquityPlotRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void SavePng_EquityCsvOfThreeHours_WritesANonTrivialPngAndNoTemporaries()
    {
        using var dir = new TempDirectory("equity-plot");
        var csv = dir.Combine("equity.csv");
        File.WriteAllText(csv,
            EquityPlotRenderer.Header + "\n" +
            "2017-09-03T00:00:00Z,100000,0,100000,0\n" +
            "2017-09-03T01:00:00Z,101000.5,0,100800,0\n" +
            "2017-09-03T02:00:00Z,99990.25,0.0099977,100100,0.0069444\n" +
            "2017-09-03T03:00:00Z,100500,0.0049554,101000,0\n");
        var png = dir.Combine("out", "equity.png");

        EquityPlotRenderer.SavePng(csv, png);

        var bytes = File.ReadAllBytes(png);
        Assert.Equal(PngSignature, bytes.Take(8));
        Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes");
        Assert.Equal(["equity.png"], Directory.GetFileSystemEntries(dir.Combine("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void SavePng_MissingEquityFile_OneLineNamingTheFileAndNoPng()
    {
        using var dir = new TempDirectory("equity-plot");
        var png = dir.Combine("equity.png");

        var e = Assert.Throws<InvalidDataException>(() => EquityPlotRenderer.SavePng(dir.Combine("equity.csv"), png));

        Assert.Contains(dir.Combine("equity.csv"), e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(File.Exists(png));
    }

    [Fact]
    public void SavePng_NotAnEquityCurve_NamesFileAndLine()
    {
        using var dir = new TempDirectory("equity-plot");
        var csv = dir.Combine("equity.csv");
        File.WriteAllText(csv, EquityPlotRenderer.Header + "\n2017-09-03T00:00:00Z,100000,0,100000,0\n2017-09-03T01:00:00Z,abc,0,1,0\n");

        var e = Assert.Throws<InvalidDataException>(() => EquityPlotRenderer.SavePng(csv, dir.Combine("equity.png")));

        Assert.StartsWith($"{csv}:3: ", e.Message, StringComparison.Ordinal);
    }
}
