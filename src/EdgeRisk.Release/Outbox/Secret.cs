namespace EdgeRisk.Release.Outbox;

/// <summary>
/// A credential. <see cref="ToString"/> is masked so a token cannot leak through string interpolation, record printing
/// or exception messages; only <see cref="Reveal"/> hands out the value, at the point it goes on the wire.
/// </summary>
public sealed class Secret
{
    public const string Mask = "*****";

    private readonly string value;

    public Secret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        this.value = value;
    }

    public string Reveal() => value;

    public override string ToString() => Mask;
}
