using Analytics.Reports.Display;

namespace Analytics.Reports.Tests.Display;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("Acme \u202Egnp.exe\u202C", "Acme gnp.exe")]
    [InlineData("\u202A\u202B\u202D x \u2066\u2067\u2068\u2069", " x ")]
    [InlineData("left\u200Eright\u200Farabic\u061C", "leftrightarabic")]
    [InlineData("bell\u0007 null\0 esc\u001B del\u007F c1\u0085", "bell null esc del c1")]
    [InlineData("line\r\nnext\ttab", "line\nnext\ttab")]
    public void Neutralise_removes_bidi_and_control_characters(string text, string expected) =>
        Assert.Equal(expected, UntrustedText.Neutralise(text));

    [Theory]
    [InlineData("O'Brien & <Sons>")]
    [InlineData("شركة الشرق")]
    [InlineData("Acme 🚀 Partners")]
    [InlineData("Zürich Ærø 東京")]
    public void Neutralise_keeps_ordinary_text_as_it_is(string text) =>
        Assert.Same(text, UntrustedText.Neutralise(text));

    [Fact]
    public void Neutralise_replaces_an_unpaired_surrogate_with_the_replacement_character() =>
        Assert.Equal("lone \uFFFD surrogate \uFFFD", UntrustedText.Neutralise("lone " + '\uD83D' + " surrogate " + '\uDE80'));

    [Fact]
    public void Neutralise_treats_null_as_empty() => Assert.Equal("", UntrustedText.Neutralise(null));
}
