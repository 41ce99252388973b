using System.Text;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// A <see cref="TextWriter"/> over the Spectre console's own output, so System.CommandLine's help and errors go where
/// everything else goes, without Spectre wrapping lines a second time.
/// </summary>
internal sealed class ConsoleTextWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => console.Profile.Out.Writer.Write(value);

    public override void Write(string? value) => console.Profile.Out.Writer.Write(value);

    public override void WriteLine(string? value) => console.Profile.Out.Writer.WriteLine(value);
}
