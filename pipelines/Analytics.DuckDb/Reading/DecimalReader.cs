using System.Numerics;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Reading;

/// <summary>
/// DECIMAL(width, scale): an unscaled integer whose physical type depends on the width (SMALLINT up to 4 digits,
/// INTEGER up to 9, BIGINT up to 18, HUGEINT up to 38), read exactly into <see cref="decimal"/>.
/// </summary>
internal sealed unsafe class DecimalReader(byte width, byte scale, DuckDbType internalType)
    : VectorReader($"DECIMAL({width},{scale})")
{
    public override Type ClrType => typeof(decimal);

    public override decimal GetDecimal(int row)
    {
        switch (internalType)
        {
            case DuckDbType.SmallInt:
                return new decimal(((short*)Data)[row]) / Pow10(scale);
            case DuckDbType.Integer:
                return Scaled(((int*)Data)[row]);
            case DuckDbType.BigInt:
                return Scaled(((long*)Data)[row]);
            default:
                var huge = ((DuckDbHugeInt*)Data)[row];
                var unscaled = ((BigInteger)huge.Upper << 64) | huge.Lower;
                return Scaled(unscaled);
        }
    }

    public override double GetDouble(int row) => (double)GetDecimal(row);

    public override object GetValue(int row) => GetDecimal(row);

    public override TValue GetFieldValue<TValue>(int row) =>
        typeof(TValue) == typeof(decimal) ? (TValue)(object)GetDecimal(row) : base.GetFieldValue<TValue>(row);

    private decimal Scaled(long unscaled)
    {
        var magnitude = unscaled < 0 ? (ulong)(-(unscaled + 1)) + 1 : (ulong)unscaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, scale);
    }

    private decimal Scaled(BigInteger unscaled)
    {
        var negative = unscaled.Sign < 0;
        var magnitude = BigInteger.Abs(unscaled);
        if (magnitude.GetBitLength() > 96)
        {
            throw new OverflowException($"The {TypeName} value has more than 28 significant digits and does not fit in System.Decimal; cast it to DOUBLE or VARCHAR in SQL.");
        }

        var lo = (uint)(magnitude & uint.MaxValue);
        var mid = (uint)((magnitude >> 32) & uint.MaxValue);
        var hi = (uint)(magnitude >> 64);
        return new decimal((int)lo, (int)mid, (int)hi, negative, scale);
    }

    private static decimal Pow10(byte exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
