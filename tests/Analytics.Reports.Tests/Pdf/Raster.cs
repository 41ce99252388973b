namespace Analytics.Reports.Tests.Pdf;

/// <summary>An RGB image read from a binary PPM (what pdftoppm writes by default).</summary>
internal sealed class Raster(int width, int height, byte[] rgb)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public bool IsWhite(int x, int y, int tolerance = 8)
    {
        var i = (y * Width + x) * 3;
        return rgb[i] >= 255 - tolerance && rgb[i + 1] >= 255 - tolerance && rgb[i + 2] >= 255 - tolerance;
    }

    public static Raster ReadPpm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            return System.Text.Encoding.ASCII.GetString(bytes, start, position - start);
        }

        if (Token() != "P6")
        {
            throw new InvalidDataException($"{path} is not a binary PPM.");
        }

        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        _ = Token(); // max value, 255
        position++; // one whitespace byte before the pixels
        return new Raster(width, height, bytes[position..(position + width * height * 3)]);
    }
}
