using Xunit;

namespace EdgeRisk.Testing;

/// <summary>A fact that needs root (mounting a tmpfs, starting dockerd); skipped, with the reason, when the tests do not run as root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            Skip = "needs root (a tmpfs mount, or dockerd; CI runs the tests as root); run as root to include it";
        }
    }
}
