using System.Runtime.InteropServices;

namespace EdgeRisk.Release.Staging;

/// <summary>POSIX kill(2): .NET can only SIGKILL a process, and services deserve a SIGTERM first.</summary>
internal static class NativeMethods
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Kill(int pid, int signal);
}
