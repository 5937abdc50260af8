using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>
/// One exchange WebSocket: connect, subscribe, parse frames into <see cref="MarketEvent"/>s on a channel, and on any
/// disconnect or error reconnect with bounded, jittered exponential backoff timed by the injected clock. Bad frames
/// are counted and dropped; the loop only ends on cancellation.
/// </summary>
public sealed class LiveWebSocketFeed
{
    private readonly Uri _endpoint;
    private readonly IFrameParser _parser;
    private readonly LiveFeedOptions _options;
    private readonly TimeProvider _time;
    private readonly ReconnectBackoff _backoff;
    private readonly ChannelWriter<MarketEvent> _output;
    private readonly Action<string> _reject;
    private readonly ILogger _logger;
    private int _connections;

    public LiveWebSocketFeed(Uri endpoint, IFrameParser parser, LiveFeedOptions options, TimeProvider time, Random jitter,
        ChannelWriter<MarketEvent> output, Action<string> reject, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _endpoint = endpoint;
        _parser = parser;
        _options = options;
        _time = time;
        _backoff = new ReconnectBackoff(options.InitialBackoff, options.MaxBackoff, jitter);
        _output = output;
        _reject = reject;
        _logger = logger;
        Health = new FeedHealth(parser.Name, options.StaleAfter, time, reject);
    }

    public FeedHealth Health { get; }

    /// <summary>Successful connections so far (1 + reconnects).</summary>
    public int Connections => Volatile.Read(ref _connections);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var staleTimer = _time.CreateTimer(_ => CheckStale(), null, _options.StaleAfter / 4, _options.StaleAfter / 4);
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                using var socket = new ClientWebSocket();
                using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    connectTimeout.CancelAfter(_options.ConnectTimeout);
                    await socket.ConnectAsync(_endpoint, connectTimeout.Token);
                }

                attempt = 0;
                _parser.Reset();
                Health.IsConnected = true;
                _logger.FeedConnected(_parser.Name, _endpoint, Interlocked.Increment(ref _connections));
                foreach (var message in _parser.SubscribeMessages)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                }

                reason = await ReceiveAsync(socket, cancellationToken);
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                reason = e.Message;
            }
            finally
            {
                Health.IsConnected = false;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var delay = _backoff.Delay(attempt++);
            _logger.FeedDisconnected(_parser.Name, reason, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private void CheckStale()
    {
        if (Health.Check())
        {
            _logger.FeedStale(_parser.Name, _options.StaleAfter.TotalSeconds);
        }
    }

    private async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        var events = new List<MarketEvent>(64);
        var oversized = false;
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return $"closed by server ({socket.CloseStatus})";
            }

            if (!oversized)
            {
                buffer.Advance(result.Count);
                oversized = buffer.WrittenCount > _options.MaxFrameBytes;
            }

            if (!result.EndOfMessage)
            {
                continue;
            }

            if (oversized || result.MessageType != WebSocketMessageType.Text)
            {
                _reject(oversized ? RejectReasonLabel.OversizedFrame : RejectReasonLabel.BadFrame);
            }
            else
            {
                events.Clear();
                _parser.Parse(buffer.WrittenSpan, events);
                foreach (var e in events)
                {
                    Health.OnEvent();
                    await _output.WriteAsync(e, cancellationToken);
                }
            }

            buffer.Clear();
            oversized = false;
        }

        return $"socket {socket.State}";
    }
}
