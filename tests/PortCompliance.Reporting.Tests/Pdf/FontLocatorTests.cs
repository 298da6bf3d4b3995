using PortCompliance.Reporting.Pdf.Fonts;

namespace PortCompliance.Reporting.Tests.Pdf;

/// <summary>Where the report's fonts come from, and what happens on a machine without them.</summary>
public sealed class FontLocatorTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pc-fonts");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Should_Find_DejaVu_In_The_Standard_Font_Folders()
    {
        var search = FontLocator.Find(FontLocator.StandardFolders());

        Assert.Null(search.Error);
        Assert.Equal("DejaVu Sans", search.Fonts!.Sans.Family);
        Assert.Equal("DejaVu Sans Mono", search.Fonts.Mono.Family);
        Assert.EndsWith("DejaVuSans.ttf", search.Fonts.Sans.Regular, StringComparison.Ordinal);
        Assert.NotNull(search.Fonts.Sans.Bold);
    }

    [Fact]
    public void Should_Fall_Back_To_Liberation_When_DejaVu_Is_Missing()
    {
        // Only the file names matter to the search, so DejaVu's files stand in for Liberation's (CI installs DejaVu only).
        var dejavu = FontLocator.Find(FontLocator.StandardFolders()).Fonts!;
        File.CreateSymbolicLink(Path.Combine(_folder.FullName, "LiberationSans-Regular.ttf"), dejavu.Sans.Regular);
        File.CreateSymbolicLink(Path.Combine(_folder.FullName, "LiberationMono-Regular.ttf"), dejavu.Mono.Regular);

        var search = FontLocator.Find([_folder.FullName]);

        Assert.Equal("Liberation Sans", search.Fonts!.Sans.Family);
        Assert.Equal("Liberation Mono", search.Fonts.Mono.Family);
        Assert.Null(search.Fonts.Sans.Bold);
        Assert.Contains("Liberation Sans", search.Fonts.Describe());
    }

    [Fact]
    public void Should_Name_The_Package_To_Install_When_No_Font_Is_Found()
    {
        var search = FontLocator.Find([_folder.FullName, "/no/such/folder"]);

        Assert.Null(search.Fonts);
        Assert.Contains("DejaVu Sans, Liberation Sans, Noto Sans", search.Error);
        Assert.Contains(_folder.FullName, search.Error);
        Assert.Contains("apt-get install fonts-dejavu-core", search.Error);
    }
}
