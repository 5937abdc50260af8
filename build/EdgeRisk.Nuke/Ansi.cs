using System.Text.RegularExpressions;

namespace EdgeRisk.Nuke;

/// <summary>ANSI colours for terminal output; plain when colour is off (redirected output or <c>NO_COLOR</c>).</summary>
internal static partial class Ansi
{
    public const string Green = "\e[32m";
    public const string Red = "\e[31m";
    public const string Yellow = "\e[33m";
    public const string Grey = "\e[90m";
    private const string Reset = "\e[0m";

    public static string Paint(string text, string? colour, bool enabled) =>
        enabled && colour is not null && text.Length > 0 ? colour + text + Reset : text;

    public static string Strip(string text) => Codes().Replace(text, string.Empty);

    /// <summary>Colour of a status in the summary table: Succeeded green, Failed red, skipped grey.</summary>
    public static string? Of(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded => Green,
        TargetStatus.Failed => Red,
        TargetStatus.Skipped or TargetStatus.UpToDate or TargetStatus.NotRun => Grey,
        _ => null,
    };

    [GeneratedRegex(@"\e\[[0-9;]*m")]
    private static partial Regex Codes();
}
