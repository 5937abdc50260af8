namespace EdgeRisk.Trading.Tests.Core.Feeds;

public sealed class FeedRejectionCounterTests
{
    [Fact]
    public void ByReason_MixedRejections_EachReasonWithCountAndFirstFileLineMostFrequentFirst()
    {
        var counter = new FeedRejectionCounter();
        counter.OnRejected(FeedRejectReason.NonNumeric, "a.zip", 7);
        counter.OnRejected(FeedRejectReason.NotANumber, "a.zip", 118);
        counter.OnRejected(FeedRejectReason.NotANumber, "b.zip", 3);
        counter.OnRejected(FeedRejectReason.ColumnCount, "b.zip", 9);

        var byReason = counter.ByReason();

        Assert.Equal(
            [
                new FeedRejectionCount(FeedRejectReason.NotANumber, 2, new FeedRejection(FeedRejectReason.NotANumber, "a.zip", 118)),
                new FeedRejectionCount(FeedRejectReason.ColumnCount, 1, new FeedRejection(FeedRejectReason.ColumnCount, "b.zip", 9)),
                new FeedRejectionCount(FeedRejectReason.NonNumeric, 1, new FeedRejection(FeedRejectReason.NonNumeric, "a.zip", 7)),
            ],
            byReason);
    }

    [Fact]
    public void First_ReasonFirstSeenAfterTheSampleLimit_StillKept()
    {
        var counter = new FeedRejectionCounter();
        for (var line = 1; line <= 25; line++)
        {
            counter.OnRejected(FeedRejectReason.DuplicateTimestamp, "a.zip", line);
        }

        counter.OnRejected(FeedRejectReason.Overflow, "b.zip", 40);

        Assert.Equal(20, counter.Samples.Count);
        Assert.Equal(new FeedRejection(FeedRejectReason.Overflow, "b.zip", 40), counter.First(FeedRejectReason.Overflow));
        Assert.Null(counter.First(FeedRejectReason.NotANumber));
    }

    [Fact]
    public void OnBadFile_SameFileTwice_KeptOnceAndForwarded()
    {
        var next = new FeedRejectionCounter();
        var counter = new FeedRejectionCounter(next);
        var file = new BadDataFile("a.zip", BadFileReason.Corrupt, "zip data cannot be decompressed after line 9");

        counter.OnBadFile(file);
        counter.OnBadFile(file);

        Assert.Equal(file, Assert.Single(counter.BadFiles));
        Assert.Equal(file, Assert.Single(next.BadFiles));
    }
}
