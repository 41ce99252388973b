using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Analytics.Pipelines.Crm;

namespace Analytics.TestSupport.Crm;

/// <summary>
/// A SHA-256 over a stream of records: each record's entity name, then every value its <see cref="ICrmRecord.WriteTo"/>
/// writes, with a type tag and a null marker, so that any difference in order, type or value changes the hash.
/// </summary>
public sealed class RecordHasher : ICrmRowWriter, IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[16];

    public long Records { get; private set; }

    public static string HashOf(Action<ICrmRecordSink> writeSnapshot)
    {
        using var hasher = new RecordHasher();
        writeSnapshot(new RecordForwardingSink(hasher.Add));
        return hasher.Finish();
    }

    public void Add(ICrmRecord record)
    {
        Text(record.Schema.Name);
        record.WriteTo(this);
        Records++;
    }

    public string Finish() => Convert.ToHexString(_hash.GetHashAndReset());

    public void Text(string? value)
    {
        if (Tag(1, value is null))
        {
            Append(BitConverter.GetBytes(value!.Length));
            _hash.AppendData(Encoding.UTF8.GetBytes(value));
        }
    }

    public void Integer(long? value)
    {
        if (Tag(2, value is null))
        {
            BinaryPrimitives.WriteInt64LittleEndian(_buffer, value!.Value);
            _hash.AppendData(_buffer, 0, 8);
        }
    }

    public void Decimal(decimal? value)
    {
        if (Tag(3, value is null))
        {
            foreach (var part in decimal.GetBits(value!.Value))
            {
                Append(BitConverter.GetBytes(part));
            }
        }
    }

    public void Boolean(bool? value)
    {
        if (Tag(4, value is null))
        {
            Append([value!.Value ? (byte)1 : (byte)0]);
        }
    }

    public void Date(DateOnly? value)
    {
        if (Tag(5, value is null))
        {
            Append(BitConverter.GetBytes(value!.Value.DayNumber));
        }
    }

    public void Timestamp(DateTime? value)
    {
        if (Tag(6, value is null))
        {
            Append(BitConverter.GetBytes(value!.Value.Ticks));
            Append([(byte)value.Value.Kind]);
        }
    }

    public void Dispose() => _hash.Dispose();

    private bool Tag(byte type, bool isNull)
    {
        Append([type, isNull ? (byte)0 : (byte)1]);
        return !isNull;
    }

    private void Append(ReadOnlySpan<byte> bytes) => _hash.AppendData(bytes);
}
