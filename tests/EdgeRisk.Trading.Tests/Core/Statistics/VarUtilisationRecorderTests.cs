namespace EdgeRisk.Trading.Tests.Core.Statistics;

public sealed class VarUtilisationRecorderTests
{
    [Fact]
    public void OnVarPct_ScriptedSequence_PeakIsLargestVarOverLimitAndEverySignalForwarded()
    {
        var inner = new RecordingObserver();
        var recorder = new VarUtilisationRecorder(inner);
        var t = CoreTestData.Utc(2017, 9, 3, 0, 1);

        // VaR / limit per decision: 250/2000, 1750/2000, 800/2000, 0 → peak 1750/2000 = 0.875.
        foreach (var pct in new[] { 12.5, 87.5, 40d, 0d })
        {
            recorder.OnVarPct(pct, t);
            t = t.AddMinutes(1);
        }

        Assert.Equal(0.875, recorder.MaxVarUtilisation!.Value, 12);
        Assert.Equal([12.5, 87.5, 40d, 0d], inner.VarPcts);
    }

    [Fact]
    public void MaxVarUtilisation_NothingReported_Null()
    {
        var recorder = new VarUtilisationRecorder();

        Assert.Null(recorder.MaxVarUtilisation);
    }

    [Fact]
    public void OnVarPct_NotFiniteFigure_PeakUnknown()
    {
        var recorder = new VarUtilisationRecorder();
        var t = CoreTestData.Utc(2017, 9, 3, 0, 1);

        recorder.OnVarPct(50d, t);
        recorder.OnVarPct(double.NaN, t.AddMinutes(1));
        recorder.OnVarPct(60d, t.AddMinutes(2));

        Assert.Null(recorder.MaxVarUtilisation);
    }
}
