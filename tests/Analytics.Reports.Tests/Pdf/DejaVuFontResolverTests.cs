using Analytics.Reports.Pdf;
using Analytics.TestSupport.Files;

namespace Analytics.Reports.Tests.Pdf;

public sealed class DejaVuFontResolverTests
{
    [Fact]
    public void A_missing_font_folder_gives_an_error_naming_the_folder_the_file_and_the_fix()
    {
        using var temp = new TempDirectory();
        var folder = temp.Combine("no-fonts-here");
        var resolver = new DejaVuFontResolver(folder);

        var error = Assert.Throws<FileNotFoundException>(() => resolver.GetFont("DejaVuSans-Bold"));

        Assert.Contains(folder, error.Message);
        Assert.Contains("DejaVuSans-Bold.ttf", error.Message);
        Assert.Contains("apt-get install fonts-dejavu-core", error.Message);
        Assert.Contains(DejaVuFontResolver.FontsDirectoryVariable, error.Message);
    }

    [Fact]
    public void EnsureFontFilesExist_names_the_first_missing_file()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(DejaVuFontResolver.DefaultFontsDirectory, "DejaVuSans.ttf"), temp.Combine("DejaVuSans.ttf"));
        var resolver = new DejaVuFontResolver(temp.Path);

        var error = Assert.Throws<FileNotFoundException>(resolver.EnsureFontFilesExist);

        Assert.Contains("DejaVuSans-Bold.ttf", error.Message);
    }

    [Theory]
    [InlineData("DejaVu Sans", false, false, "DejaVuSans")]
    [InlineData("DejaVu Sans", true, false, "DejaVuSans-Bold")]
    [InlineData("DejaVu Sans", false, true, "DejaVuSans-Oblique")]
    [InlineData("DejaVu Sans", true, true, "DejaVuSans-BoldOblique")]
    [InlineData("dejavu sans condensed", false, false, "DejaVuSansCondensed")]
    [InlineData("DejaVu Sans Condensed", true, false, "DejaVuSansCondensed-Bold")]
    [InlineData("Arial", false, false, "DejaVuSans")]
    public void ResolveTypeface_maps_families_and_styles_to_faces(string family, bool bold, bool italic, string face)
    {
        var info = new DejaVuFontResolver().ResolveTypeface(family, bold, italic);

        Assert.Equal(face, info!.FaceName);
    }

    [Fact]
    public void GetFont_reads_the_real_file_once_and_caches_it()
    {
        var resolver = new DejaVuFontResolver();

        var first = resolver.GetFont("DejaVuSansCondensed-Bold");
        var second = resolver.GetFont("DejaVuSansCondensed-Bold");

        Assert.Same(first, second);
        Assert.Equal(new FileInfo(Path.Combine(DejaVuFontResolver.DefaultFontsDirectory, "DejaVuSansCondensed-Bold.ttf")).Length, first!.Length);
    }
}
