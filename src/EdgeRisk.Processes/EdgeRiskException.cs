namespace EdgeRisk;

/// <summary>
/// The one exception shape of the project: a one-line message naming the input (flag, file, command) and the fix. Each
/// area derives its own type only so that catch sites can tell them apart.
/// </summary>
public abstract class EdgeRiskException : Exception
{
    protected EdgeRiskException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
