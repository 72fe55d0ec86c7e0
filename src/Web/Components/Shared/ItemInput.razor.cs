using LatentWorkbench.Core.Domains;
using LatentWorkbench.Web.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace LatentWorkbench.Web.Components.Shared;

/// <summary>
/// Item picker: a validated text field (or the domain's <see cref="DomainViews.ItemEditor"/>, bound both ways), a
/// sample/library list and, where the domain reads files, an upload.
/// </summary>
public partial class ItemInput
{
    /// <summary>Largest upload read, in bytes.</summary>
    public const long MaxUploadBytes = 4 * 1024 * 1024;

    private ValidationResult _check = ValidationResult.Valid("");
    private string? _uploadError;
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

    /// <summary>Library items offered beside the samples.</summary>
    [Parameter] public IReadOnlyList<LibraryItem> LibraryItems { get; set; } = [];

    /// <summary>Value of the field's <c>data-test</c> attribute (sources get it as a prefix).</summary>
    [Parameter] public string DataTest { get; set; } = "item";

    /// <summary>The domain's editor component, or null for the host's text field.</summary>
    private Type? Editor => Domain.Views.ItemEditor is { } type && typeof(IComponent).IsAssignableFrom(type) ? type : null;

    /// <inheritdoc/>
    protected override void OnParametersSet() => _check = ItemChecks.Check(Domain, Text);

    private async Task SetTextAsync(string text)
    {
        Text = text ?? "";
        _check = ItemChecks.Check(Domain, Text);
        _uploadError = null;
        await TextChanged.InvokeAsync(Text);
    }

    private async Task PickAsync(ChangeEventArgs e)
    {
        var value = e.Value as string ?? "";
        if (value.Length < 2 || !int.TryParse(value[1..], out var index)) return;
        var text = value[0] == 's' ? Domain.Samples.ElementAtOrDefault(index)?.Text : LibraryItems.ElementAtOrDefault(index)?.Text;
        if (text is not null) await SetTextAsync(text);
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        if (Domain.Files is not { } files) return;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = e.File.OpenReadStream(MaxUploadBytes)) await stream.CopyToAsync(buffer);
            var items = files.ReadAll(e.File.Name, buffer.ToArray());
            await SetTextAsync(items[0].Text);
        }
        catch (Exception error) when (error is InvalidDataException or IOException)
        {
            _uploadError = error.Message;
        }
    }
}
