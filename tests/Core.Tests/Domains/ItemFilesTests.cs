using System.Text;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Core.Tests.Domains;

/// <summary>What <see cref="IItemFiles"/> gives a domain that implements only <c>ReadAll</c>: one item by part, and files by path.</summary>
public sealed class ItemFilesTests
{
    /// <summary>One item per line; the least a domain writes.</summary>
    private sealed class LineFiles : IItemFiles
    {
        public IReadOnlyList<string> Extensions { get; } = [".txt"];
        public IReadOnlyList<SampleItem> ReadAll(string fileName, byte[] content) =>
            Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((l, i) => new SampleItem($"line {i + 1}", l, [])).ToList();
        public IReadOnlyList<ItemFile> Write(string item, string baseName, bool rendered = false) => [new(baseName + ".txt", "text/plain", Encoding.UTF8.GetBytes(item))];
        public IReadOnlyList<ExportFormat> ExportFormats => [];
        public byte[] Export(string formatId, IReadOnlyList<ExportItem> items) => throw new ArgumentException(formatId);
    }

    private readonly IItemFiles _files = new LineFiles();

    /// <summary>Lines whose first choice is a fixed index, right or wrong.</summary>
    private sealed class ChoosingFiles(int choice) : IItemFiles
    {
        private readonly LineFiles _lines = new();
        public IReadOnlyList<string> Extensions => _lines.Extensions;
        public IReadOnlyList<SampleItem> ReadAll(string fileName, byte[] content) => _lines.ReadAll(fileName, content);
        public int FirstChoice(IReadOnlyList<SampleItem> items) => choice;
        public IReadOnlyList<ItemFile> Write(string item, string baseName, bool rendered = false) => _lines.Write(item, baseName, rendered);
        public IReadOnlyList<ExportFormat> ExportFormats => [];
        public byte[] Export(string formatId, IReadOnlyList<ExportItem> items) => throw new ArgumentException(formatId);
    }

    [Theory]
    [InlineData(1, "BAD")]
    [InlineData(99, "CAB")] // a wrong answer picks the nearest item rather than failing the page
    [InlineData(-5, "ABC")]
    public void Read_WithoutAPart_TakesTheDomainsFirstChoice_KeptWithinTheItems(int choice, string expected)
    {
        IItemFiles files = new ChoosingFiles(choice);
        var content = Encoding.UTF8.GetBytes("ABC\nBAD\nCAB\n");
        Assert.Equal(expected, files.Read("three.txt", content));
        Assert.Equal(0, _files.FirstChoice(_files.ReadAll("three.txt", content)));
        Assert.Equal(0, IItemFiles.ChoiceOf(files, []));
    }

    [Fact]
    public void Read_TakesTheFirstOrTheNthItem_AndNamesAMissingOne()
    {
        var content = Encoding.UTF8.GetBytes("ABC\nBAD\n");
        Assert.Equal("ABC", _files.Read("two.txt", content));
        Assert.Equal("BAD", _files.Read("two.txt", content, part: 2));
        var error = Assert.Throws<InvalidDataException>(() => _files.Read("two.txt", content, part: 3));
        Assert.Equal("'two.txt' holds 2 item(s); there is no item 3.", error.Message);
        Assert.Throws<InvalidDataException>(() => _files.Read("two.txt", content, part: 0));
    }

    [Fact]
    public void ReadFile_ReadsThePathByItsFileName()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("latent-files-").FullName, "items.txt");
        File.WriteAllBytes(path, _files.Write("HAHA", "items")[0].Content);
        Assert.Equal("HAHA", _files.ReadFile(path));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
