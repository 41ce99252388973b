namespace Analytics.Cli.Tests.Shell;

/// <summary>Keystrokes for <see cref="ScriptedTerminal"/>.</summary>
internal static class Keys
{
    public static readonly ConsoleKeyInfo Enter = new('\r', ConsoleKey.Enter, false, false, false);
    public static readonly ConsoleKeyInfo Left = Special(ConsoleKey.LeftArrow);
    public static readonly ConsoleKeyInfo Right = Special(ConsoleKey.RightArrow);
    public static readonly ConsoleKeyInfo Home = Special(ConsoleKey.Home);
    public static readonly ConsoleKeyInfo End = Special(ConsoleKey.End);
    public static readonly ConsoleKeyInfo Up = Special(ConsoleKey.UpArrow);
    public static readonly ConsoleKeyInfo Down = Special(ConsoleKey.DownArrow);
    public static readonly ConsoleKeyInfo Backspace = new('\b', ConsoleKey.Backspace, false, false, false);
    public static readonly ConsoleKeyInfo Delete = Special(ConsoleKey.Delete);
    public static readonly ConsoleKeyInfo CtrlC = new('\u0003', ConsoleKey.C, false, false, true);
    public static readonly ConsoleKeyInfo CtrlD = new('\u0004', ConsoleKey.D, false, false, true);

    /// <summary>The keys that type <paramref name="text"/>; a line break is Enter.</summary>
    public static IEnumerable<ConsoleKeyInfo> Type(string text) =>
        text.Select(c => c == '\n' ? Enter : new ConsoleKeyInfo(c, default, char.IsUpper(c), false, false));

    /// <summary>A script: strings are typed, keys pressed.</summary>
    public static IEnumerable<ConsoleKeyInfo> Script(params object[] steps) =>
        steps.SelectMany(step => step switch
        {
            string text => Type(text),
            ConsoleKeyInfo key => [key],
            IEnumerable<ConsoleKeyInfo> keys => keys,
            _ => throw new ArgumentException($"not a key or text: {step}"),
        });

    private static ConsoleKeyInfo Special(ConsoleKey key) => new('\0', key, false, false, false);
}
