using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>Reads an exchange frame's JSON; a frame that is not valid JSON is rejected as <c>bad_frame</c>.</summary>
internal static class FrameJson
{
    public static bool TryRead<T>(ReadOnlySpan<byte> frame, JsonTypeInfo<T> type, Action<string> reject, out T? message)
    {
        try
        {
            message = JsonSerializer.Deserialize(frame, type);
            return true;
        }
        catch (JsonException)
        {
            reject(RejectReasonLabel.BadFrame);
            message = default;
            return false;
        }
    }
}
