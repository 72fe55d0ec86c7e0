using LatentWorkbench.Core.Domains;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace LatentWorkbench.Web.Components.Shared;

/// <summary>
/// Item picker: a validated text field (or the domain's <see cref="DomainViews.ItemEditor"/>, bound both ways; behind
/// an "advanced" switch where <see cref="DomainViews.TextIsAdvanced"/>), a sample/library list and, where the domain
/// reads files, an upload whose items (a MIDI file's clips, an SD file's records) can each be chosen, with what the
/// reader assumed. With <see cref="Preview"/> the chosen item is drawn (and playable) below.
/// </summary>
public partial class ItemInput
{
    /// <summary>Largest upload read, in bytes.</summary>
    public const long MaxUploadBytes = 4 * 1024 * 1024;

    private ValidationResult _check = ValidationResult.Valid("");
    private string? _uploadError;
    private bool _advanced;
    private IReadOnlyList<SampleItem> _fileItems = [];
    private int _filePart;
    private string _fileName = "";
    private string? _fileNote;
    private readonly EventCallback<string> _textChanged;

    /// <summary>Creates the picker.</summary>
    public ItemInput() => _textChanged = EventCallback.Factory.Create<string>(this, SetTextAsync);

    /// <summary>The domain of the item.</summary>
    [Parameter, EditorRequired] public IDomainModule Domain { get; set; } = default!;

    /// <summary>Field label.</summary>
    [Parameter] public string Label { get; set; } = "Item";

    /// <summary>The item text.</summary>
    [Parameter] public string Text { get; set; } = "";

    /// <summary>Raised when the text changes (typed, picked or uploaded).</summary>
    [Parameter] public EventCallback<string> TextChanged { get; set; }

    /// <summary>
    /// Raised after a text change with the item and its name when the item has one (a sample, a library item, a part of
    /// an uploaded file such as "my-tune, bars 3-4"), so that pages can name it in titles instead of showing its text.
    /// </summary>
    [Parameter] public EventCallback<SampleItem> Named { get; set; }

    /// <summary>Library items offered beside the samples.</summary>
    [Parameter] public IReadOnlyList<LibraryItem> LibraryItems { get; set; } = [];

    /// <summary>Whether the chosen item's picture (and, where the domain renders audio, a player) shows below the input.</summary>
    [Parameter] public bool Preview { get; set; }

    /// <summary>Value of the field's <c>data-test</c> attribute (sources get it as a prefix).</summary>
    [Parameter] public string DataTest { get; set; } = "item";

    /// <summary>The domain's editor component, or null for the host's text field.</summary>
    private Type? Editor => Domain.Views.ItemEditor is { } type && typeof(IComponent).IsAssignableFrom(type) ? type : null;

    /// <summary>Whether the text field (or editor) shows: always, unless the domain's text is for the advanced.</summary>
    private bool ShowText => !Domain.Views.TextIsAdvanced || _advanced;

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        _check = ItemChecks.Check(Domain, Text);
        // The file's parts stay offered only while one of them is the item.
        if (_fileItems.Count > 0 && !_fileItems.Any(i => i.Text == Text)) ForgetFile();
    }

    private async Task SetTextAsync(string text)
    {
        Text = text ?? "";
        _check = ItemChecks.Check(Domain, Text);
        _uploadError = null;
        await TextChanged.InvokeAsync(Text);
        if ((_fileItems.FirstOrDefault(i => i.Text == Text)?.Name ?? ItemChecks.KnownName(Domain, Text, LibraryItems)) is { } name)
            await Named.InvokeAsync(new SampleItem(name, Text, []));
    }

    private void SetAdvanced(bool advanced) => _advanced = advanced;

    private void ForgetFile()
    {
        _fileItems = [];
        _fileNote = null;
        _fileName = "";
        _filePart = 0;
    }

    /// <summary>
    /// The list entry that holds the current item ("s2": the third sample, "l0": the first library item), so a default or
    /// a picked item shows by its name; empty for a typed or uploaded item.
    /// </summary>
    private string PickedValue
    {
        get
        {
            for (int i = 0; i < Domain.Samples.Count; i++)
                if (Domain.Samples[i].Text == Text) return $"s{i}";
            for (int i = 0; i < LibraryItems.Count; i++)
                if (LibraryItems[i].Text == Text) return $"l{i}";
            return "";
        }
    }

    private async Task PickAsync(ChangeEventArgs e)
    {
        var value = e.Value as string ?? "";
        if (value.Length < 2 || !int.TryParse(value[1..], out var index)) return;
        var text = value[0] == 's' ? Domain.Samples.ElementAtOrDefault(index)?.Text : LibraryItems.ElementAtOrDefault(index)?.Text;
        if (text is null) return;
        ForgetFile();
        await SetTextAsync(text);
    }

    private async Task PickPartAsync(ChangeEventArgs e)
    {
        if (!int.TryParse(e.Value as string, out var index) || index < 0 || index >= _fileItems.Count) return;
        _filePart = index;
        _fileNote = _fileItems[index].Note;
        await SetTextAsync(_fileItems[index].Text);
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        if (Domain.Files is not { } files) return;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = e.File.OpenReadStream(MaxUploadBytes)) await stream.CopyToAsync(buffer);
            var (items, first) = IItemFiles.ReadUpload(files, e.File.Name, buffer.ToArray());
            (_fileItems, _fileName, _filePart, _fileNote) = (items, e.File.Name, first, items[first].Note);
            await SetTextAsync(items[first].Text);
        }
        catch (Exception error) when (error is InvalidDataException or IOException)
        {
            ForgetFile();
            _uploadError = error.Message;
        }
    }
}
