using System.Text;

namespace Analytics.Cli.Shell;

/// <summary>
/// Gathers writes into blocks of 32K characters before handing them to <paramref name="inner"/>: the console's
/// writer flushes on every write, which would make millions of CSV rows to stdout a system call each. Disposing
/// flushes but leaves <paramref name="inner"/> open.
/// </summary>
internal sealed class BlockWriter(TextWriter inner) : TextWriter
{
    private readonly char[] _block = new char[32 * 1024];
    private int _used;

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (_used == _block.Length)
        {
            Drain();
        }

        _block[_used++] = value;
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (buffer.Length > 0)
        {
            if (_used == _block.Length)
            {
                Drain();
            }

            var count = Math.Min(buffer.Length, _block.Length - _used);
            buffer[..count].CopyTo(_block.AsSpan(_used));
            _used += count;
            buffer = buffer[count..];
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc />
    public override void Flush()
    {
        Drain();
        inner.Flush();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void Drain()
    {
        if (_used > 0)
        {
            inner.Write(_block, 0, _used);
            _used = 0;
        }
    }
}
